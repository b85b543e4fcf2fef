#include "cluster/cluster_config.h"

#include <algorithm>

namespace recoupe::cluster {

double pair_bar(const ClusterConfig& c) {
  return std::max(c.join_threshold, c.relative_threshold * c.prior_coherence);
}

}  // namespace recoupe::cluster
