#include "cluster/event_clusterer.h"

#include "core/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <tuple>
#include <unordered_map>

namespace recoupe::cluster {

EventClusterer::EventClusterer(const ClusterConfig& config, unsigned threads)
    : config_(config), threads_(std::max(1u, threads)), dups_(config) {}

uint32_t EventClusterer::find(uint32_t c) const {
  while (clusters_[c].forward != UINT32_MAX) c = clusters_[c].forward;
  return c;
}

uint32_t EventClusterer::cluster_of(uint32_t a) const { return find(cluster_[a]); }

Profile EventClusterer::profile_of_cluster(const Cluster& c) const {
  Profile p;
  for (int k = 0; k < kChannels; ++k) {
    p.vectors[k] = &c.sum[k];
    p.norms[k] = c.norms[k];
    p.counts[k] = c.counts[k];
  }
  p.time_min = c.time_min;
  p.time_max = c.time_max;
  return p;
}

void EventClusterer::update_norms(Cluster& c) {
  const std::array<size_t, kChannels> keep = channel_centroid_terms(config_);
  for (int k = 0; k < kChannels; ++k) {
    index::keep_top(c.sum[k], keep[k]);
    c.norms[k] = index::norm(c.sum[k]);
    if (c.norms[k] < 1e-6) c.norms[k] = 0;
  }
}

index::SparseVector EventClusterer::query_vector(const Profile& p) const {
  // The article's (or centroid's) strongest terms of every channel, each weighted by its
  // channel weight, so that retrieval favours the evidence the score favours.
  const std::array<double, kChannels> weights = channel_weights(config_);
  const std::array<size_t, kChannels> take = {config_.query_terms / 2, config_.query_terms,
                                              config_.query_terms / 2, config_.query_terms / 4};
  std::vector<index::TermWeight> q;
  for (int k = 0; k < kChannels; ++k) {
    if (p.norms[k] <= 0) continue;
    index::SparseVector v = *p.vectors[k];
    index::keep_top(v, take[k]);
    for (const auto& e : v.entries)
      q.push_back({e.term, float(weights[k] * e.weight / p.norms[k])});
  }
  return index::make_sparse(std::move(q));
}

std::optional<double> EventClusterer::coherence(const Cluster& c) const {
  const std::array<double, kChannels> weights = channel_weights(config_);
  double sum = 0, wsum = 0, pairs = 0;
  for (int k = 0; k < kChannels; ++k) {
    double n = c.counts[k];
    if (n < 2) continue;
    // |Σ v|² = n + Σ_{i≠j} cos(v_i, v_j) for unit vectors.
    double mean = (c.norms[k] * c.norms[k] - n) / (n * (n - 1));
    sum += weights[k] * std::max(0.0, mean);
    wsum += weights[k];
    pairs = std::max(pairs, n * (n - 1) / 2);
  }
  double observed = wsum > 0 ? sum / wsum : 0;
  double k0 = config_.prior_coherence_pairs;
  if (pairs + k0 <= 0) return std::nullopt;
  return (pairs * observed + k0 * config_.prior_coherence) / (pairs + k0);
}

double EventClusterer::join_bar(const Cluster& c) const {
  auto coh = coherence(c);
  return std::max(config_.join_threshold, coh ? config_.relative_threshold * *coh : 0.0);
}

double EventClusterer::merge_bar(const Cluster& a, const Cluster& b) const {
  auto ca = coherence(a), cb = coherence(b);
  double rel = 0;
  if (ca && cb)
    rel = (*ca + *cb) / 2;
  else if (ca || cb)
    rel = ca ? *ca : *cb;
  return std::max(config_.merge_threshold, config_.relative_threshold * rel);
}

EventClusterer::Best EventClusterer::best_cluster(const Profile& p, uint32_t exclude,
                                                  const Cluster* self) const {
  return best_cluster(p, exclude, self, workspace_, nullptr);
}

void EventClusterer::score_candidates(
    const Profile& p, uint32_t exclude, Workspace& ws, Trace* trace,
    const std::function<void(uint32_t, double)>& on_scored) const {
  index::CandidateIndex::Limits limits{config_.max_postings_per_term, config_.max_candidates};
  index::SparseVector q = query_vector(p);
  auto candidates = index_.query(q, p.time_max, config_.window_hours, limits, ws.query);
  if (trace) {
    trace->terms.clear();
    for (const auto& e : q.entries) trace->terms.push_back(e.term);
    trace->clusters.clear();
  }
  std::vector<uint32_t> seen;
  for (uint32_t raw : candidates) {
    uint32_t c = find(raw);
    if (trace) trace->clusters.push_back(c);
    if (c == exclude || clusters_[c].counted == 0) continue;
    if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
    seen.push_back(c);
    on_scored(c, pair_score(p, profile_of_cluster(clusters_[c]), config_).total);
  }
}

EventClusterer::Best EventClusterer::best_cluster(const Profile& p, uint32_t exclude,
                                                  const Cluster* self, Workspace& ws,
                                                  Trace* trace) const {
  Best best;
  score_candidates(p, exclude, ws, trace, [&](uint32_t c, double s) {
    double bar = self ? merge_bar(*self, clusters_[c]) : join_bar(clusters_[c]);
    if (s < bar) return;
    if (!best || s > best->second || (s == best->second && c < best->first)) best = {{c, s}};
  });
  return best;
}

uint32_t EventClusterer::new_cluster() {
  clusters_.emplace_back();
  clusters_.back().modified = ++clock_;
  ++live_;
  return uint32_t(clusters_.size() - 1);
}

void EventClusterer::attach(uint32_t a, uint32_t c) {
  Cluster& cl = clusters_[c];
  cl.modified = ++clock_;
  cl.members.push_back(a);
  cluster_[a] = c;
  const ArticleFeatures& f = articles_[a];
  if (counted_[a]) {
    const auto v = f.channels();
    for (int k = 0; k < kChannels; ++k) {
      index::add_scaled(cl.sum[k], *v[k], 1.f);
      if (!v[k]->empty()) cl.counts[k] += 1;
    }
    ++cl.counted;
    update_norms(cl);
  }
  if (f.time_hours != kUnknownTime) {
    cl.time_min = cl.time_min == kUnknownTime ? f.time_hours : std::min(cl.time_min, f.time_hours);
    cl.time_max = cl.time_max == kUnknownTime ? f.time_hours : std::max(cl.time_max, f.time_hours);
  }
}

void EventClusterer::detach(uint32_t a, uint32_t c) {
  Cluster& cl = clusters_[c];
  cl.modified = ++clock_;
  std::erase(cl.members, a);
  if (counted_[a]) {
    const ArticleFeatures& f = articles_[a];
    const auto v = f.channels();
    for (int k = 0; k < kChannels; ++k) {
      index::add_scaled(cl.sum[k], *v[k], -1.f);
      if (!v[k]->empty()) cl.counts[k] -= 1;
    }
    --cl.counted;
    update_norms(cl);
  }
  // The time span is recomputed from the remaining members (spans only grow otherwise),
  // which is needed only when `a` sat on one of its ends (keeps a split linear).
  const int64_t ta = articles_[a].time_hours;
  if (ta != kUnknownTime && (ta == cl.time_min || ta == cl.time_max)) {
    cl.time_min = cl.time_max = kUnknownTime;
    for (uint32_t m : cl.members) {
      int64_t t = articles_[m].time_hours;
      if (t == kUnknownTime) continue;
      cl.time_min = cl.time_min == kUnknownTime ? t : std::min(cl.time_min, t);
      cl.time_max = cl.time_max == kUnknownTime ? t : std::max(cl.time_max, t);
    }
  }
  if (cl.members.empty()) --live_;
}

void EventClusterer::post(uint32_t c, bool force) {
  Cluster& cl = clusters_[c];
  size_t n = cl.counted;
  bool grown = n >= 2 * cl.posted_size || cl.posted_size == 0;
  bool moved =
      cl.time_max != kUnknownTime &&
      (cl.posted_time == kUnknownTime || cl.time_max - cl.posted_time > config_.window_hours / 8);
  if (!force && !grown && !moved) return;
  std::vector<index::TermId> terms;
  const std::array<size_t, kChannels> take = {config_.index_terms / 3, config_.index_terms,
                                              config_.index_terms / 2, config_.index_terms / 4};
  for (int k = 0; k < kChannels; ++k)
    for (index::TermId t : index::top_terms(cl.sum[k], take[k])) terms.push_back(t);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  index_.post(c, terms, cl.time_max);
  cl.posted_size = std::max<size_t>(n, 1);
  cl.posted_time = cl.time_max;
}

void EventClusterer::merge(uint32_t into, uint32_t from) {
  Cluster& a = clusters_[into];
  Cluster& b = clusters_[from];
  for (int k = 0; k < kChannels; ++k) {
    index::add_scaled(a.sum[k], b.sum[k], 1.f);
    a.counts[k] += b.counts[k];
  }
  a.counted += b.counted;
  for (uint32_t m : b.members) {
    a.members.push_back(m);
    cluster_[m] = into;
  }
  if (b.time_min != kUnknownTime) {
    a.time_min = a.time_min == kUnknownTime ? b.time_min : std::min(a.time_min, b.time_min);
    a.time_max = a.time_max == kUnknownTime ? b.time_max : std::max(a.time_max, b.time_max);
  }
  update_norms(a);
  b = Cluster{};
  b.forward = into;
  a.modified = b.modified = ++clock_;
  --live_;
  post(into, true);
}

void EventClusterer::maybe_merge(uint32_t c) {
  auto best = best_cluster(profile_of_cluster(clusters_[c]), c, &clusters_[c]);
  if (!best) return;
  uint32_t d = best->first;
  // The bigger cluster absorbs the smaller (fewer members to relabel).
  if (clusters_[d].members.size() > clusters_[c].members.size()) std::swap(c, d);
  merge(c, d);
}

std::optional<double> EventClusterer::leave_one_out(uint32_t a, uint32_t c, Workspace& ws) const {
  const Cluster& cl = clusters_[c];
  if (!counted_[a] || cl.counted < 2) return std::nullopt;
  const ArticleFeatures& f = articles_[a];
  const auto v = f.channels();
  auto& rest = ws.rest;
  Profile p;
  for (int k = 0; k < kChannels; ++k) {
    index::add_scaled_into(cl.sum[k], *v[k], -1.f, rest[k]);
    p.vectors[k] = &rest[k];
    p.counts[k] = cl.counts[k] - (v[k]->empty() ? 0 : 1);
    p.norms[k] = index::norm(rest[k]);
    if (p.norms[k] < 1e-6) p.norms[k] = 0;
  }
  // The span without `a` is the cluster's own unless `a` sits on one of its ends: scanning
  // the members only then keeps a split check of a big cluster linear, not quadratic.
  const int64_t ta = f.time_hours;
  if (ta == kUnknownTime || (ta != cl.time_min && ta != cl.time_max)) {
    p.time_min = cl.time_min;
    p.time_max = cl.time_max;
  } else {
    for (uint32_t m : cl.members) {
      int64_t t = articles_[m].time_hours;
      if (m == a || t == kUnknownTime) continue;
      p.time_min = p.time_min == kUnknownTime ? t : std::min(p.time_min, t);
      p.time_max = p.time_max == kUnknownTime ? t : std::max(p.time_max, t);
    }
  }
  return pair_score(profile_of(f), p, config_).total;
}

void EventClusterer::assign(uint32_t a) {
  auto best = best_cluster(profile_of(articles_[a]), UINT32_MAX);
  if (best) {
    uint32_t c = best->first;
    attach(a, c);
    post(c, false);
    maybe_merge(c);
    maybe_split(find(c));
  } else {
    uint32_t c = new_cluster();
    attach(a, c);
    post(c, true);
  }
}

void EventClusterer::maybe_split(uint32_t c) {
  if (clusters_[c].counted < clusters_[c].next_split_check) return;
  clusters_[c].next_split_check *= 2;
  // The members' leave-one-out scores read only: a big cluster's are shared out over the
  // threads (the check is the tail of the insertion latency); small ones are not worth a
  // thread start.
  const std::vector<uint32_t>& members = clusters_[c].members;
  std::vector<char> leaves(members.size(), 0);
  constexpr size_t kParallelMembers = 512;
  const unsigned threads = members.size() >= kParallelMembers ? threads_ : 1;
  if (split_ws_.size() < threads) split_ws_.resize(threads);
  parallel_for(0, members.size(), threads, [&](unsigned t, size_t i) {
    auto s = leave_one_out(members[i], c, t == 0 ? workspace_ : split_ws_[t]);
    leaves[i] = s && *s < config_.split_threshold;
  });
  std::vector<uint32_t> leaving;
  for (size_t i = 0; i < members.size(); ++i)
    if (leaves[i]) leaving.push_back(members[i]);
  // A split never empties a cluster: if everyone disagrees, the cluster is left alone.
  if (leaving.size() * 2 >= clusters_[c].counted) return;
  for (uint32_t m : leaving) {
    detach(m, c);
    auto best = best_cluster(profile_of(articles_[m]), c);
    uint32_t d;
    if (best) {
      d = best->first;
    } else {
      d = new_cluster();
    }
    attach(m, d);
    post(d, true);
  }
}

EventClusterer::Cluster EventClusterer::build(const std::vector<uint32_t>& members,
                                              Workspace& ws) const {
  // Sums in a dense array by term id, adding the members in order: each sum is the same
  // float as repeated add_scaled (same additions in the same order; weights are > 0 so
  // nothing is dropped on the way), at O(Σ member terms) instead of O(members · sum size).
  Cluster cl;
  for (int k = 0; k < kChannels; ++k) {
    ws.touched.clear();
    for (uint32_t a : members) {
      const ArticleFeatures& f = articles_[a];
      const index::SparseVector& v = *f.channels()[k];
      if (!v.empty()) cl.counts[k] += 1;
      for (const auto& e : v.entries) {
        if (e.term >= ws.dense.size())
          ws.dense.resize(std::max<size_t>(e.term + 1, 2 * ws.dense.size()));
        float& d = ws.dense[e.term];
        if (d == 0.f) ws.touched.push_back(e.term);
        d += e.weight * 1.f;
      }
    }
    std::sort(ws.touched.begin(), ws.touched.end());
    auto& out = cl.sum[k].entries;
    out.reserve(ws.touched.size());
    for (index::TermId t : ws.touched) {
      if (ws.dense[t] > 0.f) out.push_back({t, ws.dense[t]});
      ws.dense[t] = 0.f;
    }
  }
  for (uint32_t a : members) {
    const ArticleFeatures& f = articles_[a];
    ++cl.counted;
    cl.members.push_back(a);
    if (f.time_hours != kUnknownTime) {
      cl.time_min =
          cl.time_min == kUnknownTime ? f.time_hours : std::min(cl.time_min, f.time_hours);
      cl.time_max =
          cl.time_max == kUnknownTime ? f.time_hours : std::max(cl.time_max, f.time_hours);
    }
  }
  for (int k = 0; k < kChannels; ++k) {
    cl.norms[k] = index::norm(cl.sum[k]);
    if (cl.norms[k] < 1e-6) cl.norms[k] = 0;
  }
  return cl;
}

std::optional<std::vector<uint32_t>> EventClusterer::plan_bisect(uint32_t c, Workspace& ws) const {
  std::vector<uint32_t> originals;
  for (uint32_t m : clusters_[c].members)
    if (counted_[m]) originals.push_back(m);
  if (originals.size() < 4) return std::nullopt;
  // Seeds: the member that fits the whole cluster worst, and the member least like it.
  uint32_t seed_a = originals[0];
  double worst = 2;
  for (uint32_t m : originals) {
    double s = leave_one_out(m, c, ws).value_or(2);
    if (s < worst) worst = s, seed_a = m;
  }
  uint32_t seed_b = seed_a;
  double least = 2;
  for (uint32_t m : originals) {
    if (m == seed_a) continue;
    double s = pair_score(profile_of(articles_[m]), profile_of(articles_[seed_a]), config_).total;
    if (s < least) least = s, seed_b = m;
  }
  std::vector<uint32_t> side_a = {seed_a}, side_b = {seed_b};
  for (int iter = 0; iter < 6; ++iter) {
    Cluster ca = build(side_a, ws), cb = build(side_b, ws);
    std::vector<uint32_t> next_a, next_b;
    // Sorted copies: "is m on this side" in O(log n), not a scan (big clusters).
    std::vector<uint32_t> sorted_a = side_a, sorted_b = side_b;
    std::sort(sorted_a.begin(), sorted_a.end());
    std::sort(sorted_b.begin(), sorted_b.end());
    for (uint32_t m : originals) {
      // Average link to each side, the member itself excluded (its self-similarity is 1).
      auto link = [&](const Cluster& side, const std::vector<uint32_t>& sorted) {
        bool inside = std::binary_search(sorted.begin(), sorted.end(), m);
        if (!inside)
          return pair_score(profile_of(articles_[m]), profile_of_cluster(side), config_).total;
        if (sorted.size() == 1) return 2.0;  // a seed stays on its side
        // The side without m: subtract its vectors (O(terms), not a rebuild).
        const ArticleFeatures& f = articles_[m];
        const auto v = f.channels();
        Profile rest;
        for (int k = 0; k < kChannels; ++k) {
          index::add_scaled_into(side.sum[k], *v[k], -1.f, ws.rest[k]);
          rest.vectors[k] = &ws.rest[k];
          rest.counts[k] = side.counts[k] - (v[k]->empty() ? 0 : 1);
          rest.norms[k] = index::norm(ws.rest[k]);
          if (rest.norms[k] < 1e-6) rest.norms[k] = 0;
        }
        rest.time_min = side.time_min;
        rest.time_max = side.time_max;
        return pair_score(profile_of(f), rest, config_).total;
      };
      (link(ca, sorted_a) >= link(cb, sorted_b) ? next_a : next_b).push_back(m);
    }
    if (next_a.empty() || next_b.empty()) return std::nullopt;
    bool same = next_a == side_a;
    side_a = std::move(next_a);
    side_b = std::move(next_b);
    if (same) break;
  }
  if (side_a.size() < 2 || side_b.size() < 2)
    return std::nullopt;  // outliers are re-assignment's job
  Cluster ca = build(side_a, ws), cb = build(side_b, ws);
  double link = pair_score(profile_of_cluster(ca), profile_of_cluster(cb), config_).total;
  if (link >= merge_bar(ca, cb) - config_.reassign_margin) return std::nullopt;
  // Split: the smaller side leaves for a new cluster (its reprints follow in refine()).
  return side_a.size() < side_b.size() ? side_a : side_b;
}

void EventClusterer::split_off(uint32_t c, const std::vector<uint32_t>& leaving) {
  uint32_t d = new_cluster();
  for (uint32_t m : leaving) {
    detach(m, c);
    attach(m, d);
  }
  post(d, true);
  post(c, true);
}

uint32_t EventClusterer::add(ArticleFeatures features) {
  const uint32_t a = uint32_t(articles_.size());
  auto dup = dups_.add(features.signature);
  // The finder keeps the signature; the article does not need a second copy.
  features.signature = {};
  articles_.push_back(std::move(features));
  cluster_.push_back(UINT32_MAX);
  counted_.push_back(!dup);
  if (dup) {
    uint32_t c = find(cluster_[*dup]);
    attach(a, c);
    return a;
  }
  assign(a);
  return a;
}

void EventClusterer::refine() {
  const unsigned threads = threads_;
  for (int round = 0; round < config_.refine_rounds; ++round) {
    bool changed = refine_merge(threads);
    if (refine_bisect(threads)) changed = true;
    if (refine_reassign(threads)) changed = true;
    if (!changed) break;
  }
  split_disconnected();
  adopt_orphans();
  // Reprints follow their original wherever it went.
  for (uint32_t a = 0; a < articles_.size(); ++a) {
    if (counted_[a]) continue;
    uint32_t c = find(cluster_[a]), r = find(cluster_[dups_.root(a)]);
    if (c == r) continue;
    detach(a, c);
    attach(a, r);
  }
}

std::vector<std::vector<uint32_t>> EventClusterer::disconnected_groups(uint32_t c) const {
  const size_t k = config_.knn_split_neighbours,
               min_side = std::max<size_t>(1, config_.knn_split_min_articles);
  std::vector<uint32_t> originals;
  for (uint32_t m : clusters_[c].members)
    if (counted_[m]) originals.push_back(m);
  const size_t n = originals.size();
  if (k == 0 || n < 2 * min_side || n > config_.knn_split_max_articles) return {};
  std::vector<double> sim(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      sim[i * n + j] = sim[j * n + i] = pair_score(profile_of(articles_[originals[i]]),
                                                   profile_of(articles_[originals[j]]), config_)
                                            .total;
  // Union of each member with its k most similar members (ties: the earlier member).
  std::vector<size_t> parent(n);
  for (size_t i = 0; i < n; ++i) parent[i] = i;
  auto root = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<size_t> others;
  for (size_t i = 0; i < n; ++i) {
    others.clear();
    for (size_t j = 0; j < n; ++j)
      if (j != i) others.push_back(j);
    const size_t take = std::min(k, others.size());
    std::partial_sort(others.begin(), others.begin() + take, others.end(), [&](size_t x, size_t y) {
      return sim[i * n + x] > sim[i * n + y] || (sim[i * n + x] == sim[i * n + y] && x < y);
    });
    for (size_t t = 0; t < take; ++t) parent[root(i)] = root(others[t]);
  }
  std::unordered_map<size_t, std::vector<uint32_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[root(i)].push_back(originals[i]);
  if (groups.size() < 2) return {};
  // The biggest group keeps the cluster (with the groups too small to stand alone); every
  // other group big enough leaves. Ordered by first member, so the result is deterministic.
  std::vector<std::vector<uint32_t>> sorted;
  for (auto& [r, g] : groups) sorted.push_back(std::move(g));
  std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
    return x.size() != y.size() ? x.size() > y.size() : x.front() < y.front();
  });
  std::vector<std::vector<uint32_t>> leaving;
  for (size_t g = 1; g < sorted.size(); ++g)
    if (sorted[g].size() >= min_side) leaving.push_back(std::move(sorted[g]));
  return leaving;
}

