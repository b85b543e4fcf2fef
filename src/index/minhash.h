// MinHash signatures of word 5-gram shingles, for near-duplicate detection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace recoupe::index {

// A signature of `kMinHashSize` 16-bit values (b-bit MinHash: the low 16 bits of each
// minimum; a chance collision of 1/65536 per slot is negligible next to the estimate's own
// error of ≈ 1/√112 ≈ 0.09 at J = 0.5, less near 1).
inline constexpr int kMinHashSize = 112;
using MinHashSignature = std::vector<uint16_t>;

// The 64-bit hashes of the word `n`-grams of `folded_words` (all words, stop words included,
// since wire copy is reprinted word for word). A text shorter than n words gives one shingle
// of all its words; an empty text gives none.
std::vector<uint64_t> shingle_hashes(const std::vector<std::string>& folded_words, int n = 5);

// One-permutation MinHash with rotation densification (Shrivastava 2017): each shingle hash
// goes to one of kMinHashSize bins, the bin keeps its minimum; empty bins borrow from the
// next non-empty bin. One hash per shingle instead of 112: O(shingles + kMinHashSize).
// Empty input gives an empty signature (never a duplicate of anything).
MinHashSignature minhash(const std::vector<uint64_t>& shingles);

// Estimated Jaccard similarity: the fraction of equal slots (0 when either is empty).
double jaccard_estimate(const MinHashSignature& a, const MinHashSignature& b);

// The LSH band keys of a signature: `bands` hashes of `rows` consecutive slots each (band
// index mixed in), bands · rows ≤ kMinHashSize. Two signatures share a key with probability
// 1 − (1 − J^rows)^bands: with 14 × 8, 0.17 at J = 0.5, 0.56 at 0.7, 0.92 at 0.8, 1.0 at 0.9.
std::vector<uint64_t> band_keys(const MinHashSignature& sig, int bands = 14, int rows = 8);

// A 64-bit mix (splitmix64 finalizer); exposed for other hash users of the index.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a of a string, mixed.
uint64_t hash_string(std::string_view s);

}  // namespace recoupe::index
