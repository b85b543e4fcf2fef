// Framing terms: the words and short phrases of one article that may set it apart from the
// story's other articles (synth/framing.h ranks them). Counted per article alone, so that a
// story cross-checked again as it grows counts only its new articles (synth/article_reading.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/elisions.h"
#include "text/stopwords.h"

namespace recoupe::synth {

// One candidate term of an article: a content word, or a 2–3 word phrase with content words
// at both ends (a three-word phrase hinging on a link word: "vente d'armes").
struct FramingTerm {
  int count = 0;
  std::string surface;  // as first written, lower-cased in context
  bool in_headline = false;
  bool all_upper = true;
  int words = 1;
  size_t first = SIZE_MAX;  // order of first use in the article (headline first)
  // Its content words, folded: a term made only of the story's entity names is left out
  // by the story (the entity list has them), which an article alone cannot know.
  std::vector<std::string> content_words;
};

// Folded key ("poignée de main") → term.
using FramingTerms = std::unordered_map<std::string, FramingTerm>;

// The words a term may not be made of (`plain`: reporting verbs, days, months) and may hinge
// on (`links`: prepositions; when empty, any short stop word), for one language.
struct FramingWords {
  const text::StopWords& stop;
  const std::unordered_set<std::string>& plain;
  const std::unordered_set<std::string>& links;
};

// Counts the candidate terms of `headline` (may be empty), then of `text`, into one map.
// Lines of `text` that read as headings (no final punctuation: a subhead) count as headline.
// A phrase does not mix capitalised and lower-case content words. Cost: linear in the text.
FramingTerms count_framing_terms(std::string_view headline, std::string_view text,
                                 const FramingWords& words, const text::ElisionRules& elisions);

}  // namespace recoupe::synth
