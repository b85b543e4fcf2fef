#include "server/connection_queue.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace recoupe::server {
namespace {

constexpr uint64_t kWakeKey = 0;  // the eventfd that tells the watcher to stop

void close_socket(int fd) {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

}  // namespace

ConnectionQueue::ConnectionQueue(size_t threads, size_t max_parked)
    : max_parked_(std::max<size_t>(max_parked, 1)) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeKey;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
  for (size_t i = 0; i < std::max<size_t>(threads, 1); ++i)
    workers_.emplace_back([this] { work(); });
  watcher_ = std::thread([this] { watch(); });
}

ConnectionQueue::~ConnectionQueue() {
  shutdown();
  ::close(wake_);
  ::close(epoll_);
}

void ConnectionQueue::enqueue(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
}

void ConnectionQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (!watching_ && workers_.empty()) return;  // done already
    watching_ = false;
  }
  const uint64_t one = 1;
  (void)!::write(wake_, &one, sizeof one);
  if (watcher_.joinable()) watcher_.join();
  {
    std::lock_guard lock(mutex_);
    while (!parked_.empty()) close_parked(parked_.begin());
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
}

void ConnectionQueue::park(int fd, Clock::time_point deadline, std::function<void()> resume) {
  std::lock_guard lock(mutex_);
  if (!watching_) return close_socket(fd);
  if (parked_.size() >= max_parked_)
    close_parked(parked_.find(by_deadline_.begin()->second));  // the one idle the longest
  const uint64_t key = next_key_++;
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  ev.data.u64 = key;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) != 0) return close_socket(fd);
  parked_.emplace(key, Parked{fd, deadline, std::move(resume)});
  by_deadline_.emplace(deadline, key);
}

size_t ConnectionQueue::parked() const {
  std::lock_guard lock(mutex_);
  return parked_.size();
}

void ConnectionQueue::close_parked(std::map<uint64_t, Parked>::iterator it) {
  epoll_ctl(epoll_, EPOLL_CTL_DEL, it->second.fd, nullptr);
  close_socket(it->second.fd);
  by_deadline_.erase({it->second.deadline, it->first});
  parked_.erase(it);
}

void ConnectionQueue::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left to run
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

void ConnectionQueue::watch() {
  epoll_event events[256];
  for (;;) {
    int timeout_ms = 100;
    {
      std::lock_guard lock(mutex_);
      if (!watching_) return;
      if (!by_deadline_.empty()) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            by_deadline_.begin()->first - Clock::now());
        timeout_ms = int(std::clamp<int64_t>(left.count() + 1, 0, timeout_ms));
      }
    }
    const int n = epoll_wait(epoll_, events, 256, timeout_ms);
    std::vector<std::function<void()>> woken;
    {
      std::lock_guard lock(mutex_);
      if (!watching_) return;
      for (int i = 0; i < n; ++i) {
        // A copy: epoll_event is packed, its u64 not aligned for a reference (UBSan).
        const uint64_t key = events[i].data.u64;
        auto it = parked_.find(key);
        if (it == parked_.end()) continue;  // the wake-up, or closed meanwhile
        epoll_ctl(epoll_, EPOLL_CTL_DEL, it->second.fd, nullptr);
        by_deadline_.erase({it->second.deadline, it->first});
        woken.push_back(std::move(it->second.resume));
        parked_.erase(it);
      }
      const auto now = Clock::now();
      while (!by_deadline_.empty() && by_deadline_.begin()->first <= now)
        close_parked(parked_.find(by_deadline_.begin()->second));
      for (auto& job : woken) jobs_.push_back(std::move(job));
    }
    if (woken.size() == 1)
      ready_.notify_one();
    else if (!woken.empty())
      ready_.notify_all();
  }
}

}  // namespace recoupe::server
