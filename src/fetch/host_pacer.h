// HostPacer: one request at a time per host, with a pause between them. Politeness towards
// each outlet, whatever number of threads fetch.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>

namespace recoupe::fetch {

class HostPacer {
 public:
  using Clock = std::chrono::steady_clock;

  // Blocks until no other request to `host` is running and the pause after the last one
  // has passed, then marks `host` busy. Pair each call with release(). Thread-safe.
  void acquire(const std::string& host);
  // Marks `host` free; the next request may start `pause` from now. Thread-safe.
  void release(const std::string& host, std::chrono::milliseconds pause);
  // Makes the next request to `host` start no earlier than `pause` from now (a pause learnt
  // after the last request ended, such as robots.txt's Crawl-delay). Thread-safe.
  void delay_next(const std::string& host, std::chrono::milliseconds pause);

 private:
  struct HostState {
    bool busy = false;
    Clock::time_point next_start{};
  };
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, HostState> hosts_;  // grows with the hosts seen (a few per source)
};

}  // namespace recoupe::fetch
