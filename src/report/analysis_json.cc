#include "report/analysis_json.h"

namespace recoupe::report {

nlohmann::ordered_json analysis_to_json(const ArticleAnalysis& a, bool with_sentences) {
  using J = nlohmann::ordered_json;
  J j = J::object();
  j["id"] = a.article_id;
  j["language"] = a.language;
  j["reference_date"] = a.reference_date ? J(*a.reference_date) : J(nullptr);
  if (with_sentences) {
    J sentences = J::array();
    for (const auto& s : a.sentences)
      sentences.push_back(
          {{"text", s.text}, {"begin", s.begin}, {"end", s.end}, {"paragraph", s.paragraph}});
    j["sentences"] = std::move(sentences);
  }
  J dates = J::array();
  for (const auto& d : a.dates) {
    J x = {{"text", d.text},
           {"begin", d.begin},
           {"end", d.end},
           {"value", d.value},
           {"precision", to_string(d.precision)},
           {"relative", d.relative}};
    if (!d.anchor.empty()) x["anchor"] = d.anchor;
    if (!d.time_of_day.empty()) x["time_of_day"] = d.time_of_day;
    dates.push_back(std::move(x));
  }
  j["dates"] = std::move(dates);
  J quantities = J::array();
  for (const auto& q : a.quantities)
    quantities.push_back({{"text", q.text},
                          {"begin", q.begin},
                          {"end", q.end},
                          {"value", q.value},
                          {"unit", q.unit},
                          {"approximation", to_string(q.approximation)}});
  j["quantities"] = std::move(quantities);
  J quotes = J::array();
  for (const auto& q : a.quotes) {
    J x = {{"text", q.text}, {"begin", q.begin}, {"end", q.end}, {"kind", to_string(q.kind)}};
    x["speaker"] = q.speaker.empty() ? J(nullptr) : J(q.speaker);
    if (!q.speaker.empty()) {
      x["speaker_begin"] = q.speaker_begin;
      x["speaker_end"] = q.speaker_end;
    }
    if (!q.verb.empty()) x["verb"] = q.verb;
    if (!q.via.empty()) x["via"] = q.via;
    quotes.push_back(std::move(x));
  }
  j["quotes"] = std::move(quotes);
  return j;
}

}  // namespace recoupe::report
