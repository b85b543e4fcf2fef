// Claim clauses: the pieces of an article's sentences that become claims (synth/claims.h),
// cut and filtered by the article's own text alone: a long sentence is cut at ';', ' : ',
// spaced dashes and, if still too long, at the comma nearest its middle; a piece is kept
// with between SynthConfig::min_claim_words and max_claim_words words, and with a sentence's
// ending when it is short; the headline repeated as a sentence is left out. Nothing here
// depends on the story, so a cross-check finds an article's clauses in its reading
// (ArticleReading::clauses, kept between cross-checks) instead of cutting every sentence of
// the story again.
#pragma once

#include <cstddef>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "synth/synth_config.h"
#include "text/elisions.h"

namespace recoupe::synth {

struct ClaimClause {
  size_t sentence = 0;        // index into the analysis' sentences
  size_t begin = 0, end = 0;  // bytes of the article's text, trimmed
  int words = 0;              // text::count_words of the piece
};

// The clauses of `article`'s sentences (`analysis`), in text order. Pure; linear in the text.
std::vector<ClaimClause> claim_clauses(const Article& article, const ArticleAnalysis& analysis,
                                       const SynthConfig& cfg, const text::ElisionRules& elisions);

}  // namespace recoupe::synth
