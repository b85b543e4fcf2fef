#include "engine/analysis_cache.h"

#include "core/calendar.h"

namespace recoupe::engine {
namespace {

// Id, language and the date relative dates resolve against (as analyze_article picks it).
std::string key_of(const Article& a, const std::optional<std::string>& reference_date) {
  std::string key = a.id;
  key += '\n';
  key += a.language.value_or("");
  key += '\n';
  key += a.published_at ? format_iso(a.published_at->date) : reference_date.value_or("");
  return key;
}

}  // namespace

ArticleAnalysis AnalysisCache::get(const Article& article,
                                   const std::optional<std::string>& reference_date,
                                   const std::function<ArticleAnalysis()>& analyze) {
  std::string key = key_of(article, reference_date);
  {
    std::lock_guard lock(mutex_);
    if (auto it = by_key_.find(key); it != by_key_.end() && it->second->text == article.text) {
      recency_.splice(recency_.begin(), recency_, it->second);
      ++hits_;
      return *it->second->analysis;
    }
    ++misses_;
  }
  auto made = std::make_shared<const ArticleAnalysis>(analyze());
  std::lock_guard lock(mutex_);
  if (auto it = by_key_.find(key); it != by_key_.end()) {  // a stale text, or another thread's
    recency_.erase(it->second);
    by_key_.erase(it);
  }
  if (max_articles_ == 0) return *made;
  recency_.push_front({key, article.text, made});
  by_key_.emplace(std::move(key), recency_.begin());
  while (recency_.size() > max_articles_) {
    by_key_.erase(recency_.back().key);
    recency_.pop_back();
  }
  return *made;
}

size_t AnalysisCache::size() const {
  std::lock_guard lock(mutex_);
  return recency_.size();
}
size_t AnalysisCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}
size_t AnalysisCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace recoupe::engine
