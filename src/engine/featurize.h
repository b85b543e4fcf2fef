// Parallel feature extraction: articles → weighted ArticleFeatures for clustering.
#pragma once

#include <string>
#include <vector>

#include "cluster/cluster_config.h"
#include "cluster/features.h"
#include "core/article.h"
#include "index/document_frequency.h"
#include "index/term_dictionary.h"
#include "index/term_extractor.h"

namespace recoupe::engine {

// Shared, long-lived state of feature extraction: the term dictionary, corpus statistics,
// stop-word lists and the elision rules that cut text into words. The batch path builds one
// per run; a stream keeps one alive. `catalog` and `elisions` must outlive it.
struct FeatureSpace {
  FeatureSpace(const std::string& data_dir, const text::StopWordCatalog& catalog,
               const text::ElisionRules& elision_rules)
      : stop_words(data_dir, catalog), elisions(elision_rules) {}
  index::TermDictionary dictionary;
  index::DocumentFrequency df;
  index::StopWordLibrary stop_words;
  const text::ElisionRules& elisions;
};

// Raw terms of every article, on `threads` threads (0: all cores). Order preserved, and the
// ids of new terms are renumbered in an order fixed by the input (first article, then key),
// so that everything downstream is the same for any thread count. The
// article's title, text, language and published date are used; a missing language means no
// stemming and no stop words.
std::vector<index::RawTerms> extract_terms(const std::vector<Article>& articles,
                                           FeatureSpace& space, unsigned threads = 0);

// Batch: counts every article in the corpus statistics, then weighs all of them (parallel).
std::vector<cluster::ArticleFeatures> featurize_batch(const std::vector<Article>& articles,
                                                      FeatureSpace& space,
                                                      const cluster::ClusterConfig& config,
                                                      unsigned threads = 0);

}  // namespace recoupe::engine
