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

// Where the sentence `sentence` goes on after `claim`, a clause cut from it: the first
// character after the claim's last words that is not a space (',', ';', ':', a dash's
// first byte…), or '\0' when the claim ends the sentence (or is not found in it). Linear.
char clause_cut(std::string_view sentence, std::string_view claim);

// True when `text` reads as a sentence of the body and carries no photo credit ("©"). A
// claim that ends its sentence (`cut` '\0') ends with a final punctuation mark (closing
// quotes and brackets aside), so a headline, subhead or caption run into the text is left
// out. A clause cut from a longer sentence (`cut` as clause_cut gives) states a whole fact
// when cut at ';', ':' or a dash, and is a fragment when cut at a comma ("Si les États-Unis
// craignent …,"). A leading rubric is not checked here: callers strip it (rubric_end) and
// judge what is left.
bool reads_as_sentence(std::string_view text, char cut = '\0');

// True when `text` starts with a lower-case letter: the tail of a sentence cut at a comma
// ("ce qui n'a pas empêché Jacques Rogge…", "parmi lesquels le président…"), which does not
// stand alone as a fact. Leading spaces and opening quotes are skipped; digits, capitals
// and other characters start a sentence.
bool starts_lowercase(std::string_view text);

}  // namespace recoupe::synth