void EventClusterer::split_disconnected() {
  if (config_.knn_split_neighbours == 0) return;
  const size_t n0 = clusters_.size();
  std::vector<std::vector<std::vector<uint32_t>>> plan(n0);
  parallel_for(0, n0, threads_, [&](unsigned, size_t c) {
    if (clusters_[c].forward == UINT32_MAX && clusters_[c].counted >= 2)
      plan[c] = disconnected_groups(uint32_t(c));
  });
  // Each plan reads only its own cluster, and a split changes only that cluster and new ones.
  for (uint32_t c = 0; c < n0; ++c)
    for (const auto& leaving : plan[c]) split_off(c, leaving);
}

void EventClusterer::adopt_orphans() {
  if (config_.orphan_relative_threshold <= 0) return;
  for (uint32_t own = 0; own < clusters_.size(); ++own) {
    const Cluster& small = clusters_[own];
    if (small.forward != UINT32_MAX || small.counted == 0 ||
        small.counted > config_.orphan_max_articles)
      continue;
    Profile p = profile_of_cluster(small);
    // The two best larger clusters: the first must stand out from the second.
    double best = 0, second = 0;
    uint32_t best_c = UINT32_MAX;
    score_candidates(p, own, workspace_, nullptr, [&](uint32_t c, double s) {
      if (clusters_[c].counted <= small.counted || clusters_[c].counted < config_.orphan_min_target)
        return;
      if (s > best || (s == best && c < best_c)) {
        second = best;
        best = s;
        best_c = c;
      } else if (s > second) {
        second = s;
      }
    });
    if (best_c == UINT32_MAX) continue;
    auto coh = coherence(clusters_[best_c]);
    double bar =
        std::max(config_.join_threshold, coh ? config_.orphan_relative_threshold * *coh : 1.0);
    if (best < bar || best < config_.orphan_dominance * second) continue;
    merge(best_c, own);
  }
}

