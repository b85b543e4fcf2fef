#include "extract/dateline.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace recoupe::extract {
namespace {

constexpr size_t kMaxDatelineBytes = 60;
constexpr size_t kMaxDatelineWords = 7;
constexpr size_t kMaxParenthesisBytes = 24;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

size_t dateline_end(std::string_view line) {
  // The first spaced dash: " - ", " – " (E2 80 93) or " — " (E2 80 94).
  size_t dash = std::string_view::npos, dash_len = 0;
  for (std::string_view d : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const size_t p = line.substr(0, kMaxDatelineBytes + d.size()).find(d);
    if (p < dash) dash = p, dash_len = d.size();
  }
  if (dash == std::string_view::npos || dash == 0) return 0;
  const std::string_view prefix = line.substr(0, dash);
  // No sentence ends inside ("He left. WASHINGTON —" is no dateline). A period after a
  // short word closes an abbreviation ("Fla.", "D.C.", "St.").
  for (size_t i = 0; i + 1 < prefix.size(); ++i) {
    if ((prefix[i] != '.' && prefix[i] != '!' && prefix[i] != '?') || prefix[i + 1] != ' ')
      continue;
    size_t letters = 0;
    while (letters < i && std::isalpha(static_cast<unsigned char>(prefix[i - 1 - letters])))
      ++letters;
    if (letters >= 4) return 0;
  }
  size_t words = 0;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (prefix[i] != ' ' && (i == 0 || prefix[i - 1] == ' ')) ++words;
  if (words == 0 || words > kMaxDatelineWords) return 0;
  // Opens on a word in capitals (two letters at least, none lower case).
  size_t first_end = prefix.find_first_of(" ,");
  if (first_end == std::string_view::npos) first_end = prefix.size();
  const std::string_view first = prefix.substr(0, first_end);
  size_t upper = 0;
  bool lower = false;
  for (char c : first) {
    upper += is_upper(c);
    lower |= is_lower(c);
  }
  bool dateline = upper >= 2 && !lower;
  // Or ends with a short parenthesis naming its source: "(Reuters)", "(AFP)", "(UPI)".
  if (!dateline && prefix.back() == ')') {
    const size_t open = prefix.rfind('(');
    dateline = open != std::string_view::npos && open > 0 &&
               prefix.size() - open <= kMaxParenthesisBytes && is_upper(prefix[open + 1]);
  }
  if (!dateline) return 0;
  size_t end = dash + dash_len;
  while (end < line.size() && line[end] == ' ') ++end;
  return end < line.size() ? end : 0;
}

}  // namespace recoupe::extract
