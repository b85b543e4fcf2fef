#include "cluster/event_clusterer.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace recoupe::cluster {

EventClusterer::EventClusterer(const ClusterConfig& config) : config_(config), dups_(config) {}

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

std::optional<std::pair<uint32_t, double>> EventClusterer::best_cluster(const Profile& p,
                                                                        uint32_t exclude,
                                                                        const Cluster* self) const {
  index::CandidateIndex::Limits limits{config_.max_postings_per_term, config_.max_candidates};
  int64_t t = p.time_max != kUnknownTime ? p.time_max : kUnknownTime;
  auto candidates = index_.query(query_vector(p), t, config_.window_hours, limits);
  std::optional<std::pair<uint32_t, double>> best;
  std::vector<uint32_t> seen;
  for (uint32_t raw : candidates) {
    uint32_t c = find(raw);
    if (c == exclude || clusters_[c].counted == 0) continue;
    if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
    seen.push_back(c);
    double s = pair_score(p, profile_of_cluster(clusters_[c]), config_).total;
    double bar = self ? merge_bar(*self, clusters_[c]) : join_bar(clusters_[c]);
    if (s < bar) continue;
    if (!best || s > best->second || (s == best->second && c < best->first)) best = {{c, s}};
  }
  return best;
}

uint32_t EventClusterer::new_cluster() {
  clusters_.emplace_back();
  ++live_;
  return uint32_t(clusters_.size() - 1);
}

