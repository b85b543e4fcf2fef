// Title: one neutral line saying what happened, who, where; never an outlet's headline.
#pragma once

#include <string>

#include "synth/claims.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// The story's title, a neutral headline: the main clause of its best-corroborated early claim
// (claim_title) when that claim is told by at least config.title_claim_min_share of the
// story's outlets (the story's main fact, in its own words); else the story's most shared
// headline (headline_title); else that claim title. Never a sentence fragment: no title opens with
// a word that ties it to a previous sentence (resources.dependent_openers: "Il", "They", "Selon",
// "But"). "" for a story without either. Cost: linear in the story's headlines and ledes plus
// O(claims log claims).
std::string neutral_title(const StoryEvidence& evidence, const ClaimSet& claims,
                          const SynthConfig& config, const SynthResources& resources);

// The article headline that says most of what the story says, lightly cleaned (trailing
// period). Usable headlines read as one: 4 to 16 words, an upper-case letter or a digit
// first, no dependent opener, not in capitals, no question or exclamation, no quotation
// (an outlet's quote is its angle), at least three content words that are not dates. Each
// headline scores the sum, over its content stems, of (origins whose headline or lede —
// first two sentences — holds the stem) / (origins) − `min_share`: words many outlets use
// raise it, one outlet's own words (a pun, an angle) lower it. The best score wins when it
// reaches `min_score`; ties go to the earlier article. "" otherwise.
std::string headline_title(const StoryEvidence& evidence, const ClaimSet& claims,
                           const SynthResources& resources, double min_share = 0.1,
                           double min_score = 0.5);

// The main clause of the story's best-corroborated early claim (most outlets, then lede
// position, names, centrality), compressed by compress_to_main_clause() after its leading
// rubric or dateline is cut off ("WASHINGTON — "). Skipped: a candidate that does not read
// as a body sentence (a caption or subhead: sentence_form.h), one opening on a dependent
// opener, one whose result equals (folded) the start of an article's headline, one whose
// result ends on a stop word (a clause cut short: "… seized by Israel from Iran that"), one
// opening on a quotation mark, one opening on a preposition; titles naming the story's key
// subject (the entity most outlets name, by any of its spellings) come first (resources.link_words:
// "Selon", "A l'issue de"); results of at most 18 words are preferred. "" for a story without
// claims. `outlet_share`, when given, receives the share of the story's outlets that tell the
// chosen claim. Cost: O(claims log claims).
std::string claim_title(const StoryEvidence& evidence, const ClaimSet& claims,
                        const SynthConfig& config, const SynthResources& resources,
                        double* outlet_share = nullptr);

// `claim` cut to its main clause: day-precision date expressions (with a short word before
// them, "ce mercredi") and incises made only of them are removed, then the text ends at the
// first clause boundary (, ; : ( – ) after at least `min_words` words (not a comma between
// two capitalised words, "WBA, IBF", nor a colon or comma inside a number or time); no final
// period.
// `dates` are byte ranges of `claim` holding dates to remove; words are text::word_spans with
// `elisions`.
std::string compress_to_main_clause(std::string_view claim, const text::ElisionRules& elisions,
                                    const std::vector<std::pair<size_t, size_t>>& dates,
                                    int min_words = 8);

}  // namespace recoupe::synth
