// Summary: a few sentences of the story's articles, each citing every supporting article.
#pragma once

#include <vector>

#include "core/cross_check.h"
#include "synth/claims.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "text/elisions.h"

namespace recoupe::synth {

// Extractive multi-document summary by maximal marginal relevance. A claim's importance is
//   support_weight × (outlets supporting it − 1) / (most outlets − 1)
//   + centroid_weight × cosine(claim, story centroid) + position_weight / (1 + position);
// claims are taken greedily by importance − redundancy_weight × (highest cosine with a
// claim already taken), never when that cosine reaches duplicate_threshold, until
// summary_max_sentences or, when `max_words` > 0, that many words (the last sentence may
// end past it). Quotations alone, and sentences outside [summary_min_words,
// summary_max_sentence_words], or that do not read as body sentences (sentence_form.h: final
// punctuation, no caption credit, no lower-case opening of a sentence's tail clause; a
// leading rubric or dateline is cut off and the rest must keep summary_min_words), are not
// taken unless fewer than summary_min_sentences remain.
// A clause cut at a comma is shown as its whole sentence (and counted so); one sentence of an
// article is shown at most once.
// Output: the most important sentence first, the others in time order (the day their claim
// names, else their article's date), each citing its support (claims.h). Empty for a story
// without claims. Cost: O(sentences chosen × candidates × terms).
// Claims flagged in `disputed` (find_disagreements) are never taken: a summary states what
// the sources do not dispute, and the disagreement is reported on its own.
std::vector<SummarySentence> summarize(const StoryEvidence& evidence, const ClaimSet& claims,
                                       const SynthConfig& config,
                                       const text::ElisionRules& elisions, int max_words = 0,
                                       const std::vector<char>* disputed = nullptr);

// The lead baseline for evaluation: the first sentences of the first article (story order)
// that has sentences, up to `max_words` words (text::count_words with `elisions`; the last
// one may end past it).
std::vector<SummarySentence> lead_summary(const StoryEvidence& evidence,
                                          const text::ElisionRules& elisions, int max_words);

}  // namespace recoupe::synth
