#include "analyze/ner_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"

namespace recoupe::analyze {
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

// Lower-case elision prefixes ("l'", "qu'", "dell'"): split after the apostrophe.
bool is_elision(std::string_view lower) {
  static constexpr std::string_view kPrefixes[] = {
      "l",     "d",      "j",      "m",    "n",    "s",   "t",    "c",    "qu", "lorsqu", "puisqu",
      "jusqu", "quoiqu", "presqu", "dell", "nell", "all", "dall", "sull", "un", "z"};
  for (auto p : kPrefixes)
    if (lower == p) return true;
  return false;
}

void set_flags(NerToken& t) {
  const auto* s = reinterpret_cast<const uint8_t*>(t.text.data());
  const int32_t len = static_cast<int32_t>(t.text.size());
  int32_t i = 0;
  int letters = 0, uppers = 0;
  bool first_letter = true;
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
  t.alpha = letters > 0;
  t.all_caps = letters >= 2 && uppers == letters;
  t.punct = !t.alpha && !t.digit;
}

void finish(NerToken& t) {
  t.lower = text::lower_case(t.text);
  t.key = text::fold_key(t.text);
  t.shape = word_shape(t.text);
  set_flags(t);
}

// A '.' ends a sentence unless it closes a short capitalised abbreviation ("M.", "Dr.").
bool ends_sentence(const std::vector<NerToken>& toks) {
  if (toks.empty()) return false;
  const NerToken& last = toks.back();
  if (last.text == "!" || last.text == "?" || last.text == "\xE2\x80\xA6") return true;
  if (last.text != ".") return false;
  if (toks.size() >= 2) {
    const NerToken& w = toks[toks.size() - 2];
    if (w.cap && w.alpha && w.text.size() <= 3 && !w.all_caps) return false;  // "Mme", "Dr"
    if (w.text.size() == 1 && w.cap) return false;                            // "M", "J"
  }
  return true;
}

}  // namespace

std::string word_shape(std::string_view in) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t len = static_cast<int32_t>(in.size());
  int32_t i = 0;
  char prev = 0;
  int run = 0;
  while (i < len && out.size() < 8) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    char k;
    if (c < 0x80) {
      k = (c >= 'A' && c <= 'Z')   ? 'X'
          : (c >= 'a' && c <= 'z') ? 'x'
          : (c >= '0' && c <= '9') ? 'd'
                                   : static_cast<char>(c);
    } else if (u_isupper(c) || u_istitle(c)) {
      k = 'X';
    } else if (u_isalpha(c)) {
      k = 'x';
    } else if (u_isdigit(c)) {
      k = 'd';
    } else {
      k = '*';
    }
    run = (k == prev) ? run + 1 : 1;
    prev = k;
    if (run <= 2) out.push_back(k);
  }
  return out;
}

std::vector<NerToken> tokenize_for_ner(std::string_view text) {
  std::vector<NerToken> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool space = true, newline = true;
  auto push = [&](int32_t b, int32_t e) {
    NerToken t;
    t.begin = static_cast<size_t>(b);
    t.end = static_cast<size_t>(e);
    t.text.assign(text.substr(t.begin, t.end - t.begin));
    t.space_before = space;
    t.sent_start = newline || ends_sentence(out);
    finish(t);
    out.push_back(std::move(t));
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
      push(start, i);
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
            std::string prefix = text::lower_case(
                text.substr(static_cast<size_t>(start), static_cast<size_t>(here - start)));
            if (is_elision(prefix)) {
              push(start, i);  // "l'" keeps its apostrophe
              start = i;
            } else if ((e == 's' || e == 'S') && (after >= len || !is_word_char(s[after]))) {
              push(start, here);  // possessive: "Russia" + "'s"
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
    push(start, end);
    i = end;
  }
  return out;
}

std::vector<NerToken> tokens_from_words(const std::vector<std::string>& words) {
  std::vector<NerToken> out;
  out.reserve(words.size());
  for (const auto& w : words) {
    NerToken t;
    t.text = w;
    t.sent_start = out.empty() || ends_sentence(out);
    finish(t);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace recoupe::analyze
