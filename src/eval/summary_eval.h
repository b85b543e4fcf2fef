// The summary evaluation (`recoupe eval-summary`): ROUGE of the system's summaries and of
// the lead baseline against human references, accumulated over records, and its rendering.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/rouge.h"
#include "eval/summary_refs.h"

namespace recoupe::eval {

// Mean ROUGE F1 over the records added.
struct RougeMean {
  double rouge1 = 0, rouge2 = 0, rougel = 0;  // sums until divided by `n`
  int n = 0;
  void add(const RougeScores& s);
  RougeScores mean() const;  // zeros when nothing was added
};

struct SummaryRecordScore {
  std::string topic;
  int slice = 0;
  double system_rouge1 = 0;
  double lead_rouge1 = 0;
};

// Accumulates the scores of one run. Not thread-safe.
struct SummaryEval {
  int words = 100;         // summaries are cut to this many words before scoring
  int records = 0;         // records scored
  int missing = 0;         // doc_ids not found among the articles
  double seconds = 0;      // analysis + summary time, added by the caller
  RougeMean system, lead;  // the system's summaries, the lead baseline's
  std::vector<SummaryRecordScore> per_record;

  // Scores `summary` and `lead_summary` (texts in `language`, which picks the Snowball
  // stemmer) against `ref.summaries`, cut to `words` (rouge.h; words cut with `elisions`),
  // and adds them.
  void add(const SummaryRef& ref, const std::string& language, const std::string& summary,
           const std::string& lead_summary, const text::ElisionRules& elisions);
};

// {records, missing_articles, words, tokens, recoupe: {rouge1_f, rouge2_f, rougel_f}, lead:
// {...}, seconds, per_record: [{topic, slice, recoupe_rouge1_f, lead_rouge1_f}]}.
nlohmann::ordered_json summary_json(const SummaryEval& e);

// A table of the two systems' means, the time, and the missing ids (of `articles_path`).
std::string summary_text(const SummaryEval& e, const std::string& articles_path);

}  // namespace recoupe::eval
