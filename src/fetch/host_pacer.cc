#include "fetch/host_pacer.h"

#include <algorithm>

namespace recoupe::fetch {

void HostPacer::acquire(const std::string& host) {
  std::unique_lock lock(mutex_);
  while (true) {
    HostState& h = hosts_[host];
    if (!h.busy) {
      if (Clock::now() >= h.next_start) {
        h.busy = true;
        return;
      }
      changed_.wait_until(lock, h.next_start);
    } else {
      changed_.wait(lock);
    }
  }
}

void HostPacer::release(const std::string& host, std::chrono::milliseconds pause) {
  {
    std::lock_guard lock(mutex_);
    HostState& h = hosts_[host];
    h.busy = false;
    h.next_start = Clock::now() + pause;
  }
  changed_.notify_all();
}

void HostPacer::delay_next(const std::string& host, std::chrono::milliseconds pause) {
  std::lock_guard lock(mutex_);
  HostState& h = hosts_[host];
  h.next_start = std::max(h.next_start, Clock::now() + pause);
}

}  // namespace recoupe::fetch
