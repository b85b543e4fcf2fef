// EventClusterer: groups articles that report the same real-world event, one article at a
// time. The same object serves a live stream (add each article as it arrives) and a batch
// (add every article in publication order, then refine()).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "cluster/cluster_config.h"
#include "cluster/features.h"
#include "cluster/near_duplicates.h"
#include "cluster/pair_score.h"
#include "index/candidate_index.h"

namespace recoupe::cluster {

// How add() works:
//  1. near-duplicate check (MinHash LSH): a reprint joins its original's cluster and does
//     not count in the centroid (wire copy must not outweigh independent reports);
//  2. candidates: clusters that share top terms with the article, active within the time
//     window (CandidateIndex: sub-linear in the number of stored clusters);
//  3. each candidate is scored exactly against its centroid (pair_score); the article joins
//     the best one at or above join_threshold, else starts a new cluster;
//  4. evidence-driven merge and split: the cluster that grew is compared with its own
//     candidates and merges with one scoring ≥ merge_threshold; when it reaches 8, 16, 32…
//     members, members that no longer fit (leave-one-out score < split_threshold) leave and
//     are re-added.
// refine() is the batch's global pass: merge close clusters, re-assign outliers (with a
// margin, so results are stable), repeated until nothing changes or refine_rounds; then
// lone articles that clearly belong to one big story join it (adopt_orphans).
// Articles are numbered 0, 1, 2… in the order added. Not thread-safe.
class EventClusterer {
 public:
  // `threads`: how many threads (the caller's included) refine() and the split checks of
  // big clusters may use; results are the same for any count.
  explicit EventClusterer(const ClusterConfig& config, unsigned threads = 1);

  // Adds an article; returns its number. Cost: O(candidates · terms), independent of the
  // number of stored articles beyond the index's bounded posting reads.
  uint32_t add(ArticleFeatures features);

  // Global refinement (batch); safe to call on a stream too (e.g. periodically). Scores in
  // parallel on the constructor's threads; the result is the same for any thread count:
  // parallel work is computed on a snapshot, and a result is used only when nothing it
  // read has changed since (else it is recomputed in order).
  void refine();

  size_t size() const { return articles_.size(); }
  // The current cluster handle of article `a` (handles are stable until a merge).
  uint32_t cluster_of(uint32_t a) const;
  // Root of the near-duplicate group of `a` (itself when it is original).
  uint32_t duplicate_root(uint32_t a) const { return dups_.root(a); }
  // The articles of cluster `c` (any handle of it), in the order they joined.
  const std::vector<uint32_t>& members(uint32_t c) const { return clusters_[find(c)].members; }
  // Dense labels 0..k−1, by first article, one per article.
  std::vector<uint32_t> labels() const;
  size_t live_clusters() const { return live_; }
  // How well `a` fits its cluster: cosine of its body with the cluster's body centroid.
  double centrality(uint32_t a) const;
  const ArticleFeatures& features(uint32_t a) const { return articles_[a]; }
  size_t memory_bytes() const;

 private:
  struct Cluster {
    std::array<index::SparseVector, kChannels> sum;
    std::array<double, kChannels> norms{};
    std::array<double, kChannels> counts{};  // members with a non-empty channel
    std::vector<uint32_t> members;
    uint32_t counted = 0;  // members whose vectors are in `sum` (not duplicates)
    int64_t time_min = kUnknownTime, time_max = kUnknownTime;
    uint32_t forward = UINT32_MAX;  // set when merged into another cluster
    size_t posted_size = 0;
    int64_t posted_time = kUnknownTime;
    uint32_t next_split_check = 8;
    // Value of clock_ at the last change of this cluster (members, sums, span, forward):
    // a refinement result that read this cluster earlier is still exact when it is older.
    uint64_t modified = 0;
    uint64_t bisect_checked = 0;  // clock_ when plan_bisect last found no split (0: never)
  };

  // Per-thread working memory of the read-only scoring paths.
  struct Workspace {
    index::CandidateIndex::Scratch query;
    std::vector<float> dense;  // by term id, all zero between uses
    std::vector<index::TermId> touched;
    std::array<index::SparseVector, kChannels> rest;  // a cluster's sums without one member
  };
  // What best_cluster read: the clusters it looked at and its query terms (so that a result
  // computed in parallel can be checked for staleness).
  struct Trace {
    std::vector<uint32_t> clusters;
    std::vector<index::TermId> terms;
  };
  using Best = std::optional<std::pair<uint32_t, double>>;

