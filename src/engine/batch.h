// Batch grouping: a set of articles → stories (near-duplicates marked, events clustered).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cluster/cluster_config.h"
#include "core/article.h"
#include "core/story.h"
#include "engine/resources.h"

namespace recoupe::engine {

struct BatchResult {
  // Most important first: distinct outlets, then articles, then the latest date.
  std::vector<Story> stories;
  // Per input article: the id of the earliest article of its near-duplicate group, or
  // nullopt when it is an original.
  std::vector<std::optional<std::string>> duplicate_of;
  // Per input article: the index of its story in `stories`.
  std::vector<size_t> story_of;
};

// Groups `articles`: features in parallel, then the EventClusterer over the articles in
// publication order (undated articles keep their input position relative to the dated
// ones before them), then its global refinement. Every article is in exactly one story.
// Deterministic for a given input and config, whatever `threads` (feature extraction and
// refinement threads, 0: all cores; assignment is sequential). Never fails (an empty input
// gives no story).
BatchResult group_articles(const std::vector<Article>& articles, const Resources& resources,
                           const cluster::ClusterConfig& config, unsigned threads = 0);

// The publication order used above: indices of `articles`, earliest first.
std::vector<size_t> publication_order(const std::vector<Article>& articles);

}  // namespace recoupe::engine
