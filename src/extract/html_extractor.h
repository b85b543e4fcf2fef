// HTML page → main text and metadata.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/page_metadata.h"

namespace recoupe::extract {

struct HtmlExtraction {
  std::vector<std::string> paragraphs;  // main content, in document order
  PageMetadata meta;
};

// Parses `html` (UTF-8) with an HTML5 parser and returns the article's main content.
HtmlExtraction extract_html(std::string_view html);

}  // namespace recoupe::extract
