#include "text/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"

namespace recoupe::text {
namespace {

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_joiner(UChar32 c) {
  return c == '-' || c == '.' || c == 0x2010 || c == 0x2011 || is_apostrophe(c);
}
bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x80 && (u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F || c == 0x200B));
}
bool is_newline(UChar32 c) { return c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85; }

}  // namespace

void describe_token(std::string_view word, Token& t) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t len = static_cast<int32_t>(word.size());
  int32_t i = 0;
  int letters = 0, uppers = 0;
  bool first_letter = true;
  t.cap = t.digit = false;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    bool letter = c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c);
    if (letter) {
      bool up = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
      ++letters;
      if (up) ++uppers;
      if (first_letter) t.cap = up;
      first_letter = false;
    } else if (c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c)) {
      t.digit = true;
    }
  }
  t.kind = letters > 0 ? TokenKind::kWord : t.digit ? TokenKind::kNumber : TokenKind::kPunct;
  t.all_caps = letters >= 2 && uppers == letters;
}

bool ends_sentence(const std::vector<Token>& toks, std::string_view text) {
  if (toks.empty()) return false;
  auto text_of = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
  std::string_view last = text_of(toks.back());
  if (last == "!" || last == "?" || last == "\xE2\x80\xA6") return true;
  if (last != ".") return false;
  if (toks.size() >= 2) {
    const Token& w = toks[toks.size() - 2];
    size_t bytes = w.end - w.begin;
    if (w.cap && w.kind == TokenKind::kWord && bytes <= 3 && !w.all_caps) return false;  // "Mme"
    if (bytes == 1 && w.cap) return false;                                               // "M"
  }
  return true;
}

std::vector<Token> tokenize(std::string_view text, const ElisionRules& elisions) {
  std::vector<Token> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool space = true, newline = true;
  auto push = [&](int32_t b, int32_t e, bool elided) {
    Token t;
    t.begin = static_cast<size_t>(b);
    t.end = static_cast<size_t>(e);
    describe_token(text.substr(t.begin, t.end - t.begin), t);
    t.elided = elided;
    t.space_before = space;
    t.sentence_start = newline || ends_sentence(out, text);
    out.push_back(t);
    space = newline = false;
  };
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    if (is_space(c)) {
      space = true;
      if (is_newline(c)) newline = true;
      continue;
    }
    if (!is_word_char(c)) {
      push(start, i, false);
      continue;
    }
    int32_t end = i;
    while (i < len) {
      int32_t here = i;
      UChar32 d;
      U8_NEXT(s, i, len, d);
      if (d >= 0 && is_word_char(d)) {
        end = i;
        continue;
      }
      if (d >= 0 && is_joiner(d) && i < len) {
        int32_t after = i;
        UChar32 e;
        U8_NEXT(s, after, len, e);
        if (e >= 0 && is_word_char(e)) {
          if (is_apostrophe(d)) {
            std::string prefix = lower_case(
                text.substr(static_cast<size_t>(start), static_cast<size_t>(here - start)));
            if (elisions.is_elided(prefix)) {
              push(start, i, true);  // "l'" keeps its apostrophe
              start = i;
            } else if ((e == 's' || e == 'S') && (after >= len || !is_word_char(s[after]))) {
              push(start, here, false);  // possessive: "Russia" + "'s"
              start = here;
            }
          }
          end = after;
          i = after;
          continue;
        }
      }
      i = here;
      break;
    }
    push(start, end, false);
    i = end;
  }
  return out;
}

}  // namespace recoupe::text
