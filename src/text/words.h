// Words: the words of a text for matching and statistics (word counts, clustering terms,
// claim and title terms), a view of the token stream (text/tokens.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/elisions.h"

namespace recoupe::text {

// A word of the original text: bytes [begin, end) of the UTF-8 input.
struct WordSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Words of `utf8`: the word and number tokens of text::tokenize(utf8, elisions) — runs of
// letters, digits and combining marks with an inner '-', '.' or apostrophe kept ("Jong-un",
// "aujourd'hui", "3.5", "U.S"), an elision split off after its apostrophe ("l'État" → "l'",
// "État"; the list is data/<lang>/elisions.txt, matched in any case) — with three rules of
// their own:
//   - a possessive stays on its word: "Russia's" is one word (the token stream cuts "Russia"
//     + "'s"; a count of words does not grow with possessives, and term keys drop the "'s");
//   - a comma between two digits stays inside a number: "1,500", the decimal "6,1";
//   - Chinese and Japanese ideographs (Han, Hiragana, Katakana) are one word each, since
//     those scripts do not space their words; good enough for overlap statistics.
// Punctuation is not a word. Cost: one pass of the token scanner, no allocation beyond the
// result. Pure; thread-safe.
std::vector<WordSpan> word_spans(std::string_view utf8, const ElisionRules& elisions);

// The same words as strings.
std::vector<std::string> words(std::string_view utf8, const ElisionRules& elisions);

// Number of words, without building them (no allocation).
size_t count_words(std::string_view utf8, const ElisionRules& elisions);

}  // namespace recoupe::text
