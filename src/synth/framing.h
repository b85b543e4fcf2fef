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
// and up to config.framing_terms distinctive terms — words and 2–3 word phrases of the
// article's own text (content words at both ends; a three-word phrase hinges on a
// preposition of the language: "vente d'armes", "poignée de main"; names and common words
// are not mixed in one phrase) ranked by the z-score of their log-odds ratio against the
// other articles of the story with an informative Dirichlet prior (Monroe et al. 2008;
// prior = 0.5 + framing_prior × story frequency). Phrases are boosted
// (framing_phrase_boost), terms of the headline and of heading lines (a subhead, a line
// without final punctuation) a little, capitalised terms damped, before the framing_min_z
// cut. Never listed: names of the story's entities (the entity list has them), reporting
// verbs, weekdays and months (SynthResources::plain_words), a term sharing a content word
// with a better one. Ties: first used first. Terms are lower-cased as written. A story of
// one article has no others to differ from: its terms are empty.
// Thread-safe. Cost: linear in the story's words.
std::vector<ArticleFraming> article_framing(const StoryEvidence& evidence,
                                            const SynthResources& resources,
                                            const SynthConfig& config);

}  // namespace recoupe::synth