bool EventClusterer::refine_merge(unsigned threads) {
  // 1. Merge clusters whose centroids are close, best pairs first, re-scoring each pair
  //    with the current centroids (earlier merges change them). Finding the pairs reads
  //    only: it runs in parallel, and the sorted list is the same for any thread count.
  using Pair = std::tuple<double, uint32_t, uint32_t>;
  std::vector<std::vector<Pair>> found(threads);
  std::vector<Workspace> ws(threads);
  const index::CandidateIndex::Limits limits{config_.max_postings_per_term, config_.max_candidates};
  parallel_for(0, clusters_.size(), threads, [&](unsigned t, size_t i) {
    const uint32_t c = uint32_t(i);
    if (clusters_[c].forward != UINT32_MAX || clusters_[c].counted == 0) return;
    Profile p = profile_of_cluster(clusters_[c]);
    for (uint32_t raw :
         index_.query(query_vector(p), p.time_max, config_.window_hours, limits, ws[t].query)) {
      uint32_t d = find(raw);
      if (d <= c || clusters_[d].counted == 0) continue;
      double s = pair_score(p, profile_of_cluster(clusters_[d]), config_).total;
      if (s >= merge_bar(clusters_[c], clusters_[d])) found[t].emplace_back(s, c, d);
    }
  });
  std::vector<Pair> pairs;
  for (auto& f : found) pairs.insert(pairs.end(), f.begin(), f.end());
  std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
    return std::get<0>(x) != std::get<0>(y) ? std::get<0>(x) > std::get<0>(y) : x < y;
  });
  bool changed = false;
  for (const auto& [s0, c0, d0] : pairs) {
    uint32_t c = find(c0), d = find(d0);
    if (c == d) continue;
    double s =
        pair_score(profile_of_cluster(clusters_[c]), profile_of_cluster(clusters_[d]), config_)
            .total;
    if (s < merge_bar(clusters_[c], clusters_[d])) continue;
    if (clusters_[d].members.size() > clusters_[c].members.size()) std::swap(c, d);
    merge(c, d);
    changed = true;
  }
  return changed;
}

