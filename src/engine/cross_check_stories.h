// The synthesis step of a batch: every story of a grouping run, cross-checked.
#pragma once

#include <vector>

#include "analyze/quotes.h"
#include "core/article.h"
#include "core/cross_check.h"
#include "engine/analysis_cache.h"
#include "engine/batch.h"
#include "engine/resources.h"
#include "synth/synth_config.h"

namespace recoupe::engine {

// For each story of `grouping` (same order): its articles analysed (relative dates against
// each article's date, else the story's latest date), their entities found and merged
// across the story, near-duplicates from `grouping.duplicate_of`, then synth::cross_check.
// A story over the limits of synth/cross_check_budget.h is read in part, and its
// CrossCheck::notices say what was left out. Stories are spread over `threads` (0: all
// cores). Pure; never fails. Cost: the analysis (linear in text) plus the cross-check
// (near-linear per story), each bounded per story by the budget. With `cache`, an article
// analysed before (same id, language, text and reference date) is not analysed again, nor
// read again under the same story language (synth/article_reading.h); the result is the
// same.
std::vector<CrossCheck> cross_check_stories(const std::vector<Article>& articles,
                                            const BatchResult& grouping, const Resources& resources,
                                            const synth::SynthConfig& config,
                                            const analyze::QuoteConfig& quotes = {},
                                            unsigned threads = 0, AnalysisCache* cache = nullptr);

// What cross_check_stories analyses and reads of each story, put in `cache`, without the
// cross-check: a later cross_check_stories of these stories with `cache` then analyses and
// reads only what changed (a server just started: LiveStories::warm_up).
void read_stories(const std::vector<Article>& articles, const BatchResult& grouping,
                  const Resources& resources, const synth::SynthConfig& config,
                  const analyze::QuoteConfig& quotes, unsigned threads, AnalysisCache& cache);

}  // namespace recoupe::engine
