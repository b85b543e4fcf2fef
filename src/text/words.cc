#include "text/words.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace recoupe::text {
namespace {

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool is_joiner(UChar32 c) {
  return c == '-' || c == '\'' || c == '.' || c == 0x2019 || c == 0x2010 || c == 0x2011 ||
         c == 0x02BC;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// Ideographic scripts: one character per word.
bool is_ideograph(UChar32 c) {
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &status);
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA;
}

// Short lowercase-initial prefixes that elide before a vowel in French/Italian/Catalan.
bool is_elision_prefix(std::string_view s) {
  if (s.size() > 6) return false;
  static const char* kPrefixes[] = {
      "l",     "d",  "j",      "m",      "n",     "s",      "t",      "c",
      "qu",    "L",  "D",      "J",      "M",     "N",      "S",      "T",
      "C",     "Qu", "lorsqu", "puisqu", "jusqu", "quoiqu", "Lorsqu", "Puisqu",
      "Jusqu", "un", "dell",   "nell",   "all",   "dall",   "sull"};
  for (const char* p : kPrefixes)
    if (s == p) return true;
  return false;
}

template <class Emit>
void scan(std::string_view text, Emit&& emit) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0 || !is_word_char(c)) continue;
    if (is_ideograph(c)) {
      emit(static_cast<size_t>(start), static_cast<size_t>(i));
      continue;
    }
    int32_t end = i;
    while (i < len) {
      int32_t here = i;
      UChar32 d;
      U8_NEXT(s, i, len, d);
      if (d >= 0 && is_word_char(d) && !is_ideograph(d)) {
        end = i;
        continue;
      }
      // A comma between digits is inside a number ("1,500", the decimal "6,1").
      bool number_comma = d == ',' && s[here - 1] >= '0' && s[here - 1] <= '9' && i < len &&
                          s[i] >= '0' && s[i] <= '9';
      if (d >= 0 && (is_joiner(d) || number_comma) && i < len) {
        int32_t after = i;
        UChar32 e;
        U8_NEXT(s, after, len, e);
        if (e >= 0 && is_word_char(e) && !is_ideograph(e)) {
          if (is_apostrophe(d) &&
              is_elision_prefix(
                  text.substr(static_cast<size_t>(start), static_cast<size_t>(here - start)))) {
            emit(static_cast<size_t>(start), static_cast<size_t>(i));  // "l'" kept with apostrophe
            start = i;
          }
          end = after;
          i = after;
          continue;
        }
      }
      i = here;
      break;
    }
    emit(static_cast<size_t>(start), static_cast<size_t>(end));
    i = end;
  }
}

}  // namespace

std::vector<WordSpan> word_spans(std::string_view utf8) {
  std::vector<WordSpan> out;
  scan(utf8, [&](size_t b, size_t e) { out.push_back({b, e}); });
  return out;
}

std::vector<std::string> words(std::string_view utf8) {
  std::vector<std::string> out;
  scan(utf8, [&](size_t b, size_t e) { out.emplace_back(utf8.substr(b, e - b)); });
  return out;
}

size_t count_words(std::string_view utf8) {
  size_t n = 0;
  scan(utf8, [&](size_t, size_t) { ++n; });
  return n;
}

}  // namespace recoupe::text
