#include "engine/featurize.h"

#include <memory>

namespace recoupe::engine {

std::vector<index::RawTerms> extract_terms(const std::vector<Article>& articles,
                                           FeatureSpace& space, unsigned threads) {
  std::vector<index::RawTerms> raw(articles.size());
  parallel_for(
      articles.size(), threads,
      [&] { return std::make_unique<index::TermExtractor>(space.dictionary, space.stop_words); },
      [&](auto& extractor, size_t i) {
        const Article& a = articles[i];
        raw[i] = extractor->extract(a.language.value_or(""), a.title.value_or(""), a.text);
      });
  return raw;
}

std::vector<cluster::ArticleFeatures> featurize_batch(const std::vector<Article>& articles,
                                                      FeatureSpace& space,
                                                      const cluster::ClusterConfig& config,
                                                      unsigned threads) {
  std::vector<index::RawTerms> raw = extract_terms(articles, space, threads);
  for (const auto& r : raw) space.df.add(cluster::distinct_terms(r));
  std::vector<cluster::ArticleFeatures> out(articles.size());
  parallel_for(
      articles.size(), threads, [] { return 0; },
      [&](int&, size_t i) {
        out[i] = cluster::weigh_features(raw[i], space.df,
                                         cluster::parse_time_hours(articles[i].published), config);
        raw[i] = {};
      });
  return out;
}

}  // namespace recoupe::engine
