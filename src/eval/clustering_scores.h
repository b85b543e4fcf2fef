// Clustering quality against gold labels: B-cubed and pairwise precision/recall/F1, the
// labels of a gold article set, and the rendering `recoupe eval` prints.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/article.h"

namespace recoupe::eval {

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
// (else all zero). Cost O(n) with hashing. Pure.
ClusteringScores score_clustering(const std::vector<std::string>& gold,
                                  const std::vector<std::string>& found);

// The gold label of each article of a gold set (formats.md): its "event", or, for a record
// without one, a label of its own (its id), so that it is its own event.
std::vector<std::string> event_labels(const std::vector<Article>& articles);

// The found label of each article: the index of its story, as text.
std::vector<std::string> story_labels(const std::vector<size_t>& story_of);

// `recoupe eval` output, scores rounded to 4 decimals and `seconds` (grouping time) to 3:
// {docs, gold_events, found_events, bcubed_p, bcubed_r, bcubed_f1, pair_p, pair_r, pair_f1,
// seconds}.
nlohmann::ordered_json clustering_json(const ClusteringScores& s, double seconds);

// The same as aligned "name  value" lines, one per field.
std::string clustering_text(const ClusteringScores& s, double seconds);

}  // namespace recoupe::eval
