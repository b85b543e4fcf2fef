// DocumentFrequency: how many documents contain each term, learned one document at a time.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "index/sparse_vector.h"
#include "index/term_dictionary.h"

namespace recoupe::index {

// Counts documents per term and turns raw term frequencies into TF-IDF vectors. The batch
// path feeds every article before weighting (it knows the whole corpus); the stream path
// feeds each article as it arrives, so its weights use the statistics seen so far. Same code,
// same formula. Not thread-safe for add(); const methods may run concurrently when no add()
// runs.
class DocumentFrequency {
 public:
  // Counts one document; `distinct_terms` must not repeat a term. Cost O(terms).
  void add(std::span<const TermId> distinct_terms);
  uint64_t documents() const { return documents_; }
  uint32_t df(TermId t) const { return t < df_.size() ? df_[t] : 0; }

  // Smoothed inverse document frequency offset + λ · ln((N + 1) / (df + 1)) with
  // λ = N / (N + prior_documents): a term in every document weighs `offset`; while N is
  // small next to `prior_documents`, weights stay close to uniform (shrinkage: few documents
  // say little about which words are common).
  double idf(TermId t, double offset, double prior_documents = 0) const;

  // Sublinear TF-IDF: (1 + ln tf) · idf, L2-normalized. `counts` holds (term, raw count).
  SparseVector weigh(const std::vector<TermWeight>& counts, double idf_offset,
                     double prior_documents = 0) const;

 private:
  std::vector<uint32_t> df_;
  uint64_t documents_ = 0;
};

}  // namespace recoupe::index
