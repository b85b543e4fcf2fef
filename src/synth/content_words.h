// Content words of a text span: the unit of every overlap measure in synthesis.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/elisions.h"
#include "text/stemmer.h"
#include "text/stopwords.h"

namespace recoupe::synth {

// One content word: its stem (folded, Snowball-stemmed), its folded form, and where it is
// (bytes relative to the analysed span). `capitalized`: written with an upper-case initial.
struct ContentWord {
  std::string stem;
  std::string folded;
  size_t begin = 0;
  size_t end = 0;
  bool capitalized = false;
};

// Words of `utf8` that carry content: folded, not a stop word, not an elided article
// ("l'"), at least two characters, not made of digits only (numbers are handled as
// quantities). Words are text::word_spans with `elisions`. Cost: linear. Thread-safety: as
// `stemmer` (one per thread).
std::vector<ContentWord> content_words(std::string_view utf8, const text::StopWords& stop_words,
                                       const text::Stemmer& stemmer,
                                       const text::ElisionRules& elisions);

// True when `word` starts with an upper-case or title-case letter ("État", "Lundi").
bool starts_upper(std::string_view word);

// Folded words of `utf8` (text::word_spans with `elisions`), all of them, an elided word
// without its apostrophe ("l'" → "l"): ROUGE, exact comparisons.
std::vector<std::string> folded_words(std::string_view utf8, const text::ElisionRules& elisions);

}  // namespace recoupe::synth
