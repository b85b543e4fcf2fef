#include "server/answer_cache.h"

#include <functional>

#include "server/http_reply.h"

namespace recoupe::server {

std::optional<AnswerCache::Answer> AnswerCache::find(const std::string& key, int64_t tag) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.tag != tag) return std::nullopt;
  lru_.splice(lru_.begin(), lru_, it->second.age);
  return it->second.answer;
}

AnswerCache::Answer AnswerCache::put(const std::string& key, int64_t tag, std::string body) {
  // The hash is taken outside the lock: it reads the whole body.
  Answer answer{std::make_shared<const std::string>(std::move(body)), ""};
  answer.etag = etag_of(*answer.body);
  const size_t size = cost(key, answer);
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= cost(key, it->second.answer);
    lru_.erase(it->second.age);
    entries_.erase(it);
  }
  if (size > max_bytes_) return answer;
  drop_oldest_while_over(max_bytes_ - size);
  lru_.push_front(key);
  entries_.emplace(key, Entry{tag, answer, lru_.begin()});
  bytes_ += size;
  return answer;
}

std::unique_lock<std::mutex> AnswerCache::maker_lock(const std::string& key) {
  return std::unique_lock(makers_[std::hash<std::string>{}(key) % makers_.size()]);
}

size_t AnswerCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void AnswerCache::drop_oldest_while_over(size_t budget) {
  while (bytes_ > budget && !lru_.empty()) {
    auto it = entries_.find(lru_.back());
    bytes_ -= cost(it->first, it->second.answer);
    entries_.erase(it);
    lru_.pop_back();
  }
}

}  // namespace recoupe::server
