// Tokens: the token stream of a text, with offsets into the original bytes.
//
// A token is a maximal run of letters, digits and combining marks, where an inner '-', '.'
// or apostrophe between two word characters stays inside ("Jong-un", "U.S", "aujourd'hui"),
// or one other non-space character (punctuation, symbols). Two splits inside a run:
//   - an elision (ElisionRules, data/<lang>/elisions.txt) is split after its apostrophe:
//     "l'État" → "l'" (elided) + "État"; "qu'il" → "qu'" + "il";
//   - an English possessive is split before its apostrophe: "Russia's" → "Russia" + "'s".
// So "l'impérialisme", "l'État" and "Russia's" come out as "l'" + "impérialisme", "l'" +
// "État", "Russia" + "'s". Apostrophes may be typographic (U+2019, U+02BC).
//
// Sentence starts: the first token, a token after a line break, and a token after '.', '!',
// '?' or '…' unless that dot ends a short capitalised abbreviation ("M.", "Mr.", "Dr.").
//
// Cost: linear in the text; no string is built (read a token's text as
// text.substr(begin, end - begin), its folded form with text::fold). Pure, thread-safe.
// Invalid UTF-8 bytes are skipped.
#pragma once

#include <cstddef>
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
  bool cap = false;             // first letter is upper or title case ("Paris", "ONU", "McCain")
  bool all_caps = false;        // at least two letters, all upper case ("TASS")
  bool digit = false;           // holds a digit ("G7", "2023")
  bool elided = false;          // an elided word with its apostrophe ("l'", "qu'")
  bool sentence_start = false;  // first token of a sentence or of a line
  bool space_before = true;     // whitespace (or the start of the text) before it
};

// The token stream of `text` (rules above).
std::vector<Token> tokenize(std::string_view text, const ElisionRules& elisions);

// Kind, cap, all_caps and digit of `word` (already one token), for tokens that come from a corpus
// already cut into words rather than from tokenize().
void describe_token(std::string_view word, Token& token);

// True when the last token of `tokens` (made from `text`) ends a sentence, so that the next
// token starts one: '!', '?', '…', or a '.' that does not close a short capitalised
// abbreviation.
bool ends_sentence(const std::vector<Token>& tokens, std::string_view text);

}  // namespace recoupe::text
