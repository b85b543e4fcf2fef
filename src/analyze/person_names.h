// Name candidates for quote attribution: a capitalized-sequence heuristic.
//
// This is the stand-in until the entity stage (src/analyze/entities*) lands: analyze_article
// (analyzer.cc) calls guess_speaker_names() and hands its spans to find_quotes(); the entity
// stage replaces that one call with the spans of its person (and organization) mentions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyze/tokens.h"

namespace recoupe::analyze {

// A name in the text: bytes [begin, end); `words` counts its space-separated words
// ("Kim Jong-un" 2, "Peskov" 1).
struct NameSpan {
  size_t begin = 0;
  size_t end = 0;
  int words = 1;
};

// Sequences of capitalized words ("Vladimir Poutine", "Kim Jong-un", "Siemon T. Wezeman"),
// without leading function words ("Le Kremlin" → "Kremlin") and without words listed in
// `not_names` (folded: stop words, months, weekdays…). A single capitalized word that only
// ever appears at the start of a sentence is not a name ("Interrogé sur…"). Spans are in
// text order, disjoint. Cost: linear.
std::vector<NameSpan> guess_speaker_names(std::string_view text, const std::vector<Token>& tokens,
                                          const std::unordered_set<std::string>& not_names);

}  // namespace recoupe::analyze
