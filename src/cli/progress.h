// Progress of a long command on stderr, for a person watching a terminal: a 30 s run should
// not be silent until the end. Nothing is printed when stderr is not a terminal (a log file,
// a pipe, a test), so scripts see only errors there.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include <fmt/format.h>

namespace recoupe::cli {

// One status line rewritten in place ("recoupe report: cleaned 1200/5000 articles, 310/s,
// 12 s left"), at most ten times a second. Not thread-safe: call it from one thread.
class Progress {
 public:
  explicit Progress(const char* command)
      : command_(command), enabled_(isatty(STDERR_FILENO) == 1), start_(Clock::now()) {}

  // A callback for Pipeline::load: `verb` says what is counted ("cleaned").
  std::function<void(size_t, size_t)> callback(const char* verb) {
    if (!enabled_) return {};
    return [this, verb](size_t done, size_t total) { update(verb, done, total); };
  }

  // A step without a count of its own progress ("grouping 5000 articles").
  void step(const char* what, size_t items) {
    if (enabled_) show(fmt::format("{} {} items…", what, items));
  }

  // Clears the status line and prints the total time with `summary`.
  void done(const std::string& summary) {
    if (!enabled_) return;
    show(fmt::format("{} in {:.1f} s", summary, seconds()));
    std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;

  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  void update(const char* verb, size_t done, size_t total) {
    auto now = Clock::now();
    if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - phase_start(done)).count();
    const double rate = elapsed > 0 ? double(done) / elapsed : 0;
    std::string line = fmt::format("{} {}/{} articles", verb, done, total);
    if (rate > 0 && done < total)
      line += fmt::format(", {:.0f}/s, {:.0f} s left", rate, double(total - done) / rate);
    show(line);
  }

  // The time the current counted phase began (its first call has done == 0).
  Clock::time_point phase_start(size_t done) {
    if (done == 0) phase_ = Clock::now();
    return phase_;
  }

  void show(const std::string& line) {
    std::fprintf(stderr, "\r\033[K%s: %s", command_.c_str(), line.c_str());
    std::fflush(stderr);
  }

  std::string command_;
  bool enabled_;
  Clock::time_point start_, phase_, last_;
};

}  // namespace recoupe::cli
