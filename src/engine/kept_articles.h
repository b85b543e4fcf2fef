// KeptArticles: stored articles as the store gave them, kept in memory by the live path
// (engine/live_stories.h) so that the next batch into their story does not read them from
// the store again (Store::current_articles was ~6 % of a single-article POST's CPU on an
// 11,000-article store). Only what the store returned, or what a batch wrote as the store
// gives it back (store::as_read_back), is kept, so a kept article is exactly what reading
// it again would give, until a revision replaces its text: the caller keeps the new text
// (keep) and drops the whole set when another writer may have changed the store (it lives
// in the live state, which a rebuild drops).
//
//   KeptArticles kept(20000);
//   if (const Article* a = kept.find(seq)) use(*a); else read_from_store(seq);
//   kept.keep(seq, article);    // after the batch that read it is committed
//
// Bounded: past `max_articles` the least recently kept one is dropped. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>
#include <utility>

#include "core/article.h"

namespace recoupe::engine {

class KeptArticles {
 public:
  explicit KeptArticles(size_t max_articles) : max_articles_(max_articles) {}

  // The article kept under the store's `seq`, or null. Does not change the order of use.
  const Article* find(int64_t seq) const;
  // Keeps (or refreshes) `article` under `seq` as the most recently used.
  void keep(int64_t seq, const Article& article);
  // Forgets `seq` (its text was revised).
  void forget(int64_t seq);
  size_t size() const { return by_seq_.size(); }

 private:
  using Recency = std::list<std::pair<int64_t, Article>>;  // most recently kept first
  size_t max_articles_;
  Recency recency_;
  std::unordered_map<int64_t, Recency::iterator> by_seq_;
};

}  // namespace recoupe::engine
