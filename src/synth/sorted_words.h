// Sorted word sets: words (stems, folded forms) kept sorted and unique, so that two of them
// are compared in one merge pass. Used for the words around a number (number_slots.h) and a
// contrast word (disagreements.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace recoupe::synth {

// Sorts `words` and drops repeats.
inline void sort_unique(std::vector<std::string>& words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

// The number of words two sorted, unique lists have in common. Cost: linear.
inline size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++n, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

}  // namespace recoupe::synth
