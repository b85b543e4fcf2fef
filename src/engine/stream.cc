#include "engine/stream.h"

#include <algorithm>

namespace recoupe::engine {

StreamGrouper::StreamGrouper(const Resources& resources, const cluster::ClusterConfig& config)
    : config_(config),
      space_(resources.data_dir(), resources.stop_words(), resources.elisions()),
      extractor_(std::make_unique<index::TermExtractor>(space_.dictionary, space_.stop_words,
                                                        space_.elisions)),
      clusterer_(config) {}

StreamAssignment StreamGrouper::add(const Article& article) {
  index::RawTerms raw =
      extractor_->extract(article.language.value_or(""), article.title.value_or(""), article.text);
  space_.df.add(cluster::distinct_terms(raw));
  cluster::ArticleFeatures features =
      cluster::weigh_features(raw, space_.df, cluster::publication_hours(article), config_);
  uint32_t number = clusterer_.add(std::move(features));
  ids_.push_back(article.id);

  StreamAssignment out;
  out.article_id = article.id;
  uint32_t root = clusterer_.duplicate_root(number);
  if (root != number) out.duplicate_of = ids_[root];
  uint32_t cluster = clusterer_.cluster_of(number);
  const std::vector<uint32_t>& members = clusterer_.members(cluster);
  out.new_story = members.size() == 1;
  auto it = story_ids_.find(cluster);
  if (it == story_ids_.end()) {
    // A cluster seen for the first time (new, or made by a split): named after its earliest
    // article.
    uint32_t first = *std::min_element(members.begin(), members.end());
    it = story_ids_.emplace(cluster, ids_[first]).first;
  }
  out.story_id = it->second;
  return out;
}

}  // namespace recoupe::engine
