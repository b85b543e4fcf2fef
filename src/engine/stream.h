// Live grouping: articles arrive one at a time and each is placed in a story at once, by the
// same EventClusterer that the batch path uses (engine/batch.h), without waiting for the
// rest of the corpus.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/event_clusterer.h"
#include "core/article.h"
#include "engine/batch.h"
#include "engine/featurize.h"

namespace recoupe::engine {

// Where one new article went.
struct StreamAssignment {
  std::string article_id;
  // The story's id: the id of the first article that started it. Stable while the story
  // lives; when two stories merge, the surviving one keeps its id and later articles of the
  // other report the survivor's.
  std::string story_id;
  bool new_story = false;                   // the article started a story of its own
  std::optional<std::string> duplicate_of;  // the earlier article it reprints
};

// Differences from the batch path, by design: corpus statistics are those seen so far (the
// first articles are weighed with little evidence, which ClusterConfig::idf_prior_documents
// tempers), articles are taken in arrival order, and the global refinement of the batch
// (refine()) does not run after each article. Memory: a few KB per article kept
// (EventClusterer::memory_bytes()). Not thread-safe.
class StreamGrouper {
 public:
  // `resources` must outlive the grouper.
  StreamGrouper(const Resources& resources, const cluster::ClusterConfig& config);
  // Not copyable nor movable: the term extractor points into the grouper's own FeatureSpace.
  // (Pipeline::stream() returns one by guaranteed copy elision.)
  StreamGrouper(const StreamGrouper&) = delete;
  StreamGrouper& operator=(const StreamGrouper&) = delete;

  // Places one article; cost independent of the number of stored articles beyond the
  // candidate index's bounded reads (see EventClusterer::add).
  StreamAssignment add(const Article& article);

  // The story of every article placed so far, in the order added: dense labels 0..k−1
  // numbered by first article (EventClusterer::labels()). A merge or a split moves earlier
  // articles too, so a caller that keeps its own record of stories (the store) reads this
  // after adding. Cost: O(articles).
  std::vector<uint32_t> labels() const { return clusterer_.labels(); }

  size_t size() const { return ids_.size(); }
  size_t stories() const { return clusterer_.live_clusters(); }

 private:
  cluster::ClusterConfig config_;
  FeatureSpace space_;
  std::unique_ptr<index::TermExtractor> extractor_;
  cluster::EventClusterer clusterer_;
  std::vector<std::string> ids_;                         // by clusterer article number
  std::unordered_map<uint32_t, std::string> story_ids_;  // cluster handle → story id
};

}  // namespace recoupe::engine
