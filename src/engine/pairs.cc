#include "engine/pairs.h"

#include "cluster/pair_score.h"
#include "engine/featurize.h"

namespace recoupe::engine {

std::vector<double> score_pairs(const std::vector<ArticlePair>& pairs, const Resources& resources,
                                const cluster::ClusterConfig& config, unsigned threads) {
  std::vector<Article> all;
  all.reserve(2 * pairs.size());
  for (const auto& p : pairs) {
    all.push_back(p.first);
    all.push_back(p.second);
  }
  FeatureSpace space(resources.data_dir(), resources.stop_words(), resources.elisions());
  auto features = featurize_batch(all, space, config, threads);
  std::vector<double> out;
  out.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i)
    out.push_back(cluster::pair_score(cluster::profile_of(features[2 * i]),
                                      cluster::profile_of(features[2 * i + 1]), config)
                      .total);
  return out;
}

}  // namespace recoupe::engine
