#include "index/document_frequency.h"

#include <cmath>

namespace recoupe::index {

void DocumentFrequency::add(std::span<const TermId> distinct_terms) {
  ++documents_;
  for (TermId t : distinct_terms) {
    if (t >= df_.size()) df_.resize(std::max<size_t>(t + 1, df_.size() * 3 / 2 + 1024), 0);
    ++df_[t];
  }
}

double DocumentFrequency::idf(TermId t, double offset, double prior_documents) const {
  double n = double(documents_);
  double lambda = n + prior_documents > 0 ? n / (n + prior_documents) : 1.0;
  return offset + lambda * std::log((n + 1.0) / (double(df(t)) + 1.0));
}

SparseVector DocumentFrequency::weigh(const std::vector<TermWeight>& counts, double idf_offset,
                                      double prior_documents) const {
  std::vector<TermWeight> w;
  w.reserve(counts.size());
  for (const auto& c : counts) {
    if (c.weight <= 0) continue;
    double x = (1.0 + std::log(double(c.weight))) * idf(c.term, idf_offset, prior_documents);
    if (x > 0) w.push_back({c.term, float(x)});
  }
  SparseVector v = make_sparse(std::move(w));
  l2_normalize(v);
  return v;
}

}  // namespace recoupe::index
