// Timeline: the dated events of a story, sorted, each cited.
#pragma once

#include <vector>

#include "core/cross_check.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// Every fully resolved date the analyses found (relative ones resolved against each
// article's publication date, or the story's), with "what": the clause holding the date
// (with the sentence's subject clause in front when that clause is too short to say who),
// cut to config.timeline_what_words words. Entries with the same date whose "what" share
// content (stem cosine ≥ config.timeline_merge_threshold) are one event citing all their
// articles. Sorted by date (then most cited first); when there are more than
// config.max_timeline events, the most cited are kept and *left_out (when given) counts the
// others. Thread-safe. Cost: O(dates²) per date.
std::vector<TimelineEntry> build_timeline(const StoryEvidence& evidence,
                                          const SynthResources& resources,
                                          const SynthConfig& config, size_t* left_out = nullptr);

// The clause of `sentence` that holds bytes [begin, end) (relative to the sentence),
// bounded by , ; : ( ) and dashes, extended as described above, at most `max_words` words
// (text::word_spans with `elisions`).
std::string clause_around(std::string_view sentence, size_t begin, size_t end, int max_words,
                          const text::ElisionRules& elisions);

}  // namespace recoupe::synth
