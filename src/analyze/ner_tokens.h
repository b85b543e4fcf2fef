// Tokens as the entity tagger sees them: words and single punctuation marks of a text, with
// their byte offsets, lower-case form and the flags the features need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/elisions.h"
#include "text/tokens.h"

namespace recoupe::analyze {

struct NerToken {
  size_t begin = 0;  // bytes [begin, end) of the text (0 for corpus tokens)
  size_t end = 0;
  std::string text;          // as written
  std::string lower;         // text::lower_case(text): lower case, diacritics kept
  std::string key;           // text::fold_key(text): lower case, no diacritics, letters, digits
  std::string shape;         // word_shape(text)
  bool cap = false;          // first letter is upper case ("Paris", "ONU", "McCain")
  bool all_caps = false;     // at least two letters, all upper case
  bool alpha = false;        // contains a letter
  bool digit = false;        // contains a digit
  bool punct = false;        // no letter and no digit
  bool sent_start = false;   // first token of a sentence or paragraph (heuristic)
  bool space_before = true;  // whitespace separates it from the previous token
};

// The tokens of `text` as the entity tagger sees them: the text's token stream
// (text::tokenize with `elisions`: offsets, elisions and possessives split, sentence starts)
// with each token's lower-case form, key and shape. Cost: linear in the text.
std::vector<NerToken> tokenize_for_ner(std::string_view text, const text::ElisionRules& elisions);

// Tokens from an already tokenised sentence (training corpora); offsets are 0, the first
// token starts a sentence, and sentence starts after '.', '!', '?' follow the same rule.
std::vector<NerToken> tokens_from_words(const std::vector<std::string>& words);

// A word's shape for features: X upper, x lower, d digit, other characters kept; runs longer
// than two collapsed ("Poutine" → "Xxx", "TASS" → "XX", "13-09" → "dd-dd"); at most 8 chars.
std::string word_shape(std::string_view s);

}  // namespace recoupe::analyze
