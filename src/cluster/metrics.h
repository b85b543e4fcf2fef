// Clustering quality against gold labels: B-cubed and pairwise precision/recall/F1.
#pragma once

#include <string>
#include <vector>

namespace recoupe::cluster {

struct ClusteringScores {
  size_t docs = 0;
  size_t gold_events = 0;
  size_t found_events = 0;
  double bcubed_p = 0, bcubed_r = 0, bcubed_f1 = 0;
  double pair_p = 0, pair_r = 0, pair_f1 = 0;
};

// `gold[i]` and `found[i]` label item i (any strings / ids; equal = same cluster). B-cubed
// (Bagga & Baldwin 1998): per item, precision = |found ∩ gold| / |found| and recall =
// |found ∩ gold| / |gold| of its clusters, averaged over items; F1 of the averages.
// Pairwise: over all unordered item pairs, a pair is positive when in one cluster. When no
// pair is positive on a side, the corresponding precision or recall is 1. Sizes must match
// (else all zero). Cost O(n) with hashing.
ClusteringScores score_clustering(const std::vector<std::string>& gold,
                                  const std::vector<std::string>& found);

}  // namespace recoupe::cluster
