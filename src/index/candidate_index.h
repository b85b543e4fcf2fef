// CandidateIndex: an inverted index from terms to the clusters they characterize, so that a
// new article is compared with a few clusters instead of all of them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "index/sparse_vector.h"

namespace recoupe::index {

// Each cluster posts its top-weighted terms (title, body, entity and number ids share one id
// space) with the time of its latest article. A query sums, per cluster, the query weights of
// the terms it shares with the query and returns the best clusters. Sub-linear: a query reads
// at most `max_postings_per_term` of the newest postings of each of its terms, whatever the
// number of stored clusters. Postings older than the time window are skipped (and dropped by
// compaction). Cluster ids are the caller's (dense, small integers); a cluster that is
// re-posted simply gets newer postings (counted once per term). Not thread-safe, except that
// any number of threads may query at once, each with its own Scratch, while nobody posts.
class CandidateIndex {
 public:
  // Per-query working memory (one per thread): per-cluster sums and stamps.
  class Scratch {
    friend class CandidateIndex;
    struct Slot {
      float acc = 0.f;
      uint32_t stamp = 0;  // the query term that last counted this cluster
    };
    std::vector<Slot> slots_;
    std::vector<uint32_t> touched_;
    uint32_t stamp_ = 0;
  };
  struct Limits {
    size_t max_postings_per_term = 4000;  // newest postings read per query term
    size_t max_candidates = 40;           // clusters returned, best summed weight first
  };
  static constexpr int64_t kUnknownTime = INT64_MIN;

  // Posts `terms` for `cluster` at `time_hours` (kUnknownTime when the cluster has no date).
  void post(uint32_t cluster, const std::vector<TermId>& terms, int64_t time_hours);

  // Clusters sharing terms with `query` whose postings are within `window_hours` of
  // `time_hours` (no time filter when either time is unknown). Cost O(Σ postings read).
  std::vector<uint32_t> query(const SparseVector& query, int64_t time_hours, int64_t window_hours,
                              const Limits& limits) const;
  // The same, with caller-owned scratch: safe to call from several threads at once.
  std::vector<uint32_t> query(const SparseVector& query, int64_t time_hours, int64_t window_hours,
                              const Limits& limits, Scratch& scratch) const;

  // A counter that grows with every post(), and the value it had when `term` was last posted
  // (0: never). A query's answer depends only on the lists of its terms, so it is still
  // valid after later posts when none of its terms was posted since (speculative parallel
  // work uses this to check its results).
  uint64_t version() const { return version_; }
  uint64_t term_version(TermId t) const { return t < term_version_.size() ? term_version_[t] : 0; }

  // Drops postings older than `before_hours` (known times only). Cost O(total postings).
  void expire(int64_t before_hours);

  size_t postings() const { return total_; }
  size_t memory_bytes() const;

 private:
  struct Posting {
    uint32_t cluster;
    int32_t time;  // hours since epoch, or INT32_MIN when unknown
  };
  std::vector<std::vector<Posting>> lists_;  // by term id
  std::vector<uint64_t> term_version_;       // by term id
  uint64_t version_ = 0;
  uint32_t max_cluster_ = 0;  // 1 + the largest cluster id posted
  size_t total_ = 0;
  // Scratch for the single-threaded query (mutable: query is logically const).
  mutable Scratch scratch_;
};

}  // namespace recoupe::index
