// Quantity: a number written in an article, with its unit and how exact it claims to be.
#pragma once

#include <cstddef>
#include <string>

namespace recoupe {

// The hedge written before a number ("environ", "plus de", "at least"…).
enum class Approximation { kExact, kAbout, kMoreThan, kLessThan, kAtLeast, kAtMost };

inline const char* to_string(Approximation a) {
  switch (a) {
    case Approximation::kExact:
      return "exact";
    case Approximation::kAbout:
      return "about";
    case Approximation::kMoreThan:
      return "more_than";
    case Approximation::kLessThan:
      return "less_than";
    case Approximation::kAtLeast:
      return "at_least";
    case Approximation::kAtMost:
      return "at_most";
  }
  return "exact";
}

// "environ 680 km" → {value 680, unit "km", approximation kAbout}. "14 milliards de dollars"
// → {14e9, "dollar"}. "deux missiles" → {2, "missile"}: a counted noun is its own unit, in
// folded singular form. `unit` is a normalized name from data/<lang>/units.txt ("second",
// "hour", "km", "mile", "percent", "dollar", "euro"…) or the counted noun. `text` is
// `article.text.substr(begin, end - begin)` and includes the hedge words.
struct Quantity {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
  double value = 0.0;
  std::string unit;
  Approximation approximation = Approximation::kExact;
};

}  // namespace recoupe
