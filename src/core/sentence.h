// Sentence: one sentence of an article's text, located by byte offsets.
#pragma once

#include <cstddef>
#include <string>

namespace recoupe {

// `text` is exactly `article.text.substr(begin, end - begin)` (UTF-8 bytes, trimmed of
// surrounding whitespace). A quotation « … » or “ … ” stays inside the sentence that contains
// it, even when the quotation itself holds several sentences. `paragraph` counts blank-line
// separated blocks of the text from 0.
struct Sentence {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
  int paragraph = 0;
};

}  // namespace recoupe
