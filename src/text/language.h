// Language identification (CLD2: 83 languages). In text/ so that extraction can tag an
// article's language without depending on analysis.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/elisions.h"

namespace recoupe::text {

struct LanguageGuess {
  std::optional<std::string> code;  // ISO 639-1 ("fr"), or empty when unknown
  double confidence = 0.0;          // 0..1
};

// Identifies the language of `text` (UTF-8 plain text). `hint` (a code such as the page's
// <html lang>) tips the balance on short or mixed texts but never overrides a clear answer.
// Texts too short to judge (under 3 words, text::count_words with `elisions`) return the hint
// with low confidence, else unknown. Cost: about 1 ms per 30 KB.
LanguageGuess detect_language(std::string_view text, const ElisionRules& elisions,
                              std::string_view hint = {});

}  // namespace recoupe::text
