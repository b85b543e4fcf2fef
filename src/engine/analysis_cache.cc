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

// About the memory a reading holds: its words and terms with their strings.
size_t bytes_of(const synth::ArticleReading& r) {
  auto text = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() : 0; };
  size_t bytes = sizeof(r) + r.headline.capacity();
  for (const auto& w : r.words) bytes += sizeof(w) + text(w.stem) + text(w.folded);
  for (const auto& [key, term] : r.framing_terms) {
    bytes += sizeof(key) + sizeof(term) + 32 + text(key) + text(term.surface);  // 32: the node
    for (const auto& w : term.content_words) bytes += sizeof(w) + text(w);
  }
  for (const auto& m : r.numbers) {
    bytes += sizeof(m) + text(m.text) + text(m.unit) + text(m.of);
    for (const auto* words : {&m.predicates, &m.names, &m.when, &m.described})
      for (const auto& w : *words) bytes += sizeof(w) + text(w);
  }
  return bytes;
}

}  // namespace

template <class Value>
std::shared_ptr<const Value> AnalysisCache::Kept<Value>::find(const std::string& key,
                                                              const std::string& text) {
  auto it = by_key_.find(key);
  if (it == by_key_.end() || it->second->text != text) return nullptr;
  recency_.splice(recency_.begin(), recency_, it->second);
  return it->second->value;
}

template <class Value>
void AnalysisCache::Kept<Value>::keep(std::string key, const std::string& text,
                                      std::shared_ptr<const Value> value, size_t cost) {
  if (auto it = by_key_.find(key); it != by_key_.end()) {  // a stale text, or another thread's
    used_ -= it->second->cost;
    recency_.erase(it->second);
    by_key_.erase(it);
  }
  if (cost > capacity_) return;
  recency_.push_front({key, text, std::move(value), cost});
  by_key_.emplace(std::move(key), recency_.begin());
  used_ += cost;
  while (used_ > capacity_) {
    used_ -= recency_.back().cost;
    by_key_.erase(recency_.back().key);
    recency_.pop_back();
  }
}

ArticleAnalysis AnalysisCache::get(const Article& article,
                                   const std::optional<std::string>& reference_date,
                                   const std::function<ArticleAnalysis()>& analyze) {
  std::string key = key_of(article, reference_date);
  {
    std::lock_guard lock(mutex_);
    if (auto kept = analyses_.find(key, article.text)) {
      ++hits_;
      return *kept;
    }
    ++misses_;
  }
  auto made = std::make_shared<const ArticleAnalysis>(analyze());
  std::lock_guard lock(mutex_);
  analyses_.keep(std::move(key), article.text, made, 1);
  return *made;
}

std::shared_ptr<const synth::ArticleReading> AnalysisCache::reading(
    const Article& article, const std::optional<std::string>& reference_date,
    const std::string& language, const std::function<synth::ArticleReading()>& read) {
  std::string key = key_of(article, reference_date) + '\n' + language;
  {
    std::lock_guard lock(mutex_);
    if (auto kept = readings_.find(key, article.text)) return kept;
  }
  auto made = std::make_shared<const synth::ArticleReading>(read());
  const size_t bytes = bytes_of(*made);
  std::lock_guard lock(mutex_);
  readings_.keep(std::move(key), article.text, made, bytes);
  return made;
}

size_t AnalysisCache::size() const {
  std::lock_guard lock(mutex_);
  return analyses_.size();
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
