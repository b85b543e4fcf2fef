#include "cluster/metrics.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace recoupe::cluster {
namespace {
double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double pairs(double n) { return n * (n - 1) / 2; }
}  // namespace

ClusteringScores score_clustering(const std::vector<std::string>& gold,
                                  const std::vector<std::string>& found) {
  ClusteringScores s;
  if (gold.size() != found.size() || gold.empty()) return s;
  s.docs = gold.size();
  std::unordered_map<std::string, double> gsize, fsize;
  std::map<std::pair<std::string, std::string>, double> both;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++gsize[gold[i]];
    ++fsize[found[i]];
    ++both[{gold[i], found[i]}];
  }
  s.gold_events = gsize.size();
  s.found_events = fsize.size();
  double p = 0, r = 0, tp = 0, found_pairs = 0, gold_pairs = 0;
  for (const auto& [key, n] : both) {
    // Every one of the n items in this cell sees n items that share both its clusters.
    p += n * n / fsize[key.second];
    r += n * n / gsize[key.first];
    tp += pairs(n);
  }
  for (const auto& [k, n] : fsize) found_pairs += pairs(n);
  for (const auto& [k, n] : gsize) gold_pairs += pairs(n);
  s.bcubed_p = p / double(s.docs);
  s.bcubed_r = r / double(s.docs);
  s.bcubed_f1 = f1(s.bcubed_p, s.bcubed_r);
  s.pair_p = found_pairs > 0 ? tp / found_pairs : 1.0;
  s.pair_r = gold_pairs > 0 ? tp / gold_pairs : 1.0;
  s.pair_f1 = f1(s.pair_p, s.pair_r);
  return s;
}

}  // namespace recoupe::cluster
