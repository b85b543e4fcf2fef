// StopSignals: how `recoupe serve` and `recoupe watch` hear SIGTERM and SIGINT (Ctrl-C). The
// constructor blocks both in the calling thread, so every thread started after it inherits the
// block and no request thread is interrupted; a thread of its own waits for them. The first one
// calls `on_stop` (the server stops accepting, answers what is in flight, then returns);
// a second one, half a second or more later, ends the process at once, for a user who does
// not want to wait (the same stop delivered twice at once, as `timeout` does, is one; a batch is
// one transaction: nothing committed is lost either way).
// Construct it before any other thread starts. Not copyable.
#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace recoupe::cli {

class StopSignals {
 public:
  // `command` names the command in the line a second signal prints ("serve", "watch").
  explicit StopSignals(const char* command = "serve");
  ~StopSignals();  // ends the waiting thread and restores the signal mask
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Starts waiting; `on_stop` runs on the waiting thread at the first signal.
  void start(std::function<void()> on_stop);
  // Stops waiting (the destructor does it too): call it before what on_stop uses is gone.
  void stop_waiting();
  // The signal received (SIGTERM, SIGINT), 0 when none.
  int received() const { return received_; }

 private:
  const char* command_;
  sigset_t set_{}, previous_{};
  std::atomic<int> received_{0};
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

}  // namespace recoupe::cli
