// Nesting depth of a JSON text, measured before parsing it: nlohmann's parser and the code
// that walks its result recurse, so hostile input ("[[[[…") is refused by depth first.
#pragma once

#include <algorithm>
#include <climits>
#include <string_view>

namespace recoupe {

// The deepest nesting of objects and arrays in `s`, counting brackets outside strings; stops
// as soon as it exceeds `limit` (and returns that depth). Malformed JSON gets a depth too: the
// parser refuses it afterwards. Cost: linear, no allocation.
inline int json_depth(std::string_view s, int limit = INT_MAX) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) return max_depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

}  // namespace recoupe
