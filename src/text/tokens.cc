#include "text/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"

namespace recoupe::text {
namespace {

// What a character is, for the token rules and a token's flags, from one look-up.
enum CharClass : uint8_t { kLetter = 1, kUpper = 2, kDigit = 4, kMark = 8 };

uint8_t classify(UChar32 c) {
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return kLetter;
    if (c >= 'A' && c <= 'Z') return kLetter | kUpper;
    if (c >= '0' && c <= '9') return kDigit;
    return 0;
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return kLetter | kUpper;
    case U_LOWERCASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return kLetter;
    case U_DECIMAL_DIGIT_NUMBER:
      return kDigit;
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
      return kMark;
    default:
      return 0;
  }
}

// Letters, digits and combining marks make words.
bool is_word_char(UChar32 c) { return classify(c) != 0; }

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_joiner(UChar32 c) {
  return c == '-' || c == '.' || c == 0x2010 || c == 0x2011 || is_apostrophe(c);
}
bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x80 &&
          (u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F || c == 0x200B || c == 0xFEFF));
}
bool is_newline(UChar32 c) { return c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85; }

}  // namespace

void TokenShape::add(uint8_t char_class) {
  if (char_class & kLetter) {
    if (letters == 0) cap = (char_class & kUpper) != 0;
    ++letters;
    if (char_class & kUpper) ++uppers;
  } else if (char_class & kDigit) {
    digit = true;
  }
}

void TokenShape::apply(Token& t) const {
  t.cap = cap;
  t.digit = digit;
  t.kind = letters > 0 ? TokenKind::kWord : digit ? TokenKind::kNumber : TokenKind::kPunct;
  t.all_caps = letters >= 2 && uppers == letters;
}

void describe_token(std::string_view word, Token& t) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t len = static_cast<int32_t>(word.size());
  TokenShape shape;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0) shape.add(classify(c));
  }
  shape.apply(t);
}

namespace {

// The sentence rule on the last token and the one before it (nullptr when none).
bool closes_sentence(const Token& last, const Token* before, std::string_view text) {
  std::string_view word = text.substr(last.begin, last.end - last.begin);
  if (word == "!" || word == "?" || word == "\xE2\x80\xA6") return true;
  if (word != ".") return false;
  if (before) {
    const Token& w = *before;
    size_t bytes = w.end - w.begin;
    if (w.cap && w.kind == TokenKind::kWord && bytes <= 3 && !w.all_caps) return false;  // "Mme"
    if (bytes == 1 && w.cap) return false;                                               // "M"
  }
  return true;
}

}  // namespace

bool ends_sentence(const std::vector<Token>& toks, std::string_view text) {
  if (toks.empty()) return false;
  return closes_sentence(toks.back(), toks.size() >= 2 ? &toks[toks.size() - 2] : nullptr, text);
}

void TokenScanner::emit(size_t begin, size_t end, bool elided, const TokenShape& shape, Token& t) {
  t = Token{};
  t.begin = begin;
  t.end = end;
  shape.apply(t);
  t.elided = elided;
  t.space_before = space_;
  t.line_break_before = line_break_;
  t.sentence_start =
      newline_ || (emitted_ > 0 && last_.kind == TokenKind::kPunct &&
                   closes_sentence(last_, emitted_ > 1 ? &before_last_ : nullptr, text_));
  space_ = newline_ = line_break_ = false;
  before_last_ = last_;
  last_ = t;
  ++emitted_;
}

bool TokenScanner::next(Token& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
  const int32_t len = static_cast<int32_t>(text_.size());
  // The scan works on locals, written back before each return: the text's bytes may alias
  // any member, so members in the loop would be reloaded at every byte.
  int32_t i = i_;
  if (!in_run_) {
    for (;;) {
      if (i >= len) {
        i_ = i;
        return false;
      }
      int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, len, c);
      if (c < 0) continue;
      if (is_space(c)) {
        space_ = true;
        if (is_newline(c)) newline_ = line_break_ = true;
        continue;
      }
      const uint8_t char_class = classify(c);
      if (char_class == 0) {
        i_ = i;
        emit(static_cast<size_t>(start), static_cast<size_t>(i), false, TokenShape{}, out);
        return true;
      }
      shape_ = TokenShape{};
      shape_.add(char_class);
      in_run_ = true;
      run_start_ = start;
      run_end_ = i;
      break;
    }
  }
  // Extend the run; an elision or a possessive inside it emits the part before and stops
  // here, the next call goes on from the same place.
  int32_t run_start = run_start_, run_end = run_end_;
  TokenShape shape = shape_;
  while (i < len) {
    int32_t here = i;
    UChar32 d;
    U8_NEXT(s, i, len, d);
    const uint8_t d_class = d >= 0 ? classify(d) : 0;
    if (d_class != 0) {
      shape.add(d_class);
      run_end = i;
      continue;
    }
    if (d >= 0 && is_joiner(d) && i < len) {
      int32_t after = i;
      UChar32 e;
      U8_NEXT(s, after, len, e);
      const uint8_t e_class = e >= 0 ? classify(e) : 0;
      if (e_class != 0) {
        int32_t apostrophe_end = i;
        run_end = i = after;
        if (is_apostrophe(d)) {
          // A lone "s" after the apostrophe is a possessive even after a word of the elision
          // lists ("Kim Jong Un's": "un" elides in Italian, never before "s").
          int32_t cut = -1;
          bool elided = false;
          if ((e == 's' || e == 'S') && (after >= len || !is_word_char(s[after]))) {
            cut = here;  // possessive: "Russia" + "'s"
          } else if (elisions_.is_elided(lower_case(text_.substr(
                         static_cast<size_t>(run_start), static_cast<size_t>(here - run_start))))) {
            cut = apostrophe_end;  // "l'" keeps its apostrophe
            elided = true;
          }
          if (cut >= 0) {
            i_ = run_end_ = i;
            run_start_ = cut;
            shape_ = TokenShape{};
            shape_.add(e_class);
            emit(static_cast<size_t>(run_start), static_cast<size_t>(cut), elided, shape, out);
            return true;
          }
        }
        shape.add(e_class);
        continue;
      }
    }
    i = here;
    break;
  }
  in_run_ = false;
  i_ = run_end;
  emit(static_cast<size_t>(run_start), static_cast<size_t>(run_end), false, shape, out);
  return true;
}

std::vector<Token> tokenize(std::string_view text, const ElisionRules& elisions) {
  std::vector<Token> out;
  TokenScanner scanner(text, elisions);
  Token t;
  while (scanner.next(t)) out.push_back(t);
  return out;
}

}  // namespace recoupe::text
