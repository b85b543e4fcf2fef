// Same-event decisions on labelled article pairs (e.g. tgnews pairs): counts at a threshold,
// the best threshold in hindsight, and the `recoupe eval-pairs` output.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace recoupe::eval {

// Decisions against gold. Precision and recall are 1 when undefined (no decision / no
// positive), accuracy 0 for no pair.
struct PairCounts {
  double tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp > 0 ? tp / (tp + fp) : 1; }
  double recall() const { return tp + fn > 0 ? tp / (tp + fn) : 1; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double accuracy() const { return (tp + tn) / std::max(1.0, tp + fp + fn + tn); }
};

// "Same event" when `scores[i]` >= `threshold`; `same_event[i]` is the gold. Sizes must match.
PairCounts count_decisions(const std::vector<double>& scores, const std::vector<bool>& same_event,
                           double threshold);

struct PairScores {
  size_t pairs = 0;
  size_t positives = 0;  // gold same-event pairs
  double threshold = 0;
  PairCounts counts;            // at `threshold`
  double oracle_threshold = 0;  // diagnostic only: the threshold of 0, 0.01, .., 1 with the
  double oracle_f1 = 0;         // best F1 (the first when tied), and that F1
};

// Pure; cost O(pairs × 101).
PairScores score_pairs(const std::vector<double>& scores, const std::vector<bool>& same_event,
                       double threshold);

// {pairs, positives, threshold, accuracy, precision, recall, f1, oracle_threshold,
// oracle_f1}, scores rounded to 4 decimals.
nlohmann::ordered_json pair_json(const PairScores& s);

// The same as aligned "name  value" lines.
std::string pair_text(const PairScores& s);

}  // namespace recoupe::eval
