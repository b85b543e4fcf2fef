// HTML page → main text and metadata.
//
// Pipeline: libxml2 HTML parser (SAX) → flat DOM (html_dom.h; nesting capped at 512 levels,
// no recursion anywhere) → metadata from JSON-LD, OpenGraph, <meta>, <time>, bylines
// (html_metadata.h) → main content (html_content.h): boilerplate subtrees pruned by tag, role
// and class/id cue lexicons (data/html/), readability-style container scoring, a jusText-like
// paragraph classifier as fallback (stop words of the page language), the longer plausible
// result chosen; a JSON-LD articleBody replaces a clearly shorter DOM result.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/html_content.h"
#include "extract/page_metadata.h"

namespace recoupe::extract {

class HtmlResources;

struct HtmlExtraction {
  std::vector<std::string> paragraphs;  // main content, in document order, spaces collapsed
  PageMetadata meta;
};

// Parses `html` (UTF-8) and returns the article's main content and metadata. Never fails:
// a page with no recognisable content gives no paragraphs. Cost: linear in the page (about
// 2-4 ms for a 140 KB page). Thread-safe. Uses `res` (cue lexicons, stop words, agencies).
HtmlExtraction extract_html(std::string_view html, const HtmlResources& res,
                            const ContentConfig& config = {});

}  // namespace recoupe::extract
