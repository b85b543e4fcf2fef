// Same-event decisions on article pairs (the cross-language pair benchmark).
#pragma once

#include <vector>

#include "cluster/cluster_config.h"
#include "core/article.h"
#include "engine/batch.h"

namespace recoupe::engine {

struct ArticlePair {
  Article first, second;
};

// The pair score (cluster::pair_score) of each pair, with corpus statistics learned from all
// the pairs' articles together (as a batch would). Features in parallel.
std::vector<double> score_pairs(const std::vector<ArticlePair>& pairs, const Resources& resources,
                                const cluster::ClusterConfig& config, unsigned threads = 0);

}  // namespace recoupe::engine
