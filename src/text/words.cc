#include "text/words.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "text/tokens.h"

namespace recoupe::text {
namespace {

// Ideographic scripts: one character per word.
bool is_ideograph(UChar32 c) {
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &status);
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the apostrophe that opens `s`, 0 when none (the possessive token "'s").
size_t apostrophe_at(std::string_view s) {
  if (!s.empty() && s[0] == '\'') return 1;
  if (s.size() >= 3 && s.substr(0, 3) == "\xE2\x80\x99") return 3;  // U+2019
  if (s.size() >= 2 && s.substr(0, 2) == "\xCA\xBC") return 2;      // U+02BC
  return 0;
}

// The characters that join the parts of a token (tokens.h): '-', '.', apostrophes.
bool is_joiner(UChar32 c) {
  return c == '-' || c == '.' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011 ||
         c == 0x02BC;
}

// Calls piece(begin, end, ideograph) for the parts of the token [b, e): the whole token, or,
// when it holds ideographs, each ideograph alone and the runs between them without the
// joiners that touched an ideograph ("東京-tower" → "東", "京", "tower"). Only a token with a
// character of U+2E80 or above is decoded.
template <class Piece>
void cut_ideographs(std::string_view text, size_t b, size_t e, Piece&& piece) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  bool wide = false;  // U+2E80 is E2 BA 80
  for (size_t k = b; k < e && !wide; ++k)
    wide = s[k] >= 0xE3 || (s[k] == 0xE2 && k + 1 < e && s[k + 1] >= 0xBA);
  if (!wide) {
    piece(b, e, false);
    return;
  }
  auto run = [&](size_t rb, size_t re) {  // without the joiners at its ends
    while (rb < re) {
      int32_t k = static_cast<int32_t>(rb);
      UChar32 c;
      U8_NEXT(s, k, static_cast<int32_t>(re), c);
      if (!is_joiner(c)) break;
      rb = static_cast<size_t>(k);
    }
    while (re > rb) {
      int32_t k = static_cast<int32_t>(re);
      UChar32 c;
      U8_PREV(s, static_cast<int32_t>(rb), k, c);
      if (!is_joiner(c)) break;
      re = static_cast<size_t>(k);
    }
    if (rb < re) piece(rb, re, false);
  };
  const int32_t end = static_cast<int32_t>(e);
  int32_t i = static_cast<int32_t>(b);
  size_t run_begin = b;
  while (i < end) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, end, c);
    if (!is_ideograph(c)) continue;
    run(run_begin, static_cast<size_t>(at));
    piece(static_cast<size_t>(at), static_cast<size_t>(i), true);
    run_begin = static_cast<size_t>(i);
  }
  run(run_begin, e);
}

// Calls emit(begin, end) for each word of `text` (rules in words.h), in text order.
template <class Emit>
void scan_words(std::string_view text, const ElisionRules& elisions, Emit&& emit) {
  TokenScanner scanner(text, elisions);
  Token t;
  bool open = false;  // a word [wb, we) waits: a possessive or ",digits" may extend it
  bool open_ideograph = false;
  size_t wb = 0, we = 0;
  size_t comma_end = 0;  // > 0: a comma right after the waiting word, which ends in a digit
  auto flush = [&] {
    if (open) emit(wb, we);
    open = false;
  };
  auto take = [&](size_t b, size_t e, bool ideograph) {
    if (comma_end) {
      bool number = b == comma_end && !ideograph && is_ascii_digit(text[b]);
      comma_end = 0;
      if (number) {
        we = e;  // "1,500"
        return;
      }
    }
    if (size_t a = apostrophe_at(text.substr(b, e - b)); a > 0) {
      if (open && !open_ideograph && b == we) {
        we = e;  // "Russia's"
        return;
      }
      b += a;  // a possessive after an ideograph: the letters only
      if (b >= e) return;
    }
    flush();
    open = true;
    open_ideograph = ideograph;
    wb = b;
    we = e;
  };
  while (scanner.next(t)) {
    if (t.kind == TokenKind::kPunct) {
      bool digit_comma = comma_end == 0 && open && t.begin == we && t.end == t.begin + 1 &&
                         text[t.begin] == ',' && is_ascii_digit(text[we - 1]);
      if (digit_comma) {
        comma_end = t.end;
        continue;
      }
      comma_end = 0;
      flush();
      continue;
    }
    cut_ideographs(text, t.begin, t.end, take);
  }
  flush();
}

}  // namespace

std::vector<WordSpan> word_spans(std::string_view utf8, const ElisionRules& elisions) {
  std::vector<WordSpan> out;
  scan_words(utf8, elisions, [&](size_t b, size_t e) { out.push_back({b, e}); });
  return out;
}

std::vector<std::string> words(std::string_view utf8, const ElisionRules& elisions) {
  std::vector<std::string> out;
  scan_words(utf8, elisions, [&](size_t b, size_t e) { out.emplace_back(utf8.substr(b, e - b)); });
  return out;
}

size_t count_words(std::string_view utf8, const ElisionRules& elisions) {
  size_t n = 0;
  scan_words(utf8, elisions, [&](size_t, size_t) { ++n; });
  return n;
}

}  // namespace recoupe::text
