// Main-content selection on a parsed page: boilerplate pruning, readability-style container
// scoring, a jusText-like paragraph classifier as fallback, and the choice between them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_dom.h"
#include "extract/html_resources.h"

namespace recoupe::extract {

// Tuning numbers of the content selection, with their unit and why.
struct ContentConfig {
  // Readability: a block counts towards its ancestors' scores from this many non-space
  // characters (readability uses 25 characters with spaces).
  int min_scored_chars = 20;
  // Readability class weight for a content / boilerplate cue (points, as readability).
  double class_weight = 25.0;
  // A kept block may be at most this share of link text (share 0..1): menus are links.
  double max_block_link_density = 0.5;
  // Sibling containers join the top candidate from this share of its score (readability 0.2).
  double sibling_share = 0.2;
  // jusText: blocks shorter than this (non-space chars) are "short" and follow neighbours.
  int justext_short_chars = 50;
  // jusText: blocks longer than this with enough stop words are "good" on their own.
  int justext_long_chars = 150;
  // jusText: stop-word share (0..1) from which a block reads as running text; the broad
  // stop-word lists under data/<lang>/ run higher than jusText's own lists.
  double justext_stopword_low = 0.30;
  double justext_stopword_high = 0.36;
  // jusText: link share above which a block is boilerplate.
  double justext_max_link_density = 0.2;
  // The readability result is replaced by the jusText one when that is this many times
  // longer (the readability container then missed part of the article).
  double fallback_length_ratio = 2.0;
  // Add jusText-good blocks just before (or inside the span of) the readability result.
  bool extend_with_justext = true;
  // Fewer non-space characters than this in the readability result: try the fallback.
  int min_article_chars = 250;
};

enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kQuote, kPre, kCell, kOther };

// A run of text between block boundaries (block elements, <br>), in document order.
struct Block {
  uint32_t owner = 0;  // innermost block-level element around the text
  std::string text;    // whitespace collapsed
  uint32_t chars = 0;  // non-space code points
  uint32_t link_chars = 0;
  uint16_t commas = 0;
  BlockKind kind = BlockKind::kOther;
  bool after_br = false;  // starts right after a <br> (a line of the same paragraph)

  double link_density() const { return chars ? static_cast<double>(link_chars) / chars : 0.0; }
};

struct ContentResult {
  std::vector<std::string> paragraphs;  // main text, in document order
  uint32_t container = kNoNode;         // the chosen container (readability), if any
  std::string method;                   // "readability", "justext", "empty" (+"-light")
  uint32_t chars = 0;                   // non-space characters of the paragraphs
};

// Selects the main content of `dom`. `lang` (ISO 639-1, may be empty) picks the stop-word
// list of the jusText fallback. Never fails; an empty result means no content was found.
// Cost: linear in the DOM size. Thread-safe.
ContentResult select_content(const Dom& dom, const HtmlResources& res, std::string_view lang,
                             const ContentConfig& config = {});

// Per node: 1 when the element is page chrome to drop with its subtree (tag, role, hidden
// state, class/id cues when `use_cues`), unless it holds or wraps the main content (<main>,
// <article>, itemprop=articleBody, a protecting content cue). Exposed for tests.
std::vector<char> boilerplate_mask(const Dom& dom, const HtmlResources& res, bool use_cues = true);

// Splits the page into text blocks, skipping the subtrees marked in `mask` (may be empty).
std::vector<Block> page_blocks(const Dom& dom, const std::vector<char>& mask);

}  // namespace recoupe::extract
