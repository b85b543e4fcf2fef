// The synthesis step of a batch: every story of a grouping run, cross-checked.
#pragma once

#include <string>
#include <vector>

#include "core/article.h"
#include "core/cross_check.h"
#include "engine/batch.h"
#include "synth/synth_config.h"

namespace recoupe::engine {

struct SynthesisOptions {
  std::string data_dir;  // language resources (text::find_data_dir() when empty)
  unsigned threads = 0;  // stories cross-checked in parallel (0: all cores)
  bool entities = true;  // run the entity stage (≈ 0.5 s to load its resources)
  synth::SynthConfig config;
};

// For each story of `grouping` (same order): its articles analysed (relative dates against
// each article's date, else the story's latest date), their entities found and merged
// across the story, near-duplicates from `grouping.duplicate_of`, then synth::cross_check.
// Pure; never fails (an entity-resource load failure runs without entities). Cost: the
// analysis (linear in text) plus the cross-check (near-linear per story), on `threads`.
std::vector<CrossCheck> cross_check_stories(const std::vector<Article>& articles,
                                            const BatchResult& grouping,
                                            const SynthesisOptions& options = {});

}  // namespace recoupe::engine