  Profile profile_of_cluster(const Cluster& c) const;
  // Last step of refine(): a lone article joins the cluster it clearly fits best (see
  // ClusterConfig::orphan_relative_threshold).
  void adopt_orphans();
  // Last step of refine() before adopt_orphans(): splits clusters whose members' nearest-
  // neighbour graph falls apart (ClusterConfig::knn_split_neighbours). Returns the groups
  // of originals that should leave cluster `c` (empty: none). Read-only.
  std::vector<std::vector<uint32_t>> disconnected_groups(uint32_t c) const;
  void split_disconnected();
  index::SparseVector query_vector(const Profile& p) const;
  // The best-scoring live cluster (other than `exclude`) that would accept `p`: a new
  // article when `self` is null (score ≥ join_bar), else the cluster `self` (merge_bar).
  // Calls on_scored(cluster, score) once for each distinct live candidate cluster of `p`
  // (from the index, other than `exclude`), scored by pair_score. `trace`, when given, records
  // the query terms and every candidate read.
  void score_candidates(const Profile& p, uint32_t exclude, Workspace& ws, Trace* trace,
                        const std::function<void(uint32_t, double)>& on_scored) const;
  Best best_cluster(const Profile& p, uint32_t exclude, const struct Cluster* self = nullptr) const;
  Best best_cluster(const Profile& p, uint32_t exclude, const struct Cluster* self, Workspace& ws,
                    Trace* trace) const;
  // Mean pairwise similarity of a cluster's members (weighted over channels); nullopt for
  // fewer than two members.
  std::optional<double> coherence(const struct Cluster& c) const;
  // The score an article needs to join `c`, and two clusters need to merge.
  double join_bar(const struct Cluster& c) const;
  double merge_bar(const struct Cluster& a, const struct Cluster& b) const;
  // Score of article `a` against its own cluster without itself (nullopt when alone).
  std::optional<double> leave_one_out(uint32_t a, uint32_t c, Workspace& ws) const;
  void assign(uint32_t a);  // step 3 for an original article
  uint32_t new_cluster();
  void attach(uint32_t a, uint32_t c);
  void detach(uint32_t a, uint32_t c);
  void update_norms(Cluster& c);
  void post(uint32_t c, bool force);
  void merge(uint32_t into, uint32_t from);
  void maybe_merge(uint32_t c);
  void maybe_split(uint32_t c);
  // Builds a temporary cluster of the given (counted) members. Cost O(Σ member terms).
  struct Cluster build(const std::vector<uint32_t>& members, Workspace& ws) const;
  // Bipartitions cluster `c` (2-means on average-link scores); returns the smaller side when
  // the two parts would not merge by merge_bar (read-only: safe in parallel).
  std::optional<std::vector<uint32_t>> plan_bisect(uint32_t c, Workspace& ws) const;
  // Moves `leaving` out of `c` into a new cluster.
  void split_off(uint32_t c, const std::vector<uint32_t>& leaving);
  // The three refinement steps; each returns true when it changed something.
  bool refine_merge(unsigned threads);
  bool refine_bisect(unsigned threads);
  // An article's re-assignment scores and what they read (clock_ and index version then).
  struct ReassignPlan {
    uint64_t at_clock = 0, at_version = 0;  // at_clock 0: no plan
    uint32_t own_cluster = 0;
    double own = 0;
    Best best;
    Trace trace;
  };
  bool reassign_fresh(const ReassignPlan& p) const;
  bool refine_reassign(unsigned threads);
  uint32_t find(uint32_t c) const;

  ClusterConfig config_;
  unsigned threads_ = 1;
  std::vector<ArticleFeatures> articles_;
  std::vector<uint32_t> cluster_;  // per article (may point to a merged cluster: use find)
  std::vector<bool> counted_;      // per article: its vectors are in its cluster's sum
  std::vector<Cluster> clusters_;
  size_t live_ = 0;
  NearDuplicateFinder dups_;
  index::CandidateIndex index_;
  mutable Workspace workspace_;      // for the single-threaded paths
  std::vector<Workspace> split_ws_;  // for the split checks' extra threads (index 0 unused)
  uint64_t clock_ = 0;               // counts cluster changes (Cluster::modified)
};

}  // namespace recoupe::cluster
