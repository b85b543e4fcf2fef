#include "index/minhash.h"

#include <limits>

namespace recoupe::index {

uint64_t hash_string(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return mix64(h);
}

std::vector<uint64_t> shingle_hashes(const std::vector<std::string>& words, int n) {
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  std::vector<uint64_t> wh;
  wh.reserve(words.size());
  for (const auto& w : words) wh.push_back(hash_string(w));
  if (int(wh.size()) < n) n = int(wh.size());
  out.reserve(wh.size() - n + 1);
  for (size_t i = 0; i + n <= wh.size(); ++i) {
    // Order-sensitive combination of the n word hashes.
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int k = 0; k < n; ++k) h = mix64(h ^ (wh[i + k] + 0x9e3779b97f4a7c15ULL * (k + 1)));
    out.push_back(h);
  }
  return out;
}

MinHashSignature minhash(const std::vector<uint64_t>& shingles) {
  if (shingles.empty()) return {};
  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  std::vector<uint64_t> bins(kMinHashSize, kEmpty);
  for (uint64_t s : shingles) {
    uint64_t h = mix64(s ^ 0x51ed270b27e3cc4dULL);
    // The high bits choose the bin (multiply-shift), the value is the full hash.
    size_t bin = size_t((unsigned __int128)h * kMinHashSize >> 64);
    if (h < bins[bin]) bins[bin] = h;
  }
  MinHashSignature sig(kMinHashSize);
  for (int i = 0; i < kMinHashSize; ++i) {
    uint64_t v = bins[i];
    // Rotation densification: walk right to the next filled bin, add a per-distance offset so
    // that borrowed values stay distinct from the lender's own slot.
    for (int d = 1; v == kEmpty && d < kMinHashSize; ++d) {
      uint64_t b = bins[(i + d) % kMinHashSize];
      if (b != kEmpty) v = mix64(b + 0x9e3779b97f4a7c15ULL * d);
    }
    sig[i] = uint16_t(v & 0xffff);
  }
  return sig;
}

double jaccard_estimate(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0;
  int same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return double(same) / double(a.size());
}

std::vector<uint64_t> band_keys(const MinHashSignature& sig, int bands, int rows) {
  std::vector<uint64_t> keys;
  if (sig.empty()) return keys;
  keys.reserve(bands);
  for (int b = 0; b < bands; ++b) {
    uint64_t h = mix64(uint64_t(b) + 1);
    for (int r = 0; r < rows; ++r) h = mix64(h ^ (uint64_t(sig[b * rows + r]) << 17 | uint64_t(r)));
    keys.push_back(h);
  }
  return keys;
}

}  // namespace recoupe::index
