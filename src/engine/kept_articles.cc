#include "engine/kept_articles.h"

namespace recoupe::engine {

const Article* KeptArticles::find(int64_t seq) const {
  auto it = by_seq_.find(seq);
  return it == by_seq_.end() ? nullptr : &it->second->second;
}

void KeptArticles::keep(int64_t seq, const Article& article) {
  if (max_articles_ == 0) return;
  if (auto it = by_seq_.find(seq); it != by_seq_.end()) {
    it->second->second = article;
    recency_.splice(recency_.begin(), recency_, it->second);
    return;
  }
  recency_.emplace_front(seq, article);
  by_seq_[seq] = recency_.begin();
  if (by_seq_.size() > max_articles_) {
    by_seq_.erase(recency_.back().first);
    recency_.pop_back();
  }
}

void KeptArticles::forget(int64_t seq) {
  auto it = by_seq_.find(seq);
  if (it == by_seq_.end()) return;
  recency_.erase(it->second);
  by_seq_.erase(it);
}

}  // namespace recoupe::engine