bool EventClusterer::refine_bisect(unsigned threads) {
  // 2. Split clusters made of two groups that would not merge (a chain of joins can glue
  //    two events of one kind together; the merge rule itself says they are two). A plan
  //    reads only its own cluster, and a split changes only the cluster split and the new
  //    one: plans are made in parallel up front, and a cluster's plan is remade in order
  //    once it has split.
  auto eligible = [&](uint32_t c) {
    return clusters_[c].forward == UINT32_MAX && clusters_[c].counted >= 4;
  };
  const size_t n0 = clusters_.size();
  std::vector<std::optional<std::vector<uint32_t>>> plan(n0);
  std::vector<char> planned(n0, 0);
  std::vector<Workspace> ws(threads);
  // A cluster unchanged since a plan found no split would get the same answer again.
  auto settled = [&](uint32_t c) {
    return clusters_[c].bisect_checked && clusters_[c].modified <= clusters_[c].bisect_checked;
  };
  parallel_for(0, n0, threads, [&](unsigned t, size_t c) {
    if (!eligible(uint32_t(c)) || settled(uint32_t(c))) return;
    plan[c] = plan_bisect(uint32_t(c), ws[t]);
    planned[c] = 1;
  });
  bool changed = false;
  for (uint32_t c = 0; c < clusters_.size(); ++c) {
    if (!eligible(c) || settled(c)) continue;
    std::optional<std::vector<uint32_t>> leaving;
    if (c < n0 && planned[c]) {
      leaving = std::move(plan[c]);
      planned[c] = 0;  // a second look (after a split) recomputes
    } else {
      leaving = plan_bisect(c, workspace_);
    }
    if (!leaving) {
      clusters_[c].bisect_checked = clock_;
      continue;
    }
    split_off(c, *leaving);
    changed = true;
    --c;  // the remaining part may hold a further split
  }
  return changed;
}

