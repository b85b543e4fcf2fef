// Near-duplicates: the same wire copy reprinted with small edits.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "cluster/cluster_config.h"
#include "index/lsh_index.h"
#include "index/minhash.h"

namespace recoupe::cluster {

// Online near-duplicate finder over MinHash signatures: LSH band lookup, then the Jaccard
// estimate verifies each candidate (≥ config.duplicate_jaccard). Groups are transitive and
// represented by their first document (the root). Memory ≈ 224 B (signature) + ≈ 450 B
// (LSH slots) per document. Not thread-safe. Cost per add: O(bands + candidates · 112).
class NearDuplicateFinder {
 public:
  explicit NearDuplicateFinder(const ClusterConfig& config);

  // Adds document number `size()` and returns the root of the group it duplicates, or
  // nullopt when it is the first of its kind (or its signature is empty).
  std::optional<uint32_t> add(const index::MinHashSignature& sig);
  uint32_t root(uint32_t doc) const { return root_[doc]; }
  size_t size() const { return root_.size(); }
  size_t memory_bytes() const;

 private:
  double threshold_;
  index::LshIndex lsh_;
  std::vector<index::MinHashSignature> signatures_;
  std::vector<uint32_t> root_;
};

// Batch form: `duplicate_of[i]` is the root (an index < i in the given order, the earliest
// of its group) of document i, or -1. Documents must be given in the order that defines
// "first" (publication order).
std::vector<int> near_duplicates(const std::vector<index::MinHashSignature>& signatures,
                                 const ClusterConfig& config);

}  // namespace recoupe::cluster
