// Boilerplate removal for plain text scraped from a page (menus, teasers, share lines…).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/page_metadata.h"
#include "extract/text_classifier.h"
#include "extract/text_cues.h"

namespace recoupe::extract {

struct TextExtraction {
  std::vector<std::string> paragraphs;  // article body, in order, whitespace collapsed
  PageMetadata meta;
  // What was left out of the input, one line each (a line over the length limit, cut).
  std::vector<std::string> warnings;
};

// Cleans one scraped article (UTF-8, one block per line). Keeps every sentence of the body;
// drops navigation, share/comment blocks, ads, "read more" cues and teasers, credits and
// date widgets; finds title, outlet, date, author and agency from the text's own lines
// (text_classifier.h and text_metadata.h say how). Never fails: a text without prose gives
// no paragraphs. Cost: linear in the text (see bench/text_bench.cc for MB/s). Thread-safe.
TextExtraction clean_text(std::string_view text, const TextCues& cues,
                          const TextCleanerConfig& config = {});

}  // namespace recoupe::extract
