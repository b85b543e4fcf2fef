// AnalysisCache: what the cross-check of a story makes of each of its articles on its own,
// kept from one cross-check of the story to the next: the article's analysis (sentences,
// dates, quantities, entities, quotes: analyze::analyze_article) and its reading under the
// story's language (content words, headline, framing terms: synth::read_article). The live
// path (engine/live_stories.h) cross-checks a story again whenever an article joins it;
// without the cache every one of its articles would be analysed and read again, which is
// most of the cost of a batch on a large story.
//
//   engine::AnalysisCache cache(20000);
//   pipeline.cross_check(articles, grouping, &cache);   // analyses each article once
//
// An analysis depends on the article's id, language and text, and on its reference date
// (its publication day, else the story's latest one), and on the pipeline's resources and
// config, which do not change during a run: an entry is found by the first three and the
// effective reference date, and its text is compared in full before it is used, so a
// revised or cut text (synth/cross_check_budget.h) is analysed again. A reading depends on
// the same and on the story's language. Bounded: past `max_articles` analyses, or past
// `max_reading_bytes` of readings (they are larger: ~20-100 KB for a news article), the
// least recently used one is dropped. Thread-safe (one mutex; analyses and readings are
// made outside it, and two threads missing the same article both make it).
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
#include "synth/article_reading.h"

namespace recoupe::engine {

class AnalysisCache {
 public:
  static constexpr size_t kDefaultReadingBytes = size_t{64} << 20;

  explicit AnalysisCache(size_t max_articles, size_t max_reading_bytes = kDefaultReadingBytes)
      : analyses_(max_articles), readings_(max_reading_bytes) {}

  // The analysis of `article` against `reference_date` (see analyze::analyze_article): the
  // kept one when the same article was analysed against the same effective date, else
  // `analyze()`, which is then kept. Cost: a copy of the analysis on a hit.
  ArticleAnalysis get(const Article& article, const std::optional<std::string>& reference_date,
                      const std::function<ArticleAnalysis()>& analyze);

  // The reading of `article` (analysed against `reference_date`) under the story language
  // `language` (synth::read_article): the kept one, else `read()`, which is then kept.
  // Shared: it stays valid while the caller holds it, even once dropped from the cache.
  std::shared_ptr<const synth::ArticleReading> reading(
      const Article& article, const std::optional<std::string>& reference_date,
      const std::string& language, const std::function<synth::ArticleReading()>& read);

  size_t size() const;  // analyses kept
  size_t hits() const;  // of analyses
  size_t misses() const;

 private:
  // Values by key, the least recently used dropped past `capacity` (in units of cost).
  template <class Value>
  class Kept {
   public:
    explicit Kept(size_t capacity) : capacity_(capacity) {}
    // The value kept under `key` for exactly this `text`; null when none.
    std::shared_ptr<const Value> find(const std::string& key, const std::string& text);
    void keep(std::string key, const std::string& text, std::shared_ptr<const Value> value,
              size_t cost);
    size_t size() const { return recency_.size(); }

   private:
    struct Entry {
      std::string key;
      std::string text;  // compared in full: the key does not hold it
      std::shared_ptr<const Value> value;
      size_t cost;
    };
    using Recency = std::list<Entry>;  // most recently used first
    const size_t capacity_;
    size_t used_ = 0;
    Recency recency_;
    std::unordered_map<std::string, typename Recency::iterator> by_key_;
  };

  mutable std::mutex mutex_;
  Kept<ArticleAnalysis> analyses_;
  Kept<synth::ArticleReading> readings_;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace recoupe::engine
