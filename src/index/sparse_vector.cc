#include "index/sparse_vector.h"

#include <algorithm>
#include <cmath>

namespace recoupe::index {

SparseVector make_sparse(std::vector<TermWeight> pairs) {
  std::sort(pairs.begin(), pairs.end(),
            [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
  SparseVector v;
  v.entries.reserve(pairs.size());
  for (const auto& p : pairs) {
    if (!v.entries.empty() && v.entries.back().term == p.term)
      v.entries.back().weight += p.weight;
    else
      v.entries.push_back(p);
  }
  std::erase_if(v.entries, [](const TermWeight& e) { return !(e.weight > 0.f); });
  return v;
}

double norm(const SparseVector& v) {
  double s = 0;
  for (const auto& e : v.entries) s += double(e.weight) * e.weight;
  return std::sqrt(s);
}

void l2_normalize(SparseVector& v) {
  double n = norm(v);
  if (n <= 0) return;
  for (auto& e : v.entries) e.weight = float(e.weight / n);
}

namespace {
double dot_search(const SparseVector& small, const SparseVector& large) {
  double s = 0;
  auto it = large.entries.begin();
  for (const auto& e : small.entries) {
    it = std::lower_bound(it, large.entries.end(), e.term,
                          [](const TermWeight& x, TermId t) { return x.term < t; });
    if (it == large.entries.end()) break;
    if (it->term == e.term) s += double(e.weight) * it->weight;
  }
  return s;
}
}  // namespace

double dot(const SparseVector& a, const SparseVector& b) {
  if (a.empty() || b.empty()) return 0;
  if (a.size() * 8 < b.size()) return dot_search(a, b);
  if (b.size() * 8 < a.size()) return dot_search(b, a);
  // Branch-free merge: the matches are unpredictable, so the loop advances both cursors by
  // comparisons and adds 0 on a mismatch. The sum is the same double as a branchy merge's
  // (same products, same order; s + 0.0 == s since s ≥ +0 with positive weights).
  double s = 0;
  const TermWeight* pa = a.entries.data();
  const TermWeight* pb = b.entries.data();
  const TermWeight* const ea = pa + a.size();
  const TermWeight* const eb = pb + b.size();
  while (pa < ea && pb < eb) {
    const TermId x = pa->term, y = pb->term;
    const double prod = double(pa->weight) * pb->weight;
    s += x == y ? prod : 0.0;
    pa += x <= y;
    pb += y <= x;
  }
  return s;
}

double cosine(const SparseVector& a, const SparseVector& b) {
  double na = norm(a), nb = norm(b);
  if (na <= 0 || nb <= 0) return 0;
  return dot(a, b) / (na * nb);
}

void add_scaled(SparseVector& a, const SparseVector& b, float scale) {
  std::vector<TermWeight> out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a.entries[i].term < b.entries[j].term)) {
      out.push_back(a.entries[i++]);
    } else if (i == a.size() || b.entries[j].term < a.entries[i].term) {
      out.push_back({b.entries[j].term, b.entries[j].weight * scale});
      ++j;
    } else {
      out.push_back({a.entries[i].term, a.entries[i].weight + b.entries[j].weight * scale});
      ++i;
      ++j;
    }
  }
  std::erase_if(out, [](const TermWeight& e) { return !(e.weight > 0.f); });
  a.entries = std::move(out);
}

void add_scaled_into(const SparseVector& a, const SparseVector& b, float scale, SparseVector& out) {
  auto& o = out.entries;
  o.clear();
  o.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  auto keep = [&](TermId t, float w) {
    if (w > 0.f) o.push_back({t, w});
  };
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a.entries[i].term < b.entries[j].term)) {
      keep(a.entries[i].term, a.entries[i].weight);
      ++i;
    } else if (i == a.size() || b.entries[j].term < a.entries[i].term) {
      keep(b.entries[j].term, b.entries[j].weight * scale);
      ++j;
    } else {
      keep(a.entries[i].term, a.entries[i].weight + b.entries[j].weight * scale);
      ++i;
      ++j;
    }
  }
}

void keep_top(SparseVector& v, size_t k) {
  if (v.size() <= k) return;
  auto by_weight = [](const TermWeight& a, const TermWeight& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  };
  std::nth_element(v.entries.begin(), v.entries.begin() + k, v.entries.end(), by_weight);
  v.entries.resize(k);
  std::sort(v.entries.begin(), v.entries.end(),
            [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
}

std::vector<TermId> top_terms(const SparseVector& v, size_t k) {
  std::vector<TermWeight> e = v.entries;
  auto by_weight = [](const TermWeight& a, const TermWeight& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  };
  k = std::min(k, e.size());
  std::partial_sort(e.begin(), e.begin() + k, e.end(), by_weight);
  std::vector<TermId> out;
  out.reserve(k);
  for (size_t i = 0; i < k; ++i) out.push_back(e[i].term);
  return out;
}

}  // namespace recoupe::index
