#include "cluster/pair_score.h"

#include <algorithm>
#include <cmath>

namespace recoupe::cluster {

Profile profile_of(const ArticleFeatures& f) {
  Profile p;
  p.vectors = f.channels();
  for (int c = 0; c < kChannels; ++c) p.norms[c] = p.counts[c] = p.vectors[c]->empty() ? 0.0 : 1.0;
  p.time_min = p.time_max = f.time_hours;
  return p;
}

PairScore pair_score(const Profile& a, const Profile& b, const ClusterConfig& config) {
  const std::array<double, kChannels> weights = channel_weights(config);
  PairScore s;
  double sum = 0, wsum = 0;
  for (int c = 0; c < kChannels; ++c) {
    if (a.norms[c] <= 0 || b.norms[c] <= 0) {
      s.cosines[c] = -1;
      continue;
    }
    double cos = index::dot(*a.vectors[c], *b.vectors[c]) / (a.norms[c] * b.norms[c]);
    if (config.linkage_exponent > 0) {
      double coherence =
          (a.norms[c] / std::max(1.0, a.counts[c])) * (b.norms[c] / std::max(1.0, b.counts[c]));
      const double c = std::min(1.0, coherence);
      // pow(c, 1) == c exactly: the default average link skips the call (3 % of clustering).
      cos *= config.linkage_exponent == 1.0 ? c : std::pow(c, config.linkage_exponent);
    }
    s.cosines[c] = cos;
    sum += weights[c] * cos;
    wsum += weights[c];
  }
  s.total = wsum > 0 ? sum / wsum : 0;
  if (a.time_min != kUnknownTime && b.time_min != kUnknownTime) {
    double gap = 0;
    if (a.time_max < b.time_min) gap = double(b.time_min - a.time_max);
    if (b.time_max < a.time_min) gap = double(a.time_min - b.time_max);
    double sigma = config.time_sigma_hours;
    s.time_proximity = std::exp(-gap * gap / (2 * sigma * sigma));
    s.total -= config.weight_time * (1 - s.time_proximity);
  }
  return s;
}

}  // namespace recoupe::cluster
