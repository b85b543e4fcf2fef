// Expected<T>: a value or the reason there is none. Errors from outside input travel as
// values between stages (architecture.md); exceptions never cross a stage boundary.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace recoupe {

// Why an input could not be processed. `where` names the input ("file.html", "x.jsonl:12")
// so that a message printed to a user always says which input failed.
struct Error {
  std::string where;
  std::string message;

  std::string to_string() const { return where.empty() ? message : where + ": " + message; }
};

template <class T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}
  Expected(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace recoupe