bool EventClusterer::reassign_fresh(const ReassignPlan& p) const {
  if (p.at_clock == 0 || clusters_[p.own_cluster].modified > p.at_clock) return false;
  for (uint32_t c : p.trace.clusters)
    if (clusters_[c].modified > p.at_clock) return false;
  for (index::TermId t : p.trace.terms)
    if (index_.term_version(t) > p.at_version) return false;
  return true;
}

bool EventClusterer::refine_reassign(unsigned threads) {
  // 3. Re-assign outliers: an article moves when another cluster fits it clearly better
  //    than its own cluster without it. In order, because a move changes two clusters and
  //    may re-post one. A plan (the article's scores) is exact while none of the clusters
  //    it read has changed and none of its query terms was re-posted (reassign_fresh), so
  //    a batch of articles is scored in parallel on the state at its start, then applied
  //    in order, a plan made stale by a move of the batch being rescored first. The moves
  //    are exactly those of a sequential pass, for any thread count. (Keeping plans
  //    across rounds does not pay: by the next round nearly every article has a changed
  //    candidate.)
  auto score = [&](uint32_t a, Workspace& ws, ReassignPlan& p, uint64_t at_clock,
                   uint64_t at_version) {
    p.at_clock = at_clock;
    p.at_version = at_version;
    p.own_cluster = find(cluster_[a]);
    p.own = leave_one_out(a, p.own_cluster, ws).value_or(config_.join_threshold);
    p.best = best_cluster(profile_of(articles_[a]), p.own_cluster, nullptr, ws, &p.trace);
  };
  // Small batches: moves come in runs (similar articles are adjacent in publication order),
  // and a plan made stale is paid twice. One thread: no batches.
  const size_t batch = threads > 1 ? 64 : 1;
  std::vector<Workspace> ws(threads);
  std::vector<ReassignPlan> plans(batch);
  bool changed = false;
  for (size_t a = 0; a < articles_.size();) {
    const size_t begin = a, end = std::min(articles_.size(), a + batch);
    const uint64_t at_clock = clock_, at_version = index_.version();
    parallel_for(begin, end, threads, [&](unsigned t, size_t x) {
      if (counted_[x]) score(uint32_t(x), ws[t], plans[x - begin], at_clock, at_version);
    });
    for (; a < end; ++a) {
      if (!counted_[a]) continue;
      ReassignPlan& p = plans[a - begin];
      // Made stale by a move earlier in this batch: rescored on the current state.
      if (!reassign_fresh(p)) score(uint32_t(a), workspace_, p, clock_, index_.version());
      if (!p.best || p.best->second < p.own + config_.reassign_margin) continue;
      const uint32_t c = p.own_cluster, b = p.best->first;
      detach(uint32_t(a), c);
      attach(uint32_t(a), b);
      post(b, false);
      changed = true;
    }
  }
  return changed;
}

