// ConcurrencyLimit: at most N transfers at once across every host, however many threads
// fetch (a counting semaphore whose size is a runtime value). HostPacer keeps one request
// per host; this keeps the whole process's bandwidth and sockets bounded.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace recoupe::fetch {

class ConcurrencyLimit {
 public:
  explicit ConcurrencyLimit(size_t slots) : free_(slots ? slots : 1) {}

  // Blocks until a slot is free and takes it. Thread-safe.
  void acquire() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return free_ > 0; });
    --free_;
  }
  // Gives the slot back. Thread-safe.
  void release() {
    {
      std::lock_guard lock(mutex_);
      ++free_;
    }
    changed_.notify_one();
  }

  // Holds a slot for a scope.
  class Slot {
   public:
    explicit Slot(ConcurrencyLimit& limit) : limit_(limit) { limit_.acquire(); }
    ~Slot() { limit_.release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    ConcurrencyLimit& limit_;
  };

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t free_;
};

}  // namespace recoupe::fetch
