// ROUGE-1, ROUGE-2 and ROUGE-L F1 of a summary against reference summaries.
#pragma once

#include <string>
#include <vector>

#include "text/elisions.h"
#include "text/stemmer.h"

namespace recoupe::eval {

struct RougeScores {
  double rouge1 = 0, rouge2 = 0, rougel = 0;  // F1, mean over references
};

// Tokens: folded words (synth::folded_words: text::word_spans with `elisions`, folded with
// text::fold: lower case, no diacritics), stemmed with `stemmer`
// (pass an identity stemmer for unstemmed scores); stop words are kept, as in ROUGE-1.5.5
// without -s. The candidate is cut to its first `max_words` tokens (0: no cut). ROUGE-L is
// the LCS of the whole token sequences (not the summary-level union LCS). No reference, or
// an empty candidate, gives zeros. Cost: O(candidate × reference) per reference (LCS).
RougeScores rouge(const std::string& candidate, const std::vector<std::string>& references,
                  const text::Stemmer& stemmer, const text::ElisionRules& elisions,
                  int max_words = 0);

}  // namespace recoupe::eval
