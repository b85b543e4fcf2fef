#include "eval/summary_refs.h"

#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "ingest/lines.h"

namespace recoupe::eval {
namespace {

// The record of `line`, or the reason it is not one (the first field at fault).
Expected<SummaryRef> parse_ref(std::string_view line, const std::string& where) {
  auto rec = nlohmann::json::parse(line, nullptr, false);
  if (rec.is_discarded() || !rec.is_object()) return Error{where, "not a JSON object"};
  SummaryRef ref;
  for (auto [key, out] : {std::pair{"summaries", &ref.summaries}, {"doc_ids", &ref.doc_ids}}) {
    auto it = rec.find(key);
    if (it == rec.end() || !it->is_array() || it->empty())
      return Error{where, std::string("no \"") + key + "\" array (non-empty, of strings)"};
    for (const auto& v : *it) {
      if (!v.is_string())
        return Error{where, std::string("a \"") + key + "\" entry is not a string"};
      out->push_back(v.get<std::string>());
    }
  }
  if (auto it = rec.find("topic"); it != rec.end() && !it->is_null()) {
    if (!it->is_string()) return Error{where, "\"topic\" is not a string"};
    ref.topic = it->get<std::string>();
  }
  if (auto it = rec.find("slice"); it != rec.end() && !it->is_null()) {
    // Integers only, within an int: a float, or an integer nlohmann holds as unsigned or
    // beyond int, would be converted with undefined behaviour by get<int>().
    const bool fits = (it->is_number_integer() && !it->is_number_unsigned() &&
                       it->get<int64_t>() >= std::numeric_limits<int>::min() &&
                       it->get<int64_t>() <= std::numeric_limits<int>::max()) ||
                      (it->is_number_unsigned() &&
                       it->get<uint64_t>() <= uint64_t(std::numeric_limits<int>::max()));
    if (!fits) return Error{where, "\"slice\" is not an integer within ±2^31"};
    ref.slice = static_cast<int>(it->get<int64_t>());
  }
  return ref;
}

}  // namespace

Expected<SummaryRefs> read_summary_refs(const std::string& path) {
  SummaryRefs out;
  auto read = ingest::for_each_line(path, size_t{64} << 20,
                                    [&](std::string_view line, size_t n, bool oversized) {
                                      std::string where = path + ":" + std::to_string(n);
                                      if (oversized) {
                                        out.errors.push_back({where, "record over 64 MB"});
                                        return;
                                      }
                                      if (line.find_first_not_of(" \t\r") == std::string_view::npos)
                                        return;
                                      auto ref = parse_ref(line, where);
                                      if (!ref) {
                                        out.errors.push_back(ref.error());
                                        return;
                                      }
                                      ref->line = n;
                                      out.records.push_back(std::move(*ref));
                                    });
  if (!read) return read.error();
  return out;
}

std::vector<Article> articles_of(const SummaryRef& ref,
                                 const std::unordered_map<std::string, Article>& by_id,
                                 int& missing) {
  std::vector<Article> out;
  for (const auto& id : ref.doc_ids) {
    auto it = by_id.find(id);
    if (it == by_id.end())
      ++missing;
    else
      out.push_back(it->second);
  }
  return out;
}

}  // namespace recoupe::eval
