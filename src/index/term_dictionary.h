// TermDictionary: folded stems (and other feature keys) → dense 32-bit ids.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recoupe::index {

using TermId = uint32_t;

// Maps keys to ids 0, 1, 2… in order of first sight. Thread-safe: lookups take a shared lock
// on one of 32 shards (so parallel feature extraction rarely contends); a new key takes that
// shard's exclusive lock once. Ids are never reused or removed. Cost: one hash per call;
// memory ≈ 60 bytes per distinct key.
class TermDictionary {
 public:
  TermDictionary() = default;
  TermDictionary(const TermDictionary&) = delete;
  TermDictionary& operator=(const TermDictionary&) = delete;

  // The id of `key`, adding it when new.
  TermId intern(std::string_view key);
  // The id of `key`, or nullopt when it was never interned.
  std::optional<TermId> find(std::string_view key) const;
  // The key of `id` (empty when out of range). For diagnostics and tests.
  std::string key(TermId id) const;
  size_t size() const { return next_.load(std::memory_order_relaxed); }

  // Gives every key a new id: new_id[old] for each id 0..size()-1, a permutation of them.
  // Parallel interning numbers keys in the order threads happen to meet them; renumbering in
  // an order fixed by the input makes everything downstream (vector term order, hence float
  // sums and ties) the same for any thread count. Not thread-safe: no other call may run.
  // Cost: O(size()).
  void renumber(const std::vector<TermId>& new_id);

 private:
  static constexpr size_t kShards = 32;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Shard {
    mutable std::shared_mutex mutex;
    std::unordered_map<std::string, TermId, Hash, std::equal_to<>> ids;
  };
  std::array<Shard, kShards> shards_;
  std::atomic<TermId> next_{0};
  mutable std::mutex keys_mutex_;
  std::deque<std::string> keys_;  // by id; a deque so that growth never moves old keys
};

}  // namespace recoupe::index
