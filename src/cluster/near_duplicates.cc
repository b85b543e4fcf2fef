#include "cluster/near_duplicates.h"

namespace recoupe::cluster {

NearDuplicateFinder::NearDuplicateFinder(const ClusterConfig& config)
    : threshold_(config.duplicate_jaccard), lsh_(config.lsh_bands, config.lsh_rows) {}

std::optional<uint32_t> NearDuplicateFinder::add(const index::MinHashSignature& sig) {
  const uint32_t doc = uint32_t(root_.size());
  std::optional<uint32_t> found;
  double best = 0;
  for (uint32_t c : lsh_.query(sig)) {
    double j = index::jaccard_estimate(sig, signatures_[c]);
    if (j >= threshold_ && j > best) {
      best = j;
      found = root_[c];
    }
  }
  signatures_.push_back(sig);
  root_.push_back(found ? *found : doc);
  lsh_.insert(sig, doc);
  return found;
}

size_t NearDuplicateFinder::memory_bytes() const {
  size_t b = lsh_.memory_bytes() + root_.capacity() * sizeof(uint32_t);
  for (const auto& s : signatures_) b += s.capacity() * sizeof(uint16_t) + sizeof(s);
  return b;
}

std::vector<int> near_duplicates(const std::vector<index::MinHashSignature>& signatures,
                                 const ClusterConfig& config) {
  NearDuplicateFinder finder(config);
  std::vector<int> out;
  out.reserve(signatures.size());
  for (const auto& s : signatures) {
    auto r = finder.add(s);
    out.push_back(r ? int(*r) : -1);
  }
  return out;
}

}  // namespace recoupe::cluster