void EventClusterer::attach(uint32_t a, uint32_t c) {
  Cluster& cl = clusters_[c];
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
  // The time span is recomputed from the remaining members (spans only grow otherwise).
  cl.time_min = cl.time_max = kUnknownTime;
  for (uint32_t m : cl.members) {
    int64_t t = articles_[m].time_hours;
    if (t == kUnknownTime) continue;
    cl.time_min = cl.time_min == kUnknownTime ? t : std::min(cl.time_min, t);
    cl.time_max = cl.time_max == kUnknownTime ? t : std::max(cl.time_max, t);
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

std::optional<double> EventClusterer::leave_one_out(uint32_t a, uint32_t c) const {
  const Cluster& cl = clusters_[c];
  if (!counted_[a] || cl.counted < 2) return std::nullopt;
  const ArticleFeatures& f = articles_[a];
  const auto v = f.channels();
  std::array<index::SparseVector, kChannels> rest;
  Profile p;
  for (int k = 0; k < kChannels; ++k) {
    rest[k] = cl.sum[k];
    index::add_scaled(rest[k], *v[k], -1.f);
    p.vectors[k] = &rest[k];
    p.counts[k] = cl.counts[k] - (v[k]->empty() ? 0 : 1);
    p.norms[k] = index::norm(rest[k]);
    if (p.norms[k] < 1e-6) p.norms[k] = 0;
  }
  for (uint32_t m : cl.members) {
    int64_t t = articles_[m].time_hours;
    if (m == a || t == kUnknownTime) continue;
    p.time_min = p.time_min == kUnknownTime ? t : std::min(p.time_min, t);
    p.time_max = p.time_max == kUnknownTime ? t : std::max(p.time_max, t);
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
  std::vector<uint32_t> leaving;
  for (uint32_t m : clusters_[c].members) {
    auto s = leave_one_out(m, c);
    if (s && *s < config_.split_threshold) leaving.push_back(m);
  }
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

EventClusterer::Cluster EventClusterer::build(const std::vector<uint32_t>& members) const {
  Cluster cl;
  for (uint32_t a : members) {
    const ArticleFeatures& f = articles_[a];
    const auto v = f.channels();
    for (int k = 0; k < kChannels; ++k) {
      index::add_scaled(cl.sum[k], *v[k], 1.f);
      if (!v[k]->empty()) cl.counts[k] += 1;
    }
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

bool EventClusterer::try_bisect(uint32_t c) {
  std::vector<uint32_t> originals;
  for (uint32_t m : clusters_[c].members)
    if (counted_[m]) originals.push_back(m);
  if (originals.size() < 4) return false;
  // Seeds: the member that fits the whole cluster worst, and the member least like it.
  uint32_t seed_a = originals[0];
  double worst = 2;
  for (uint32_t m : originals) {
    double s = leave_one_out(m, c).value_or(2);
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
    Cluster ca = build(side_a), cb = build(side_b);
    std::vector<uint32_t> next_a, next_b;
    for (uint32_t m : originals) {
      // Average link to each side, the member itself excluded (its self-similarity is 1).
      auto link = [&](const Cluster& side, const std::vector<uint32_t>& list) {
        bool inside = std::find(list.begin(), list.end(), m) != list.end();
        if (!inside)
          return pair_score(profile_of(articles_[m]), profile_of_cluster(side), config_).total;
        if (list.size() == 1) return 2.0;  // a seed stays on its side
        // The side without m: subtract its vectors (O(terms), not a rebuild).
        Cluster rest;
        const ArticleFeatures& f = articles_[m];
        const auto v = f.channels();
        for (int k = 0; k < kChannels; ++k) {
          rest.sum[k] = side.sum[k];
          index::add_scaled(rest.sum[k], *v[k], -1.f);
          rest.counts[k] = side.counts[k] - (v[k]->empty() ? 0 : 1);
          rest.norms[k] = index::norm(rest.sum[k]);
          if (rest.norms[k] < 1e-6) rest.norms[k] = 0;
        }
        rest.time_min = side.time_min;
        rest.time_max = side.time_max;
        return pair_score(profile_of(f), profile_of_cluster(rest), config_).total;
      };
      (link(ca, side_a) >= link(cb, side_b) ? next_a : next_b).push_back(m);
    }
    if (next_a.empty() || next_b.empty()) return false;
    bool same = next_a == side_a;
    side_a = std::move(next_a);
    side_b = std::move(next_b);
    if (same) break;
  }
  if (side_a.size() < 2 || side_b.size() < 2) return false;  // outliers are re-assignment's job
  Cluster ca = build(side_a), cb = build(side_b);
  double link = pair_score(profile_of_cluster(ca), profile_of_cluster(cb), config_).total;
  if (link >= merge_bar(ca, cb) - config_.reassign_margin) return false;
  // Split: the smaller side leaves for a new cluster (its reprints follow in refine()).
  const std::vector<uint32_t>& leaving = side_a.size() < side_b.size() ? side_a : side_b;
  uint32_t d = new_cluster();
  for (uint32_t m : leaving) {
    detach(m, c);
    attach(m, d);
  }
  post(d, true);
  post(c, true);
  return true;
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
  for (int round = 0; round < config_.refine_rounds; ++round) {
    bool changed = false;
    // 1. Merge clusters whose centroids are close, best pairs first, re-scoring each pair
    //    with the current centroids (earlier merges change them).
    std::vector<std::tuple<double, uint32_t, uint32_t>> pairs;
    for (uint32_t c = 0; c < clusters_.size(); ++c) {
      if (clusters_[c].forward != UINT32_MAX || clusters_[c].counted == 0) continue;
      index::CandidateIndex::Limits limits{config_.max_postings_per_term, config_.max_candidates};
      Profile p = profile_of_cluster(clusters_[c]);
      for (uint32_t raw : index_.query(query_vector(p), p.time_max, config_.window_hours, limits)) {
        uint32_t d = find(raw);
        if (d <= c || clusters_[d].counted == 0) continue;
        double s = pair_score(p, profile_of_cluster(clusters_[d]), config_).total;
        if (s >= merge_bar(clusters_[c], clusters_[d])) pairs.emplace_back(s, c, d);
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
      return std::get<0>(x) != std::get<0>(y) ? std::get<0>(x) > std::get<0>(y) : x < y;
    });
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
    // 2. Split clusters made of two groups that would not merge (a chain of joins can glue
    //    two events of one kind together; the merge rule itself says they are two).
    for (uint32_t c = 0; c < clusters_.size(); ++c)
      if (clusters_[c].forward == UINT32_MAX && clusters_[c].counted >= 4 && try_bisect(c)) {
        changed = true;
        --c;  // the remaining part may hold a further split
      }
    // 3. Re-assign outliers: an article moves when another cluster fits it clearly better
    //    than its own cluster without it.
    for (uint32_t a = 0; a < articles_.size(); ++a) {
      if (!counted_[a]) continue;
      uint32_t c = find(cluster_[a]);
      double own = leave_one_out(a, c).value_or(config_.join_threshold);
      auto best = best_cluster(profile_of(articles_[a]), c);
      if (!best || best->second < own + config_.reassign_margin) continue;
      detach(a, c);
      attach(a, best->first);
      post(best->first, false);
      changed = true;
    }
    if (!changed) break;
  }
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

void EventClusterer::adopt_orphans() {
  if (config_.orphan_relative_threshold <= 0) return;
  index::CandidateIndex::Limits limits{config_.max_postings_per_term, config_.max_candidates};
  for (uint32_t own = 0; own < clusters_.size(); ++own) {
    const Cluster& small = clusters_[own];
    if (small.forward != UINT32_MAX || small.counted == 0 ||
        small.counted > config_.orphan_max_articles)
      continue;
    Profile p = profile_of_cluster(small);
    // The two best larger clusters: the first must stand out from the second.
    double best = 0, second = 0;
    uint32_t best_c = UINT32_MAX;
    std::vector<uint32_t> seen;
    for (uint32_t raw : index_.query(query_vector(p), p.time_max, config_.window_hours, limits)) {
      uint32_t c = find(raw);
      if (c == own || clusters_[c].counted <= small.counted ||
          clusters_[c].counted < config_.orphan_min_target)
        continue;
      if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
      seen.push_back(c);
      double s = pair_score(p, profile_of_cluster(clusters_[c]), config_).total;
      if (s > best || (s == best && c < best_c)) {
        second = best;
        best = s;
        best_c = c;
      } else if (s > second) {
        second = s;
      }
    }
    if (best_c == UINT32_MAX) continue;
    auto coh = coherence(clusters_[best_c]);
    double bar =
        std::max(config_.join_threshold, coh ? config_.orphan_relative_threshold * *coh : 1.0);
    if (best < bar || best < config_.orphan_dominance * second) continue;
    merge(best_c, own);
  }
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
