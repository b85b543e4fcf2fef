#include "eval/pair_gold.h"

#include <nlohmann/json.hpp>

#include "ingest/lines.h"
#include "ingest/reader.h"

namespace recoupe::eval {
namespace {

// The pair of one record, or why the record is not one.
Expected<LabeledPair> parse_pair(std::string_view line, const std::string& where) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Error{where, "not a JSON object"};
  auto label = j.find("same_event");
  if (label == j.end() || !label->is_boolean()) return Error{where, "no boolean \"same_event\""};
  // An optional string field: absent or null is "", any other type is an error.
  std::string bad_field;
  auto str = [&](const std::string& key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::string();
    if (!it->is_string()) {
      if (bad_field.empty()) bad_field = key;
      return std::string();
    }
    return it->get<std::string>();
  };
  LabeledPair p;
  const std::string lang = str("lang");
  for (auto [a, prefix] : {std::pair{&p.first, "first_"}, std::pair{&p.second, "second_"}}) {
    a->id = str(std::string(prefix) + "url");
    a->title = str(std::string(prefix) + "title");
    a->text = str(std::string(prefix) + "text");
    if (!lang.empty()) a->language = lang;
  }
  if (!bad_field.empty()) return Error{where, "\"" + bad_field + "\" is not a string"};
  for (auto [a, prefix] : {std::pair{&p.first, "first"}, std::pair{&p.second, "second"}})
    if ((!a->title || a->title->empty()) && a->text.empty())
      return Error{where, std::string("the ") + prefix + " article has no title and no text"};
  p.same_event = label->get<bool>();
  return p;
}

}  // namespace

Expected<PairGold> read_pair_gold(const std::string& path) {
  PairGold out;
  const size_t max_line = ingest::ReadLimits{}.max_line_bytes;
  auto read =
      ingest::for_each_line(path, max_line, [&](std::string_view line, size_t n, bool oversized) {
        const std::string where = path + ":" + std::to_string(n);
        if (oversized) {
          out.errors.push_back({where, "record over " + std::to_string(max_line >> 20) + " MB"});
          return;
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
        auto pair = parse_pair(line, where);
        if (pair)
          out.pairs.push_back(std::move(*pair));
        else
          out.errors.push_back(pair.error());
      });
  if (!read) return read.error();
  return out;
}

}  // namespace recoupe::eval
