// Word segmentation for matching and statistics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe::text {

// A word of the original text: bytes [begin, end) of the UTF-8 input.
struct WordSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Words of `utf8`: maximal runs of letters, digits and combining marks, where an inner
// hyphen, apostrophe or dot between letters/digits stays inside ("Jong-un", "aujourd'hui",
// "3.5", "U.S"), and so does a comma between digits ("1,500", "6,1"). A French elision is split off
// after its apostrophe ("l'impérialisme" → "l'", "impérialisme"), so that stems match across
// articles. Scripts without spaces (CJK, Thai) come out one ideograph/character-run at a time; good
// enough for overlap statistics. Cost: linear, no allocation beyond the result.
std::vector<WordSpan> word_spans(std::string_view utf8);

// The same words as strings.
std::vector<std::string> words(std::string_view utf8);

// Number of words, without building them.
size_t count_words(std::string_view utf8);

}  // namespace recoupe::text
