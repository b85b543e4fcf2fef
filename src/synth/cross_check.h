// cross_check(): the synthesis of one story — title, event date, summary, corroborated and
// single-source facts, disagreements, quotes, entities, timeline, framing.
#pragma once

#include "core/cross_check.h"
#include "synth/claims.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// Runs every part of the synthesis on one story (see each part's header for its rules).
// Pure: depends only on its arguments; never fails (a story without text gives empty
// lists). Thread-safe: stories may be cross-checked in parallel with shared resources.
// Cost: dominated by claim alignment (claims.h), near-linear in the story's sentences; quote
// merging is bounded by config.max_quotes_merged, and says so in `notices` when it bites.
CrossCheck cross_check(const StoryEvidence& evidence, const SynthResources& resources,
                       const SynthConfig& config = {});

// The story's entities with their articles and mention counts, in most articles first, then
// most mentioned, at most config.max_entities. Left out: a one-word name mentioned once that
// is no place and no acronym (the tagger's least reliable guess: a capitalised sentence
// opener, a piece of a longer name), and a name made of other entities' names joined by
// lower-case words ("Kim et Poutine").
std::vector<StoryEntity> story_entities(const StoryEvidence& evidence, const SynthConfig& config);

}  // namespace recoupe::synth
