// ArticleFeatures: the weighted representation of one article that clustering compares.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cluster/cluster_config.h"
#include "core/article.h"
#include "index/candidate_index.h"
#include "index/document_frequency.h"
#include "index/minhash.h"
#include "index/sparse_vector.h"
#include "index/term_extractor.h"

namespace recoupe::cluster {

inline constexpr int64_t kUnknownTime = index::CandidateIndex::kUnknownTime;

// The evidence channels every similarity is computed over, in this order everywhere.
enum Channel { kTitle = 0, kBody = 1, kEntities = 2, kNumbers = 3 };
inline constexpr int kChannels = 4;

// Channels are unit-length TF-IDF vectors (empty when the article has none: no title, no
// names found, no numbers). Entity and date evidence plug in here: the analyze stage's named
// entities enter through index::EntityHints (they replace the capitalized-word proxy in
// `entities`), and a better event time (a date the text states, resolved) replaces
// `time_hours` (see features_for). Plain value type.
struct ArticleFeatures {
  index::SparseVector title;
  index::SparseVector body;
  index::SparseVector entities;
  index::SparseVector numbers;
  index::MinHashSignature signature;
  int64_t time_hours = kUnknownTime;  // hours since 1970-01-01 UTC, or unknown
  int words = 0;

  // The channel vectors, indexed by Channel.
  std::array<const index::SparseVector*, kChannels> channels() const {
    return {&title, &body, &entities, &numbers};
  }
};

// Per channel, its weight in the pair score and the terms a centroid keeps.
std::array<double, kChannels> channel_weights(const ClusterConfig& config);
std::array<size_t, kChannels> channel_centroid_terms(const ClusterConfig& config);

// Hours since the epoch of the article's publication (PublicationTime::utc_hour: noon of the
// day when the hour is unknown), or kUnknownTime when the article is undated.
int64_t publication_hours(const Article& article);

// The distinct term ids of all channels of `raw`, for DocumentFrequency::add.
std::vector<index::TermId> distinct_terms(const index::RawTerms& raw);

// Weighs `raw` with the corpus statistics `df` (TF-IDF, L2-normalized per channel).
ArticleFeatures weigh_features(const index::RawTerms& raw, const index::DocumentFrequency& df,
                               int64_t time_hours, const ClusterConfig& config);

}  // namespace recoupe::cluster
