// Framing: per article, its headline and the terms that set it apart from the story's
// other articles.
#pragma once

#include <vector>

#include "core/cross_check.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// For each article (story order): its headline (Article::title, else its first sentence)
// and up to config.framing_terms distinctive terms — words and 2–3 word phrases (content
// words at both ends; a three-word phrase has a short stop word in the middle: "vente
// d'armes"; names and common words are not mixed in one phrase) ranked by the z-score
// of their log-odds ratio against the other articles of the story with an informative
// Dirichlet prior (Monroe et al. 2008; prior = 0.5 + framing_prior × story frequency).
// Phrases are boosted (framing_phrase_boost), headline terms a little, proper names
// damped; a word inside a chosen phrase is not listed again. Terms are lower-cased as
// written. A story of one article has no others to differ from: its terms are empty.
// Thread-safe. Cost: linear in the story's words.
std::vector<ArticleFraming> article_framing(const StoryEvidence& evidence,
                                            const SynthResources& resources,
                                            const SynthConfig& config);

}  // namespace recoupe::synth
