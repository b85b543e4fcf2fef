#include "eval/extraction_gold.h"

#include <nlohmann/json.hpp>

#include "ingest/lines.h"
#include "ingest/reader.h"

namespace recoupe::eval {
namespace {

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::optional<std::string> non_empty_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

Expected<size_t> read_extraction_gold(const std::string& path,
                                      const ExtractionGoldHandler& on_record) {
  bool reading = true;
  return ingest::for_each_line(
      path, ingest::ReadLimits{}.max_line_bytes,
      [&](std::string_view line, size_t n, bool oversized) {
        if (!reading || oversized || line.find_first_not_of(" \t\r") == std::string_view::npos)
          return;
        std::string where = path + ":" + std::to_string(n);
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
          reading = on_record(Error{where, "not valid JSON"});
          return;
        }
        ExtractionGold gold;
        gold.record = line;
        gold.where = std::move(where);
        gold.has_snippets = j.contains("with") || j.contains("without");
        gold.with = string_list(j, "with");
        gold.without = string_list(j, "without");
        if (auto it = j.find("body"); it != j.end() && it->is_string())
          gold.body = it->get<std::string>();
        gold.title = non_empty_string(j, "gold_title");
        gold.date = non_empty_string(j, "gold_date");
        gold.author = non_empty_string(j, "gold_author");
        reading = on_record(std::move(gold));
      });
}

}  // namespace recoupe::eval
