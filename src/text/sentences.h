// Sentence segmentation with per-language abbreviations and quotation handling.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/sentence.h"

namespace recoupe::text {

// What a language needs for segmentation: words that end with a period without ending the
// sentence ("M.", "Mme.", "St.", "U.S.", "janv."), stored without their final period,
// both as written and lower-cased. Immutable once loaded; safe to share across threads.
struct SentenceRules {
  std::unordered_set<std::string> abbreviations;
};

// Reads data/<lang>/abbreviations.txt (one abbreviation a line, final period optional).
// A language without the file gets empty rules: segmentation still works on punctuation.
SentenceRules load_sentence_rules(const std::string& data_dir, const std::string& lang);

// Splits `utf8` into sentences, in order, with UTF-8 byte offsets (see core/sentence.h).
// A sentence ends at '.', '!', '?', '…' (and their CJK forms) followed by a space and a
// word that does not start in lower case, and at every line break; a blank line also starts
// a new paragraph. A period after an abbreviation or an initial ("J. K. Rowling") does not
// end a sentence. Terminators inside a quotation whose marks pair up within the paragraph
// (« … », “ … ”, „ … “, "…") do not end it; a quotation that closes on a terminator and is
// followed by a capitalized word does. Any valid UTF-8 (invalid bytes are kept in the
// text); cost linear in the input.
std::vector<Sentence> split_sentences(std::string_view utf8, const SentenceRules& rules);

}  // namespace recoupe::text
