#include "eval/pair_scores.h"

#include <cmath>

#include <fmt/format.h>

namespace recoupe::eval {
namespace {
double round4(double x) { return std::round(x * 10000.0) / 10000.0; }
}  // namespace

PairCounts count_decisions(const std::vector<double>& scores, const std::vector<bool>& same_event,
                           double threshold) {
  PairCounts c;
  for (size_t i = 0; i < scores.size(); ++i) {
    bool yes = scores[i] >= threshold;
    (yes ? (same_event[i] ? c.tp : c.fp) : (same_event[i] ? c.fn : c.tn)) += 1;
  }
  return c;
}

PairScores score_pairs(const std::vector<double>& scores, const std::vector<bool>& same_event,
                       double threshold) {
  PairScores s;
  s.pairs = scores.size();
  for (bool b : same_event) s.positives += b;
  s.threshold = threshold;
  s.counts = count_decisions(scores, same_event, threshold);
  for (double x = 0.0; x <= 1.0; x += 0.01) {
    double f = count_decisions(scores, same_event, x).f1();
    if (f > s.oracle_f1) s.oracle_f1 = f, s.oracle_threshold = x;
  }
  return s;
}

nlohmann::ordered_json pair_json(const PairScores& s) {
  nlohmann::ordered_json j;
  j["pairs"] = s.pairs;
  j["positives"] = s.positives;
  j["threshold"] = s.threshold;
  j["accuracy"] = round4(s.counts.accuracy());
  j["precision"] = round4(s.counts.precision());
  j["recall"] = round4(s.counts.recall());
  j["f1"] = round4(s.counts.f1());
  j["oracle_threshold"] = round4(s.oracle_threshold);
  j["oracle_f1"] = round4(s.oracle_f1);
  return j;
}

std::string pair_text(const PairScores& s) {
  return fmt::format(
      "pairs             {}\npositives         {}\nthreshold         {:.3f}\naccuracy          "
      "{:.4f}\nprecision         {:.4f}\nrecall            {:.4f}\nf1                {:.4f}\n"
      "oracle_threshold  {:.2f}\noracle_f1         {:.4f}\n",
      s.pairs, s.positives, s.threshold, s.counts.accuracy(), s.counts.precision(),
      s.counts.recall(), s.counts.f1(), s.oracle_threshold, s.oracle_f1);
}

}  // namespace recoupe::eval
