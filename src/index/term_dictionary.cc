#include "index/term_dictionary.h"

#include <vector>

namespace recoupe::index {

TermId TermDictionary::intern(std::string_view key) {
  Shard& shard = shards_[Hash{}(key) % kShards];
  {
    std::shared_lock lock(shard.mutex);
    if (auto it = shard.ids.find(key); it != shard.ids.end()) return it->second;
  }
  std::unique_lock lock(shard.mutex);
  if (auto it = shard.ids.find(key); it != shard.ids.end()) return it->second;
  // Ids and the reverse table are assigned under keys_mutex_ so that key(id) is always valid.
  std::lock_guard keys_lock(keys_mutex_);
  TermId id = next_.load(std::memory_order_relaxed);
  keys_.emplace_back(key);
  next_.store(id + 1, std::memory_order_relaxed);
  shard.ids.emplace(std::string(key), id);
  return id;
}

std::optional<TermId> TermDictionary::find(std::string_view key) const {
  const Shard& shard = shards_[Hash{}(key) % kShards];
  std::shared_lock lock(shard.mutex);
  if (auto it = shard.ids.find(key); it != shard.ids.end()) return it->second;
  return std::nullopt;
}

void TermDictionary::renumber(const std::vector<TermId>& new_id) {
  std::lock_guard keys_lock(keys_mutex_);
  for (auto& shard : shards_)
    for (auto& [key, id] : shard.ids) id = new_id[id];
  std::deque<std::string> keys(keys_.size());
  for (size_t old = 0; old < keys_.size(); ++old) keys[new_id[old]] = std::move(keys_[old]);
  keys_ = std::move(keys);
}

std::string TermDictionary::key(TermId id) const {
  std::lock_guard lock(keys_mutex_);
  return id < keys_.size() ? keys_[id] : std::string();
}

}  // namespace recoupe::index
