// The pair-scoring model: how strongly two items (articles or clusters) look like one event.
#pragma once

#include <array>
#include <cstdint>

#include "cluster/cluster_config.h"
#include "cluster/features.h"
#include "index/sparse_vector.h"

namespace recoupe::cluster {

// A read-only view of an article or a cluster centroid: one vector per channel with its
// norm (0 = channel absent), and the time span covered (unknown: kUnknownTime).
struct Profile {
  std::array<const index::SparseVector*, kChannels> vectors{};
  std::array<double, kChannels> norms{};
  std::array<double, kChannels> counts{};  // unit vectors summed into the channel (article: 1)
  int64_t time_min = kUnknownTime;
  int64_t time_max = kUnknownTime;
};

// The profile of one article (its vectors are unit length).
Profile profile_of(const ArticleFeatures& f);

struct PairScore {
  double total = 0;                         // the decision value, compared with the thresholds
  std::array<double, kChannels> cosines{};  // −1 where a side lacks the channel
  double time_proximity = -1;               // exp(−Δt²/2σ²), −1 when a date is unknown
};

// Per channel, the similarity is the cosine of the two (summed) vectors times
// (coherence_a · coherence_b)^linkage_exponent, where coherence = |sum| / count ∈ (0, 1]:
// exponent 0 compares centroids, exponent 1 gives the mean pairwise cosine (average link),
// which a loose cluster cannot inflate by averaging its members' differences away.
// Σ weight·similarity over the channels both sides have, divided by the sum of those weights,
// minus weight_time·(1 − proximity) when both time spans are known. Δt is the gap between
// the two spans (0 when they overlap). Symmetric; 0 when no channel is shared. Pure; cost
// O(terms) per channel.
PairScore pair_score(const Profile& a, const Profile& b, const ClusterConfig& config);

}  // namespace recoupe::cluster
