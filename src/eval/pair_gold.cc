#include "eval/pair_gold.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace recoupe::eval {

Expected<PairGold> read_pair_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{"", "cannot read " + path};
  PairGold out;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("same_event") ||
        !j["same_event"].is_boolean()) {
      out.errors.push_back({path + ":" + std::to_string(line_no), "not a pair record"});
      continue;
    }
    auto str = [&](const std::string& k) {
      return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    LabeledPair p;
    for (auto [a, prefix] : {std::pair{&p.first, "first_"}, std::pair{&p.second, "second_"}}) {
      a->id = str(std::string(prefix) + "url");
      a->title = str(std::string(prefix) + "title");
      a->text = str(std::string(prefix) + "text");
      if (!str("lang").empty()) a->language = str("lang");
    }
    p.same_event = j["same_event"].get<bool>();
    out.pairs.push_back(std::move(p));
  }
  return out;
}

}  // namespace recoupe::eval
