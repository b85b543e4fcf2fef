// Quantity: a number written in an article, with its unit and how exact it claims to be.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace recoupe {

// The hedge written before a number ("environ", "plus de", "at least"…). kNearly ("almost",
// « presque ») is a value a little under the one written: "almost 90 percent" is not 93.87.
enum class Approximation { kExact, kAbout, kMoreThan, kLessThan, kAtLeast, kAtMost, kNearly };

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
    case Approximation::kNearly:
      return "nearly";
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

// A length, a speed or a mass in the one unit of its kind (km, km/h, kg), so that outlets
// writing it in other units compare: "940 miles" and "1,500 kilometers" are one distance,
// "1,150 kilometers" another. Units of other kinds are returned as they are: durations are
// not converted, as a story's hours and days most often time different things, and
// currencies change value with the day.
struct CommonMeasure {
  std::string_view unit;
  double value = 0.0;
};

inline CommonMeasure in_common_unit(std::string_view unit, double value) {
  struct Scale {
    std::string_view unit, common;
    double factor;
  };
  static constexpr Scale kScales[] = {
      {"m", "km", 1e-3},         {"cm", "km", 1e-5},    {"mile", "km", 1.609344},
      {"mph", "km/h", 1.609344}, {"ton", "kg", 1000.0},
  };
  for (const Scale& s : kScales)
    if (s.unit == unit) return {s.common, value * s.factor};
  return {unit, value};
}

}  // namespace recoupe
