#include "synth/sentence_form.h"

#include <algorithm>

namespace recoupe::synth {

size_t rubric_end(std::string_view t) {
  size_t dash = std::string_view::npos, dash_len = 0;
  for (std::string_view d : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    size_t p = t.find(d);
    if (p < dash) {
      dash = p;
      dash_len = d.size();
    }
  }
  if (dash == std::string_view::npos || dash == 0 || dash > 40) return 0;
  bool upper = false, lower = false;
  int paren = 0;
  for (unsigned char c : t.substr(0, dash)) {
    if (c == '(') ++paren;
    if (c == ')' && paren > 0) --paren;
    if (paren > 0) continue;  // "(Reuters)", "(AFP)"
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
  }
  if (!upper || lower) return 0;
  size_t e = dash + dash_len;
  while (e < t.size() && t[e] == ' ') ++e;
  return e;
}

bool reads_as_sentence(std::string_view t, bool ends_sentence) {
  if (t.find("\xC2\xA9") != std::string_view::npos) return false;  // ©
  size_t e = t.size();
  auto strip_back = [&](std::string_view tail) {
    if (e >= tail.size() && t.substr(e - tail.size(), tail.size()) == tail) {
      e -= tail.size();
      return true;
    }
    return false;
  };
  for (bool more = true; more && e > 0;) {
    more = false;
    for (std::string_view tail : {" ", "\"", "'", ")", "]", "\xC2\xBB", "\xE2\x80\x9D",
                                  "\xE2\x80\x99", "\xC2\xA0", "\xE2\x80\xAF"})
      more |= strip_back(tail);
  }
  bool final_mark = e > 0 && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?' ||
                              (e >= 3 && t.substr(e - 3, 3) == "\xE2\x80\xA6"));  // …
  // A clause cut at ';' states a whole fact; one cut at a comma or dash is a fragment.
  if (!ends_sentence && e > 0 && t[e - 1] == ';') final_mark = true;
  return final_mark;
}

}  // namespace recoupe::synth
