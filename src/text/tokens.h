// Tokens: the token stream of a text, with offsets into the original bytes.
//
// A token is a maximal run of letters, digits and combining marks, where an inner '-', '.'
// or apostrophe between two word characters stays inside ("Jong-un", "U.S", "aujourd'hui"),
// or one other non-space character (punctuation, symbols). Two splits inside a run:
//   - an elision (ElisionRules, data/<lang>/elisions.txt) is split after its apostrophe:
//     "l'État" → "l'" (elided) + "État"; "qu'il" → "qu'" + "il";
//   - an English possessive is split before its apostrophe: "Russia's" → "Russia" + "'s";
//     a lone "s" after an apostrophe is a possessive even after an elided word ("Kim Jong
//     Un's" → "Un" + "'s", though Italian elides "un'").
// So "l'impérialisme", "l'État" and "Russia's" come out as "l'" + "impérialisme", "l'" +
// "État", "Russia" + "'s". Apostrophes may be typographic (U+2019, U+02BC).
//
// Sentence starts: the first token, a token after a line break, and a token after '.', '!',
// '?' or '…' unless that dot ends a short capitalised abbreviation ("M.", "Mr.", "Dr.").
//
// Whitespace is ASCII white space, Unicode White_Space, U+200B and U+FEFF (zero-width spaces).
//
// This is the one scanner of recoupe over UTF-8 text: text::word_spans (words.h) and
// analyze::tokenize (the finders' sub-word pieces) are views of this stream.
//
// Cost: linear in the text; no token string is built (read a token's text as
// text.substr(begin, end - begin), its folded form with text::fold), only a lower-cased copy
// of the letters before an inner apostrophe, to look them up. Pure, thread-safe. Invalid
// UTF-8 bytes are skipped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/elisions.h"

namespace recoupe::text {

enum class TokenKind {
  kWord,    // holds a letter ("Paris", "G7", "l'")
  kNumber,  // digits, no letter ("2023", "3.5")
  kPunct,   // neither (",", "«", "€")
};

struct Token {
  size_t begin = 0;  // bytes [begin, end) of the original text
  size_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool cap = false;                // first letter is upper or title case ("Paris", "ONU", "McCain")
  bool all_caps = false;           // at least two letters, all upper case ("TASS")
  bool digit = false;              // holds a digit ("G7", "2023")
  bool elided = false;             // an elided word with its apostrophe ("l'", "qu'")
  bool sentence_start = false;     // first token of a sentence or of a line
  bool space_before = true;        // whitespace (or the start of the text) before it
  bool line_break_before = false;  // the whitespace before it holds a line break
};

// Letter, upper-case and digit counts of a token as it is read: its kind and case flags.
struct TokenShape {
  int letters = 0, uppers = 0;
  bool digit = false, cap = false;
  void add(uint8_t char_class);    // one character (classes of tokens.cc)
  void apply(Token& token) const;  // kind, cap, all_caps, digit
};

// Reads the token stream of a text one token at a time, without building a vector: for the
// views that need one pass (word counts and spans). Holds a reference to `text` and
// `elisions`, which must outlive it. Not thread-safe (one scanner per thread); no allocation.
class TokenScanner {
 public:
  TokenScanner(std::string_view text, const ElisionRules& elisions)
      : text_(text), elisions_(elisions) {}
  // Writes the next token to `token`; false at the end of the text.
  bool next(Token& token);

 private:
  void emit(size_t begin, size_t end, bool elided, const TokenShape& shape, Token& token);
  std::string_view text_;
  const ElisionRules& elisions_;
  int32_t i_ = 0;          // next byte to read
  bool in_run_ = false;    // cutting a run of word characters that an elision split began
  int32_t run_start_ = 0;  // the run's part not yet emitted: [run_start_, run_end_)
  int32_t run_end_ = 0;
  TokenShape shape_;  // of the run's part not yet emitted
  bool space_ = true, newline_ = true, line_break_ = false;
  Token last_, before_last_;  // for the sentence-start rule
  int emitted_ = 0;
};

// The token stream of `text` (rules above), as a vector (one allocation, amortised).
std::vector<Token> tokenize(std::string_view text, const ElisionRules& elisions);

// Kind, cap, all_caps and digit of `word` (already one token), for tokens that come from a corpus
// already cut into words rather than from tokenize().
void describe_token(std::string_view word, Token& token);

// True when the last token of `tokens` (made from `text`) ends a sentence, so that the next
// token starts one: '!', '?', '…', or a '.' that does not close a short capitalised
// abbreviation.
bool ends_sentence(const std::vector<Token>& tokens, std::string_view text);

}  // namespace recoupe::text
