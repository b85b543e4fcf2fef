// ClusterConfig: every threshold and weight of near-duplicate detection and event
// clustering, in one place, with its unit and the reason for its default.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/expected.h"

namespace recoupe::cluster {

// One default for every data set (no per-set tuning). Defaults were chosen on the three dev
// sets jointly (ecbplus-dev, rpm2-fr-dev, newswcl50) from a plateau, not a peak: results move
// little when a threshold moves by ±0.03 (see bench/README.md).
struct ClusterConfig {
  // ── Representation ──
  // Added to ln((N+1)/(df+1)): a term found in every document still weighs this much (unit:
  // nats). Below 1 because in a news batch the words every article shares ("said") carry
  // little event evidence.
  double idf_offset = 0.3;
  // Shrinkage of the corpus statistics towards uniform weights while the corpus is small:
  // the idf part is scaled by N / (N + idf_prior_documents). Within five articles on one
  // event, the event's own words are in every article and would weigh nothing; with
  // thousands of articles the statistics are trusted (unit: documents).
  double idf_prior_documents = 50.0;
  // Terms kept per centroid channel (body / title / entities / numbers): bounds memory and
  // the cost of a dot product; the tail holds little weight.
  size_t centroid_body_terms = 150;
  size_t centroid_title_terms = 40;
  size_t centroid_entity_terms = 60;
  size_t centroid_number_terms = 30;

  // ── Pair score = Σ w·cosine over the channels both sides have / Σ w ──
  // Body text is the most robust evidence; titles are short but precise; entities (names of
  // people, places, organizations) separate two events of the same kind (two earthquakes);
  // numbers and years (death tolls, dates, magnitudes) likewise.
  double weight_title = 0.15;
  double weight_body = 0.45;
  double weight_entities = 0.30;
  double weight_numbers = 0.10;
  // How a cluster is compared (pair_score.h): 0 = with its centroid, 1 = the mean of its
  // members' similarities (average link). Centroids of same-topic clusters look alike
  // because topic words survive averaging while names differ; average link keeps the
  // members' own evidence.
  double linkage_exponent = 1.0;
  // Gaussian time proximity exp(−Δt²/2σ²) between an article and a cluster's time span
  // (Δt = 0 inside it), applied only when both dates are known (neutral otherwise): the
  // score loses `weight_time · (1 − proximity)`. σ = 72 h follows Miranda et al. 2018.
  double time_sigma_hours = 72.0;
  double weight_time = 0.15;

  // ── Decisions ──
  // Absolute floor (unit: average-link score, 0..1): an article never joins a cluster it
  // scores below this, whatever the cluster's coherence. Low, because the relative bar
  // below does the separating; this floor only stops chance overlaps (different topics score
  // ≈ 0.01–0.03 on the dev sets).
  double join_threshold = 0.04;
  // Relative bar (unit: fraction of a cluster's coherence, its members' mean pairwise
  // score): an article joins a cluster only when it scores at least this fraction of what
  // the members score among themselves; two clusters merge when their link reaches this
  // fraction of their mean coherence. Two events of one kind (two rehab stays of two
  // actresses) share topic words but each is far tighter inside than across, while one
  // story followed for a month is loose throughout: a relative bar separates the first
  // without splitting the second, which no single absolute threshold can do.
  double relative_threshold = 0.6;
  // What a cluster's coherence is assumed to be before its members say it (a single
  // article has none), counted as `prior_coherence_pairs` member pairs: the observed mean
  // is shrunk towards it. 0.20 ≈ the lower same-event pair means of the dev sets (0.18–0.34).
  // So two lone articles pair at relative_threshold · prior_coherence = 0.12 (pair_bar()).
  double prior_coherence = 0.20;
  double prior_coherence_pairs = 1.0;
  // Absolute floor for merging two clusters (same unit and reason as join_threshold).
  double merge_threshold = 0.04;
  // During refinement an article moves to another cluster only when it scores that much
  // better there than in its own (leave-one-out) cluster: hysteresis against oscillation.
  double reassign_margin = 0.03;
  // Orphans. After refinement, a cluster of at most orphan_max_articles articles joins the
  // cluster of at least orphan_min_target articles it scores best with, when that score
  // reaches orphan_relative_threshold of the big cluster's coherence (a lower bar than
  // relative_threshold) AND is at least orphan_dominance times its score with the next-best
  // cluster: a follow-up or side story that shares less with the event than its core reports
  // do, but shares it with nothing else. Only lone articles by default: on real streams
  // (ISOT Reuters) a tight pair is usually an event of its own, and a yardstick smaller than
  // five articles is too noisy. Plateau on the dev sets: 0.30–0.40 and dominance 1.25–2 give
  // the same result (rpm2 +0.016 B3 F1, ECB+ +0.002). 0 disables.
  double orphan_relative_threshold = 0.35;
  double orphan_dominance = 1.5;
  size_t orphan_max_articles = 1;
  size_t orphan_min_target = 5;
  // Global refinement rounds of the batch path (merge, then re-assign); 0 disables it.
  int refine_rounds = 3;
  // Streaming: a cluster whose size reaches 8, 16, 32… re-checks its members; a member whose
  // leave-one-out score falls below this leaves (split) and is re-added.
  double split_threshold = 0.20;
  // Last step of the batch refinement: a cluster whose members fall into groups such that no
  // member counts a member of another group among its knn_split_neighbours most similar
  // members (by pair score) is split along that line; each other group of at least
  // knn_split_min_articles originals becomes a cluster. Two events of one kind glued by a
  // chain of joins look like this (two piracy attacks in the Gulf of Aden, years apart):
  // each article's nearest neighbours are on its own side, though average link across is
  // high. One event told over two phases keeps some nearest neighbours across. Plateau on
  // the dev sets: 4 or 5 neighbours split one ECB+ cluster (B3 F1 0.884 → 0.895, precision
  // 0.835 → 0.853) and no French or NewsWCL one; 3 also split French events (rpm2 0.943 →
  // 0.922), 2 more so (0.886). Clusters above knn_split_max_articles originals are not
  // checked (O(n²) pair scores). 0 neighbours disables it.
  size_t knn_split_neighbours = 4;
  size_t knn_split_min_articles = 3;
  size_t knn_split_max_articles = 300;

  // ── Near-duplicates ──
  // Estimated Jaccard similarity of word 5-gram shingles at or above which two articles are
  // the same copy (a reprint with a few edited words scores ≈ 0.85–0.95; two articles on one
  // event by different writers ≈ 0.0–0.1).
  double duplicate_jaccard = 0.70;
  int lsh_bands = 14;  // 14 × 8 = 112 slots: candidate probability 0.56 at J = 0.7, 0.92 at 0.8
  int lsh_rows = 8;

  // ── Candidate retrieval ──
  // Only clusters active within this many hours of an article are candidates (a story that
  // continues for weeks stays reachable while it keeps getting articles).
  int64_t window_hours = 24 * 30;
  size_t index_terms = 24;             // top centroid terms a cluster posts to the index
  size_t query_terms = 16;             // top article terms used to fetch candidates
  size_t max_candidates = 40;          // clusters scored exactly per article
  size_t max_postings_per_term = 600;  // newest postings read per query term
};

// The score two single articles need to be called one event: the bar an article must reach
// to join a one-article cluster (max of join_threshold and relative_threshold ·
// prior_coherence). `recoupe eval-pairs` decides with it.
double pair_bar(const ClusterConfig& c);

}  // namespace recoupe::cluster