std::vector<uint32_t> EventClusterer::labels() const {
  std::unordered_map<uint32_t, uint32_t> dense;
  std::vector<uint32_t> out;
  out.reserve(articles_.size());
  for (uint32_t a = 0; a < articles_.size(); ++a) {
    uint32_t c = find(cluster_[a]);
    auto it = dense.try_emplace(c, uint32_t(dense.size())).first;
    out.push_back(it->second);
  }
  return out;
}

double EventClusterer::centrality(uint32_t a) const {
  const Cluster& cl = clusters_[find(cluster_[a])];
  if (cl.norms[kBody] <= 0 || articles_[a].body.empty()) return 0;
  return index::dot(articles_[a].body, cl.sum[kBody]) / cl.norms[kBody];
}

size_t EventClusterer::memory_bytes() const {
  auto vec_bytes = [](const index::SparseVector& v) {
    return sizeof(v) + v.entries.capacity() * sizeof(index::TermWeight);
  };
  size_t b = index_.memory_bytes() + dups_.memory_bytes();
  for (const auto& f : articles_)
    b += vec_bytes(f.title) + vec_bytes(f.body) + vec_bytes(f.entities) + vec_bytes(f.numbers) +
         sizeof(f) - 4 * sizeof(index::SparseVector);
  for (const auto& c : clusters_) {
    b += sizeof(c) + c.members.capacity() * sizeof(uint32_t);
    for (const auto& v : c.sum) b += vec_bytes(v) - sizeof(v);
  }
  b += cluster_.capacity() * sizeof(uint32_t) + counted_.capacity() / 8;
  return b;
}

}  // namespace recoupe::cluster
