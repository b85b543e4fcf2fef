// Contrast words: closed sets of words that exclude one another (weekdays, colours, means of
// transport). Two outlets writing « diffusé lundi soir » and « diffusé mardi soir », « peints
// en blanc et en orange » and « peinture blanche et rouge » in one statement give two
// versions of one detail, which no number or name comparison sees.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/elisions.h"

namespace recoupe::synth {

// The set a word belongs to ("weekday", "colour", "transport") and its value in that set:
// the first form of its line ("blanche" → "blanc").
struct ContrastWord {
  std::string set;
  std::string value;
};

// Folded forms → their set and value, for one language (data/<lang>/contrast_words.txt and
// weekdays.txt).
using ContrastLexicon = std::unordered_map<std::string, ContrastWord>;

// One contrast word of a text: bytes [begin, end) of it, as written there.
struct ContrastMention {
  size_t begin = 0;
  size_t end = 0;
  const ContrastWord* word = nullptr;  // into the lexicon
};

// The contrast words of `utf8`, in text order. A capitalised form counts only for a weekday
// ("Lundi 4 août", "on Monday"): « la Maison Blanche », "Orange", "Red Cross" are names.
// Cost: linear (one fold and one lookup a word). Pure; thread-safe.
std::vector<ContrastMention> contrast_mentions(std::string_view utf8,
                                               const ContrastLexicon& lexicon,
                                               const text::ElisionRules& elisions);

}  // namespace recoupe::synth
