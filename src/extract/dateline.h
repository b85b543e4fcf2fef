// A dateline: the place (and agency, or date) that opens a news article's text, before a
// dash: "WASHINGTON — …", "SEOUL, South Korea — …", "TEL AVIV (Reuters) - …", "April 29
// (UPI) — …". What comes before it on the page (a photo caption, a kicker, a summary) is not
// the article.
#pragma once

#include <cstddef>
#include <string_view>

namespace recoupe::extract {

// Where the text after the dateline that opens `line` begins (past the dash and spaces), or 0
// when the line opens with none. A dateline is at most 7 words before a spaced dash (-, –, —)
// within the first 60 bytes, with no sentence end in them, and either opens on a word in
// capitals ("WASHINGTON", "SEOUL,") or ends with a short parenthesis ("(Reuters)", "(AFP)").
// Pure; cost: the first 60 bytes.
size_t dateline_end(std::string_view line);

}  // namespace recoupe::extract
