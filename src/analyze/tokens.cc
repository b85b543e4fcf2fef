#include "analyze/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/elisions.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/tokens.h"

namespace recoupe::analyze {
namespace {

bool is_letter(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (u_isalpha(c)) return true;
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

bool is_upper(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 1);
  // Every apostrophe becomes a piece of its own, so the elision split of the stream does not
  // change the pieces: no rules are needed.
  const text::ElisionRules no_elisions;
  text::TokenScanner scanner(text, no_elisions);
  text::Token token;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (scanner.next(token)) {
    // The first piece of a token carries the whitespace before it; the text's first token
    // has whitespace before it only when it does not open the text.
    bool space = out.empty() && token.begin == 0 ? false : token.space_before;
    bool newline = token.line_break_before;
    const int32_t end = static_cast<int32_t>(token.end);
    int32_t i = static_cast<int32_t>(token.begin);
    while (i < end) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, end, c);
      if (c < 0) continue;
      Token t;
      t.begin = static_cast<size_t>(start);
      t.space_before = space;
      t.newline_before = newline;
      space = newline = false;
      if (is_letter(c)) {
        t.kind = TokenKind::kWord;
        t.upper = is_upper(c);
        for (int32_t j = i; i < end; i = j) {
          UChar32 d;
          U8_NEXT(s, j, end, d);
          if (d < 0 || !is_letter(d)) break;
        }
      } else if (is_digit(c)) {
        t.kind = TokenKind::kNumber;
        while (i < end && s[i] >= '0' && s[i] <= '9') ++i;
      } else {
        t.kind = TokenKind::kPunct;
      }
      t.end = static_cast<size_t>(i);
      t.folded = text::fold(text.substr(t.begin, t.end - t.begin));
      out.push_back(std::move(t));
    }
  }
  return out;
}

void PhraseSet::add(std::string_view phrase, int payload) {
  std::vector<Token> toks = tokenize(phrase);
  if (toks.empty()) return;
  Entry e;
  for (auto& t : toks) {
    e.words.push_back(t.folded);
    e.raw.emplace_back(phrase.substr(t.begin, t.end - t.begin));
  }
  if (e.words.size() == 1) single_[e.words[0]] = payload;
  e.payload = payload;
  by_last_[e.words.back()].push_back(e);
  by_first_[e.words.front()].push_back(std::move(e));
}

size_t PhraseSet::match(const std::vector<Token>& tokens, size_t i, int* payload) const {
  if (i >= tokens.size()) return 0;
  auto it = by_first_.find(tokens[i].folded);
  if (it == by_first_.end()) return 0;
  size_t best = 0;
  for (const Entry& e : it->second) {
    size_t n = e.words.size();
    if (n <= best || i + n > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < n && ok; ++k) ok = tokens[i + k].folded == e.words[k];
    if (ok) {
      best = n;
      if (payload) *payload = e.payload;
    }
  }
  return best;
}

size_t PhraseSet::match_ending(const std::vector<Token>& tokens, size_t i, int* payload) const {
  if (i >= tokens.size()) return 0;
  auto it = by_last_.find(tokens[i].folded);
  if (it == by_last_.end()) return 0;
  size_t best = 0;
  for (const Entry& e : it->second) {
    size_t n = e.words.size();
    if (n <= best || n > i + 1) continue;
    bool ok = true;
    for (size_t k = 1; k < n && ok; ++k) ok = tokens[i - k].folded == e.words[n - 1 - k];
    if (ok) {
      best = n;
      if (payload) *payload = e.payload;
    }
  }
  return best;
}

namespace {

bool same_written(std::string_view text, const Token& t, const std::string& raw) {
  return text.substr(t.begin, t.end - t.begin) == raw;
}

}  // namespace

size_t PhraseSet::match_exact(std::string_view text, const std::vector<Token>& tokens,
                              size_t i) const {
  if (i >= tokens.size()) return 0;
  auto it = by_first_.find(tokens[i].folded);
  if (it == by_first_.end()) return 0;
  size_t best = 0;
  for (const Entry& e : it->second) {
    size_t n = e.words.size();
    if (n <= best || i + n > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) ok = same_written(text, tokens[i + k], e.raw[k]);
    if (ok) best = n;
  }
  return best;
}

size_t PhraseSet::match_ending_exact(std::string_view text, const std::vector<Token>& tokens,
                                     size_t i) const {
  if (i >= tokens.size()) return 0;
  auto it = by_last_.find(tokens[i].folded);
  if (it == by_last_.end()) return 0;
  size_t best = 0;
  for (const Entry& e : it->second) {
    size_t n = e.words.size();
    if (n <= best || n > i + 1) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) ok = same_written(text, tokens[i - k], e.raw[n - 1 - k]);
    if (ok) best = n;
  }
  return best;
}

bool split_key_value(std::string_view line, std::string* key, std::string* value) {
  size_t eq = line.find(" = ");
  if (eq == std::string_view::npos) return false;
  *key = std::string(trim(line.substr(0, eq)));
  *value = std::string(trim(line.substr(eq + 3)));
  return true;
}

}  // namespace recoupe::analyze
