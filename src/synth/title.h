// Title: one neutral line saying what happened, who, where; never an outlet's headline.
#pragma once

#include <string>

#include "synth/claims.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "text/stopwords.h"

namespace recoupe::synth {

// The main clause of the story's best-corroborated early claim (most outlets, then lede
// position, names, centrality), compressed by compress_to_main_clause() after its leading
// rubric or dateline is cut off ("WASHINGTON — "). Skipped: a candidate that does not read
// as a body sentence (a caption or subhead: sentence_form.h), one whose result equals
// (folded) the start of an article's headline, and, given `stop_words`, one whose result ends
// on a stop word (a clause cut short: "… seized by Israel from Iran that"), one opening on a
// quotation mark; results of at most 18 words are preferred. "" for a story
// without claims. Cost: O(claims log claims).
std::string neutral_title(const StoryEvidence& evidence, const ClaimSet& claims,
                          const SynthConfig& config, const text::StopWords* stop_words = nullptr);

// `claim` cut to its main clause: day-precision date expressions (with a short word before
// them, "ce mercredi") and incises made only of them are removed, then the text ends at the
// first clause boundary (, ; : ( – ) after at least `min_words` words; no final period.
// `dates` are byte ranges of `claim` holding dates to remove.
std::string compress_to_main_clause(std::string_view claim,
                                    const std::vector<std::pair<size_t, size_t>>& dates,
                                    int min_words = 8);

}  // namespace recoupe::synth
