// Sentence form: whether a claim reads as a sentence of an article's body, and where a
// leading rubric or dateline ends. Pure functions on UTF-8 text; thread-safe; linear cost.
#pragma once

#include <cstddef>
#include <string_view>

namespace recoupe::synth {

// Bytes of `text` taken by a leading rubric or dateline, up to and including its dash and
// the spaces after it: words in capitals, possibly with a parenthesised agency, before a
// spaced dash within the first 40 bytes ("INTERNATIONAL - ", "WASHINGTON — ",
// "TEL AVIV (Reuters) - "). 0 when there is none.
size_t rubric_end(std::string_view text);

// True when `text` reads as a sentence of the body: it ends with a final punctuation mark
// (closing quotes and brackets aside; a clause cut from a longer sentence, `ends_sentence`
// false, may end at its ';'), so a headline, subhead or caption run into the text is left
// out; and it carries no photo credit ("©"). A leading rubric is not checked here: callers
// strip it (rubric_end) and judge what is left.
bool reads_as_sentence(std::string_view text, bool ends_sentence);

}  // namespace recoupe::synth
