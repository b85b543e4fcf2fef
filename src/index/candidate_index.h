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
// re-posted simply gets newer postings (counted once per term). Not thread-safe.
class CandidateIndex {
 public:
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
  size_t total_ = 0;
  // Scratch for queries (mutable: query is logically const).
  mutable std::vector<float> acc_;
  mutable std::vector<uint32_t> last_term_;
  mutable std::vector<uint32_t> touched_;
  mutable uint32_t stamp_ = 0;
};

}  // namespace recoupe::index
