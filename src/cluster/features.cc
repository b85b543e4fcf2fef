#include "cluster/features.h"

#include <algorithm>

namespace recoupe::cluster {

int64_t publication_hours(const Article& article) {
  return article.published_at ? article.published_at->utc_hour : kUnknownTime;
}

std::array<double, kChannels> channel_weights(const ClusterConfig& c) {
  return {c.weight_title, c.weight_body, c.weight_entities, c.weight_numbers};
}

std::array<size_t, kChannels> channel_centroid_terms(const ClusterConfig& c) {
  return {c.centroid_title_terms, c.centroid_body_terms, c.centroid_entity_terms,
          c.centroid_number_terms};
}

std::vector<index::TermId> distinct_terms(const index::RawTerms& raw) {
  std::vector<index::TermId> ids;
  ids.reserve(raw.title.size() + raw.body.size() + raw.entities.size() + raw.numbers.size());
  for (const auto* ch : {&raw.title, &raw.body, &raw.entities, &raw.numbers})
    for (const auto& e : *ch) ids.push_back(e.term);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

ArticleFeatures weigh_features(const index::RawTerms& raw, const index::DocumentFrequency& df,
                               int64_t time_hours, const ClusterConfig& config) {
  ArticleFeatures f;
  f.title = df.weigh(raw.title, config.idf_offset, config.idf_prior_documents);
  f.body = df.weigh(raw.body, config.idf_offset, config.idf_prior_documents);
  f.entities = df.weigh(raw.entities, config.idf_offset, config.idf_prior_documents);
  f.numbers = df.weigh(raw.numbers, config.idf_offset, config.idf_prior_documents);
  // Articles keep no more terms than a centroid would: bounded memory, negligible loss.
  index::keep_top(f.body, config.centroid_body_terms);
  index::keep_top(f.entities, config.centroid_entity_terms);
  index::keep_top(f.numbers, config.centroid_number_terms);
  f.signature = raw.signature;
  f.time_hours = time_hours;
  f.words = raw.words;
  return f;
}

}  // namespace recoupe::cluster
