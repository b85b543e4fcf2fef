#include "index/lsh_index.h"

#include <algorithm>

namespace recoupe::index {
namespace {
uint64_t nonzero(uint64_t k) { return k ? k : 1; }
}  // namespace

const LshIndex::Slot* LshIndex::find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  size_t mask = slots_.size() - 1;
  for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) return &slots_[i];
    if (slots_[i].key == 0) return nullptr;
  }
}

void LshIndex::put(uint64_t key, uint32_t doc) {
  size_t mask = slots_.size() - 1;
  for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) return;
    if (slots_[i].key == 0) {
      slots_[i] = {key, doc};
      ++used_;
      return;
    }
  }
}

void LshIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
  used_ = 0;
  for (const auto& s : old)
    if (s.key) put(s.key, s.doc);
}

std::vector<uint32_t> LshIndex::query(const MinHashSignature& sig) const {
  std::vector<uint32_t> out;
  for (uint64_t k : band_keys(sig, bands_, rows_))
    if (const Slot* s = find(nonzero(k)))
      if (std::find(out.begin(), out.end(), s->doc) == out.end()) out.push_back(s->doc);
  return out;
}

void LshIndex::insert(const MinHashSignature& sig, uint32_t doc) {
  for (uint64_t k : band_keys(sig, bands_, rows_)) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    put(nonzero(k), doc);
  }
}

}  // namespace recoupe::index
