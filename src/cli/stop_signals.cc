#include "cli/stop_signals.h"

#include <pthread.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "cli/error_lines.h"

namespace recoupe::cli {
namespace {

constexpr std::chrono::milliseconds kSameStop{500};

}  // namespace

StopSignals::StopSignals(const char* command) : command_(command) {
  sigemptyset(&set_);
  sigaddset(&set_, SIGTERM);
  sigaddset(&set_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set_, &previous_);
}

StopSignals::~StopSignals() {
  stop_waiting();
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

void StopSignals::stop_waiting() {
  done_ = true;
  if (waiter_.joinable()) waiter_.join();
}

void StopSignals::start(std::function<void()> on_stop) {
  waiter_ = std::thread([this, on_stop = std::move(on_stop)] {
    // Polls done_ every 100 ms, so the destructor need not send a signal to end it.
    const timespec tick{0, 100'000'000};
    std::chrono::steady_clock::time_point first;
    while (!done_) {
      const int sig = sigtimedwait(&set_, nullptr, &tick);
      if (sig <= 0) continue;
      // One stop sent twice at once is one stop: `timeout` signals the command and then its
      // whole process group, and a second delivery that lands after the first was taken is
      // not a person asking again (that takes longer than kSameStop).
      if (received_ != 0 && std::chrono::steady_clock::now() - first < kSameStop) continue;
      if (received_ != 0) {
        print_error(command_, std::string(sig == SIGINT ? "SIGINT" : "SIGTERM") +
                                  " again: exiting without waiting");
        std::_Exit(128 + sig);
      }
      received_ = sig;
      first = std::chrono::steady_clock::now();
      on_stop();
    }
  });
}

}  // namespace recoupe::cli
