// Quotes of a story merged across its articles.
#pragma once

#include <string>
#include <vector>

#include "core/cross_check.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// The canonical name of the person a quote's speaker (as written in article `article`,
// bytes [begin, end)) refers to: the story entity with a mention there, else the entity one
// of whose aliases equals the folded speaker, else the one person entity whose name ends with
// the speaker's last word (text::word_spans with `elisions`); else `written` itself. Empty
// `written` gives "".
std::string canonical_speaker(const StoryEvidence& evidence, size_t article,
                              const std::string& written, const text::ElisionRules& elisions,
                              size_t begin, size_t end);

// Every quote of the story's articles (full statements, and partial quotes with a speaker
// and enough words), merged: two quotes are one statement when their content stems reach
// config.quote_merge_threshold (cosine) or one contains the other, and their speakers agree
// (or one is unknown; very close wordings merge regardless). A merged quote lists its
// wordings in `variants` when there are several. Most-cited first; at most
// config.max_quotes. Only the first config.max_quotes_merged quotes of the story (in article
// order) are merged; *quotes_found, when given, receives how many there were in all.
// Thread-safe (own stemmer). Cost: O(quotes × groups) within a story, bounded by
// max_quotes_merged².
std::vector<MergedQuote> merge_quotes(const StoryEvidence& evidence,
                                      const SynthResources& resources, const SynthConfig& config,
                                      size_t* quotes_found = nullptr);

}  // namespace recoupe::synth
