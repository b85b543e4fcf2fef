#include "extract/text_cleaner.h"

#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::extract {

TextExtraction clean_text(std::string_view text) {
  TextExtraction out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string line = text::collapse_spaces(text.substr(start, end - start));
    if (!line.empty()) {
      if (!out.meta.title && text::count_words(line) >= 3)
        out.meta.title = line;
      else
        out.paragraphs.push_back(std::move(line));
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace recoupe::extract
