// Unicode normalization and folding.
#pragma once

#include <string>
#include <string_view>

namespace recoupe::text {

// NFC form of valid UTF-8 (composed accents: "e\u0301" → "é").
std::string nfc(std::string_view utf8);

// Folded form for matching: lower case, no diacritics, typographic apostrophes and dashes
// made ASCII ("Kim Jong-Un" → "kim jong-un", "Élysée" → "elysee", "l’État" → "l'etat").
// ASCII input takes a fast path. Cost: linear.
std::string fold(std::string_view utf8);

// Collapses runs of whitespace (including U+00A0 and other Unicode spaces) to one ASCII
// space and trims both ends.
std::string collapse_spaces(std::string_view utf8);

}  // namespace recoupe::text
