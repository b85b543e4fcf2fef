// LshIndex: finds earlier documents whose MinHash signature shares an LSH band.
#pragma once

#include <cstdint>
#include <vector>

#include "index/minhash.h"

namespace recoupe::index {

// Remembers, for every band key, the first document that had it (later documents with the
// same key are near-duplicates of that one or of its group, so one representative per key
// suffices). Open addressing over 64-bit keys: 16 bytes per slot, load ≤ 0.5, so about
// 14 bands × 32 B ≈ 450 bytes per indexed document. Not thread-safe.
class LshIndex {
 public:
  explicit LshIndex(int bands = 14, int rows = 8) : bands_(bands), rows_(rows) {}

  // Earlier documents sharing at least one band with `sig`, without repeats (may include
  // false positives: verify with jaccard_estimate). Cost O(bands).
  std::vector<uint32_t> query(const MinHashSignature& sig) const;
  // Indexes document `doc` (keys already present keep their first document). Cost O(bands).
  void insert(const MinHashSignature& sig, uint32_t doc);
  size_t keys() const { return used_; }
  size_t memory_bytes() const { return slots_.size() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty (real keys are remapped away from 0)
    uint32_t doc = 0;
  };
  const Slot* find(uint64_t key) const;
  void put(uint64_t key, uint32_t doc);
  void grow();

  int bands_, rows_;
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

}  // namespace recoupe::index
