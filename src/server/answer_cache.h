// AnswerCache: serialized GET answers (GET /api/stories/{id}, GET /api/stories) kept with
// their ETag, so that a read of an unchanged story or listing neither reads the report from
// the store again nor serializes and hashes it again.
//
// Each entry carries the tag of the store state it was made from: a story answer the
// story's version (store::Store::story_version, +1 at each new cross-check), a listing the
// store's generation (+1 at each committed batch, whichever process wrote it). A reader
// first reads the current tag from the store (one small query), then looks up with it: an
// entry with another tag is a miss, so an answer is never older than the store it was asked
// of, and a write needs no invalidation call.
//
//   AnswerCache cache(64 << 20);
//   auto hit = cache.find("story:" + id, version);
//   if (!hit) hit = cache.put("story:" + id, version, read_and_serialize());
//   reply(hit->body, hit->etag);
//
// Memory: at most `max_bytes` of bodies and keys; the least recently used entries are
// dropped first (an answer bigger than the whole budget is returned but not kept).
// Cost: a hash lookup under one mutex; bodies are shared, never copied by the cache.
// Thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace recoupe::server {

class AnswerCache {
 public:
  struct Answer {
    std::shared_ptr<const std::string> body;
    std::string etag;  // etag_of(*body)
  };

  explicit AnswerCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  AnswerCache(const AnswerCache&) = delete;
  AnswerCache& operator=(const AnswerCache&) = delete;

  // The answer kept under `key` when it was made from the store state `tag`; nullopt when
  // there is none or it was made from another state.
  std::optional<Answer> find(const std::string& key, int64_t tag);

  // Keeps `body` (its ETag computed here) under `key` for `tag`, replacing what was kept
  // there, and returns it.
  Answer put(const std::string& key, int64_t tag, std::string body);

  // Bytes kept now (bodies and keys).
  size_t bytes() const;

  // One maker at a time per key: a reader that missed takes this lock, looks again, and
  // makes the answer only when it is still missing, so readers that miss together (the
  // first reads after a batch) make it once instead of each on its own. Keys share 16
  // locks; hold one only while making an answer.
  std::unique_lock<std::mutex> maker_lock(const std::string& key);

 private:
  struct Entry {
    int64_t tag;
    Answer answer;
    std::list<std::string>::iterator age;  // its place in `lru_`
  };
  static size_t cost(const std::string& key, const Answer& a) {
    return key.size() + a.body->size();
  }
  void drop_oldest_while_over(size_t budget);

  const size_t max_bytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // keys, most recently used first
  size_t bytes_ = 0;
  std::array<std::mutex, 16> makers_;
};

}  // namespace recoupe::server
