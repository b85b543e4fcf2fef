#include "eval/summary_eval.h"

#include <fmt/format.h>

#include "text/stemmer.h"

namespace recoupe::eval {
namespace {

nlohmann::ordered_json rouge_json(const RougeScores& s) {
  return {{"rouge1_f", s.rouge1}, {"rouge2_f", s.rouge2}, {"rougel_f", s.rougel}};
}

}  // namespace

void RougeMean::add(const RougeScores& s) {
  rouge1 += s.rouge1;
  rouge2 += s.rouge2;
  rougel += s.rougel;
  ++n;
}

RougeScores RougeMean::mean() const {
  double d = n ? n : 1;
  return {rouge1 / d, rouge2 / d, rougel / d};
}

void SummaryEval::add(const SummaryRef& ref, const std::string& language,
                      const std::string& summary, const std::string& lead_summary,
                      const text::ElisionRules& elisions) {
  text::Stemmer stemmer(language);
  RougeScores s = rouge(summary, ref.summaries, stemmer, elisions, words);
  RougeScores l = rouge(lead_summary, ref.summaries, stemmer, elisions, words);
  system.add(s);
  lead.add(l);
  ++records;
  per_record.push_back({ref.topic, ref.slice, s.rouge1, l.rouge1});
}

nlohmann::ordered_json summary_json(const SummaryEval& e) {
  nlohmann::ordered_json per_record = nlohmann::ordered_json::array();
  for (const auto& r : e.per_record)
    per_record.push_back({{"topic", r.topic},
                          {"slice", r.slice},
                          {"recoupe_rouge1_f", r.system_rouge1},
                          {"lead_rouge1_f", r.lead_rouge1}});
  return {{"records", e.records},
          {"missing_articles", e.missing},
          {"words", e.words},
          {"tokens", "folded words, Snowball-stemmed, stop words kept"},
          {"recoupe", rouge_json(e.system.mean())},
          {"lead", rouge_json(e.lead.mean())},
          {"seconds", e.seconds},
          {"per_record", per_record}};
}

std::string summary_text(const SummaryEval& e, const std::string& articles_path) {
  std::string out = fmt::format("{} records, {} words per summary ({})\n", e.records, e.words,
                                "folded, stemmed, stop words kept");
  out += fmt::format("{:<10} {:>9} {:>9} {:>9}\n", "system", "ROUGE-1", "ROUGE-2", "ROUGE-L");
  for (auto [name, m] : {std::pair{"recoupe", &e.system}, {"lead", &e.lead}}) {
    RougeScores s = m->mean();
    out += fmt::format("{:<10} {:9.4f} {:9.4f} {:9.4f}\n", name, s.rouge1, s.rouge2, s.rougel);
  }
  out += fmt::format("analysis + summary: {:.2f} s\n", e.seconds);
  if (e.missing) out += fmt::format("{} article ids not found in {}\n", e.missing, articles_path);
  return out;
}

}  // namespace recoupe::eval
