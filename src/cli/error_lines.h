// The per-record errors of one input file, printed on stderr without drowning the terminal:
// a file of garbage gives a few lines and a count, not one line per line of garbage.
#pragma once

#include <cstdio>
#include <string>
#include <utility>

#include "core/expected.h"

namespace recoupe::cli {

// One error line on stderr: "recoupe COMMAND: MESSAGE".
inline void print_error(const char* command, const std::string& message) {
  std::fprintf(stderr, "recoupe %s: %s\n", command, message.c_str());
}

// How many error lines one input prints before it only counts: enough to see a pattern
// (the same field wrong on every line) or a handful of bad records, not a screenful.
constexpr size_t kMaxErrorLinesPerInput = 10;

// Prints the first kMaxErrorLinesPerInput errors as "recoupe COMMAND: WHERE: MESSAGE" and
// counts the rest; finish() then prints one "recoupe COMMAND: INPUT: … and N more errors".
// Not thread-safe.
class ErrorLines {
 public:
  ErrorLines(std::string command, std::string input)
      : command_(std::move(command)), input_(std::move(input)) {}
  ErrorLines(const ErrorLines&) = delete;
  ErrorLines& operator=(const ErrorLines&) = delete;

  void add(const Error& e) {
    if (++count_ <= kMaxErrorLinesPerInput)
      std::fprintf(stderr, "recoupe %s: %s\n", command_.c_str(), e.to_string().c_str());
  }
  template <class Errors>
  void add_all(const Errors& errors) {
    for (const auto& e : errors) add(e);
  }
  // Prints the count of the errors not shown, if any. Call once, after the last add().
  void finish() const {
    if (count_ > kMaxErrorLinesPerInput)
      std::fprintf(stderr, "recoupe %s: %s: … and %zu more errors\n", command_.c_str(),
                   input_.c_str(), count_ - kMaxErrorLinesPerInput);
  }
  size_t count() const { return count_; }

  // All of `errors` of `input` at once (add_all, then finish); returns how many there were.
  template <class Errors>
  static size_t print(std::string command, std::string input, const Errors& errors) {
    ErrorLines lines(std::move(command), std::move(input));
    lines.add_all(errors);
    lines.finish();
    return lines.count();
  }

 private:
  std::string command_, input_;
  size_t count_ = 0;
};

}  // namespace recoupe::cli
