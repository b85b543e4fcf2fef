// AnalysisCache: the analyses of articles (sentences, dates, quantities, entities, quotes:
// analyze::analyze_article) kept from one cross-check of a story to the next. The live path
// (engine/live_stories.h) cross-checks a story again whenever an article joins it; without
// the cache every one of its articles would be analysed again, which is most of the cost of
// a batch on a large story.
//
//   engine::AnalysisCache cache(20000);
//   pipeline.cross_check(articles, grouping, &cache);   // analyses each article once
//
// An analysis depends on the article's id, language and text, and on its reference date
// (its publication day, else the story's latest one), and on the pipeline's resources and
// config, which do not change during a run: an entry is found by the first three and the
// effective reference date, and its text is compared in full before it is used, so a
// revised or cut text (synth/cross_check_budget.h) is analysed again. Bounded: past
// `max_articles` entries the least recently used one is dropped. Thread-safe (one mutex;
// analyses run outside it, and two threads missing the same article both compute it).
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/analysis.h"
#include "core/article.h"

namespace recoupe::engine {

class AnalysisCache {
 public:
  explicit AnalysisCache(size_t max_articles) : max_articles_(max_articles) {}

  // The analysis of `article` against `reference_date` (see analyze::analyze_article): the
  // kept one when the same article was analysed against the same effective date, else
  // `analyze()`, which is then kept. Cost: a copy of the analysis on a hit.
  ArticleAnalysis get(const Article& article, const std::optional<std::string>& reference_date,
                      const std::function<ArticleAnalysis()>& analyze);

  size_t size() const;
  size_t hits() const;
  size_t misses() const;

 private:
  struct Entry {
    std::string key;
    std::string text;  // compared in full: the key does not hold it
    std::shared_ptr<const ArticleAnalysis> analysis;
  };
  using Recency = std::list<Entry>;  // most recently used first

  const size_t max_articles_;
  mutable std::mutex mutex_;
  Recency recency_;
  std::unordered_map<std::string, Recency::iterator> by_key_;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace recoupe::engine
