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

}  // namespace recoupe::text
