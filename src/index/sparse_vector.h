// SparseVector: a bag of weighted term ids, the representation every similarity works on.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "index/term_dictionary.h"

namespace recoupe::index {

struct TermWeight {
  TermId term = 0;
  float weight = 0.f;
};

// Entries sorted by term id, unique, weights > 0. Plain value type; cheap to move.
struct SparseVector {
  std::vector<TermWeight> entries;

  bool empty() const { return entries.empty(); }
  size_t size() const { return entries.size(); }
};

// Builds a vector from unsorted (term, weight) pairs: sorts, sums duplicates, drops weights
// ≤ 0. Cost O(n log n).
SparseVector make_sparse(std::vector<TermWeight> pairs);

// Euclidean norm.
double norm(const SparseVector& v);

// Scales `v` to unit length (no-op on an empty or zero vector).
void l2_normalize(SparseVector& v);

// Dot product by merging the sorted entries. Cost O(|a| + |b|); when one side is much
// shorter, binary search is used instead (O(small · log large)).
double dot(const SparseVector& a, const SparseVector& b);

// Cosine similarity (0 when either is empty).
double cosine(const SparseVector& a, const SparseVector& b);

// a += scale · b, keeping the result sorted. Cost O(|a| + |b|).
void add_scaled(SparseVector& a, const SparseVector& b, float scale);

// out = a + scale · b (the same floats as add_scaled), reusing out's storage: no allocation
// once out has grown. `out` must not alias `a` or `b`.
void add_scaled_into(const SparseVector& a, const SparseVector& b, float scale, SparseVector& out);

// Keeps the `k` entries of largest weight (ties: smaller id), still sorted by id.
void keep_top(SparseVector& v, size_t k);

// The ids of the `k` largest weights, largest first.
std::vector<TermId> top_terms(const SparseVector& v, size_t k);

}  // namespace recoupe::index
