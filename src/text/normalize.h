// Unicode normalization (NFC) and whitespace collapsing; folding is text/fold.h.
#pragma once

#include <string>
#include <string_view>

namespace recoupe::text {

// NFC form of valid UTF-8 (composed accents: "e\u0301" → "é").
std::string nfc(std::string_view utf8);

// Collapses runs of whitespace (including U+00A0 and other Unicode spaces) to one ASCII
// space and trims both ends.
std::string collapse_spaces(std::string_view utf8);

// Removes the characters that only tell a renderer where it may break a line inside a word
// and show nothing otherwise: U+00AD soft hyphen (French and German pages set them in long
// words: "mar\u00ADtelé"), U+2060 word joiner. Left in, they split the word for every reader
// after (a speech verb, a name, a search) while the page shows it whole.
std::string without_soft_breaks(std::string_view utf8);

}  // namespace recoupe::text
