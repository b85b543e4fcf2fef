// ArticleReading: what the cross-check reads of one article on its own, under the story's
// language: its content words (claims), its headline, its candidate framing terms
// (framing), its title's content words (the neutral title), its numbers with what they
// count (disagreements) and the clauses of its sentences that become claims (claims, cut
// under the SynthConfig it was read with: a cache of readings serves one configuration).
// None of it depends on the story's other articles, so a story cross-checked again whenever
// an article joins it can take its old articles' readings from a cache
// (engine/analysis_cache.h) instead of reading every article again: with the analyses, the
// part of a growing story's cross-check that is linear in its text.
//
//   StoryReadings readings(evidence, resources, cfg);   // evidence.readings, else read here
//   for (const ContentWord& w : readings[a].words) ...
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "synth/claim_clauses.h"
#include "synth/content_words.h"
#include "synth/framing_terms.h"
#include "synth/number_slots.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

struct ArticleReading {
  std::string language;                  // the story language it was read under
  std::vector<ContentWord> words;        // content_words of the whole text, in text order
  std::string headline;                  // Article::title, else the first sentence, else ""
  std::vector<ContentWord> title_words;  // content_words of Article::title; none without one
  FramingTerms framing_terms;            // count_framing_terms of the headline and the text
  std::vector<NumberMention> numbers;    // article_number_mentions (article = 0); none without
                                         // an analysis
  std::vector<ClaimClause> clauses;      // claim_clauses; none without an analysis
};

// The words of a reading's `words` (in text order) that lie wholly within [begin, end) of
// the article's text: a sentence's or a clause's words, as content_words of that piece of
// text would give them, without reading it again. Cost: O(log words + the span).
inline std::span<const ContentWord> words_within(const std::vector<ContentWord>& words,
                                                 size_t begin, size_t end) {
  auto first = std::lower_bound(words.begin(), words.end(), begin,
                                [](const ContentWord& w, size_t b) { return w.begin < b; });
  auto last = first;
  while (last != words.end() && last->end <= end) ++last;
  return {first, last};
}

// Reads `article` (with its `analysis`, may be null) under the story language `language`,
// its claim clauses cut by `cfg`. Pure and thread-safe. Cost: linear in the text.
ArticleReading read_article(const Article& article, const ArticleAnalysis* analysis,
                            const std::string& language, const SynthResources& resources,
                            const SynthConfig& cfg);

// The readings of a story's articles, parallel to evidence.articles: the evidence's own
// (StoryEvidence::readings) when it carries one for every article under the story's
// language, else read here (and owned). Borrows the evidence's readings.
class StoryReadings {
 public:
  StoryReadings(const StoryEvidence& evidence, const SynthResources& resources,
                const SynthConfig& cfg);
  const ArticleReading& operator[](size_t article) const { return *readings_[article]; }
  // Every reading, for StoryEvidence::readings.
  const std::vector<const ArticleReading*>& all() const { return readings_; }

 private:
  std::vector<ArticleReading> own_;
  std::vector<const ArticleReading*> readings_;
};

}  // namespace recoupe::synth
