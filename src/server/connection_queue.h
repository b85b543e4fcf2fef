// ConnectionQueue: the request threads of `recoupe serve`, and a waiting room where a
// connection that has nothing to say waits without holding one of them.
//
// cpp-httplib hands every accepted connection to a TaskQueue, and its own ThreadPool keeps
// the connection on a thread for its whole keep-alive life: a thread waits up to the
// keep-alive timeout for each next request. 2,000 idle connections then queue for 16
// threads, and a real request waits behind them for minutes (measured: no answer within
// 30 s). Here a connection holds a thread only while a request is read, handled and
// answered; in between, and before its first byte, it is parked on one epoll thread,
// which hands it back to a worker once it is readable, and closes it when it stayed idle
// past its deadline or when too many connections are parked (the longest waiting first).
//
// Cost: a parked connection is one file descriptor and a few hundred bytes; parking and
// waking are one epoll_ctl each. Thread-safe: enqueue() and park() may be called from any
// thread; shutdown() once (httplib calls it when listen ends).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>

namespace recoupe::server {

class ConnectionQueue : public httplib::TaskQueue {
 public:
  using Clock = std::chrono::steady_clock;

  // `threads` workers (at least 1); at most `max_parked` connections wait at once.
  ConnectionQueue(size_t threads, size_t max_parked);
  ~ConnectionQueue() override;
  ConnectionQueue(const ConnectionQueue&) = delete;
  ConnectionQueue& operator=(const ConnectionQueue&) = delete;

  // Runs `job` on a worker, in the order given.
  void enqueue(std::function<void()> job) override;
  // Closes every parked connection, runs the jobs already queued, joins the workers.
  void shutdown() override;

  // Waits until `fd` is readable (data, end of stream or an error), then runs `resume` on a
  // worker. Closes `fd` instead, and drops `resume`, at `deadline`, at shutdown, or when
  // `max_parked` connections wait and this one is the oldest. Takes ownership of `fd`.
  void park(int fd, Clock::time_point deadline, std::function<void()> resume);

  // Connections waiting now.
  size_t parked() const;

 private:
  struct Parked {
    int fd;
    Clock::time_point deadline;
    std::function<void()> resume;
  };
  void work();
  void watch();
  void close_parked(std::map<uint64_t, Parked>::iterator it);  // with mutex_ held

  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;

  const size_t max_parked_;
  int epoll_ = -1;
  int wake_ = -1;          // an eventfd: written to stop the watcher at once
  uint64_t next_key_ = 1;  // a key per parking, so an event never wakes a reused fd
  std::map<uint64_t, Parked> parked_;
  std::set<std::pair<Clock::time_point, uint64_t>> by_deadline_;
  bool watching_ = true;

  std::vector<std::thread> workers_;
  std::thread watcher_;
};

}  // namespace recoupe::server
