// Claim alignment: which sentences of a story's articles state the same fact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// A quantity or date inside a claim, reduced to what comparisons need.
struct ClaimNumber {
  double value = 0.0;
  std::string unit;
};
struct ClaimDate {
  std::string value;      // ISO at its precision, fully resolved (no 'X')
  std::string precision;  // "day", "week", "month", "year"
  // For a date resolved against its article's date ("today", "Wednesday", "hier"), that
  // date (DateMention::anchor); "" for a date written in full.
  std::string anchor;
  // A relative date without a weekday or month written ("today", "yesterday") in an article
  // without a publication date: resolved against a guessed day, so no day to compare.
  bool unknown_day = false;
  // A weekday without a day number ("Tuesday", « lundi ») in an article without a
  // publication date: its calendar day comes from the guessed day too. Two of them,
  // resolved against the same guess, compare; one beside a date written in full does not.
  bool guessed_day = false;
};

// One claim: a sentence (or a clause of a long one) of one article.
// `terms`/`weights` are the claim's sparse vector (sorted term ids, idf-weighted, see
// SynthConfig for the family weights), `norm` its Euclidean norm.
struct Claim {
  size_t article = 0;   // index into StoryEvidence::articles
  size_t sentence = 0;  // index into that article's analysis sentences
  int position = 0;     // ordinal of the claim within its article, from 0
  size_t begin = 0;     // bytes of the article text
  size_t end = 0;
  std::string text;
  int words = 0;
  std::vector<uint32_t> terms;
  std::vector<float> weights;
  float norm = 0.0f;
  std::vector<int> entities;       // indices into StoryEvidence::entities
  std::vector<std::string> names;  // capitalized content words (stand-in when no entities)
  std::vector<ClaimNumber> numbers;
  std::vector<ClaimDate> dates;
  bool quote_only = false;  // the claim is mostly words inside quotation marks
  // Has an entity (or capitalized name), a number or a resolved date: worth listing as a fact.
  bool informative() const {
    return !entities.empty() || !names.empty() || !numbers.empty() || !dates.empty();
  }
};

// An aligned pair: claims[other] states the same fact with cosine `similarity`.
// `covered`: the fraction of this claim's weighted terms (squared weights) that `other` has:
// 1 when other says all this claim says (and maybe more).
struct Alignment {
  uint32_t other = 0;
  float similarity = 0.0f;
  float covered = 0.0f;
  bool conflict = false;  // same fact, but a number or a date differs (see disagreements.h)
  // Aligned by its anchors (same person and place entities, and the same day or
  // min_shared_predicate_terms predicates; or a specific figure, 100 or more with its unit)
  // with a cosine ≥ anchored_align_threshold only.
  bool anchored = false;
  bool by_figure = false;  // anchored by the figure alone
};

// A figure this large is specific: rarely given by chance twice ("29.000 feux d'artifice" in
// two claims is one count, where "10 people" may be the dead in one and the injured in
// another), and recognised without its unit ("948 millions d'euros … et 234 millions").
inline constexpr double kSpecificFigure = 100.0;

// Claims of a story and their alignments.
//  - `outlet_of[a]`: the independent origin of article a (index into `outlets`): the wire
//    agency it credits (AFP, Reuters…: outlets running one dispatch are one source), else its
//    source, else its id; a near-duplicate gets its original's.
//  - `aligned[c]`: every claim (of any article: restatements, captions) that shares at least
//    min_shared_predicate_terms predicate terms with c and either has cosine ≥
//    align_threshold with it or covers (either way) ≥ cover_threshold; or that is anchored
//    to c: a person and a place entity in common (spelling variants and capitalized common
//    words reconciled), the same day or min_shared_predicate_terms predicates, one predicate
//    at least, cosine ≥ anchored_align_threshold; or anchored by a specific figure both give
//    with its unit ("29.000 feux d'artifice": 100 or more), one predicate at least, cosine ≥
//    anchored_align_threshold. Sorted by index.
//  - `support[c]`: article indices stating claim c without conflict: its own and those of
//    claims aligned by cosine, anchors, or covering c (when c has at least
//    cover_min_terms terms), unless both claims name weekdays and none in common ("heard
//    Tuesday" / "continued on Wednesday": two moments); sorted.
//  - `support_outlets[c]`: number of distinct outlets in support[c].
//  - `telling_outlets[c]`: the same without the articles that support c by a shared figure
//    alone: outlets telling the fact, not only giving its count. Background figures ("paid $3
//    million to direct the first film") are repeated by many outlets that lead with another
//    event; a title goes by this count.
struct ClaimSet {
  std::vector<Claim> claims;
  std::vector<std::string> outlets;
  std::vector<int> outlet_of;
  std::vector<std::vector<size_t>> claims_of_article;
  std::vector<std::vector<Alignment>> aligned;
  std::vector<std::vector<size_t>> support;
  std::vector<int> support_outlets;
  std::vector<int> telling_outlets;
  std::vector<float> centrality;  // sum of cosines with claims of other articles
  // By term id: 1 for a number with its unit (what two versions of one fact differ in).
  std::vector<uint8_t> figure_term;
};

// Splits the story's articles into claims, weights their terms (idf within the story) and
// aligns them. Never fails; an article without sentences contributes no claim.
// Cost: O(claims × candidate neighbours); candidate pairs come from an inverted index of
// the rarer terms (SynthConfig::candidate_max_df). Thread-safe (owns its stemmer).
ClaimSet build_claims(const StoryEvidence& evidence, const SynthResources& resources,
                      const SynthConfig& config);

// Cosine of two claims' sparse vectors, in [0, 1].
float claim_similarity(const Claim& a, const Claim& b);

// Cosine of claims x and y of `cs` without their numbers (figure_term): how alike two
// sentences are around the values they may differ in ("The tremor lasted 20 seconds" and
// "… 30 seconds"), which claim_similarity counts against them. In [0, 1].
float similarity_beside_figures(const ClaimSet& cs, size_t x, size_t y);

// True when two dates are told alike enough to be set against each other: the same
// precision, neither an unknown_day, both guessed_day or neither, and both or neither a
// relative day after the day it was resolved against (told as to come: "will play in
// Sunday's game", not as done).
bool comparable_dates(const ClaimDate& a, const ClaimDate& b);

// True when two comparable_dates differ. Two relative dates count only when resolved against
// the same day: "today" in a paper dated the 6th and "Wednesday" in one dated the 5th may well
// be one day, seen from two time zones or two editions. A date to come and a date gone are two
// moments (the game Sunday, the arrest Tuesday), not two versions of one.
bool dates_conflict(const ClaimDate& a, const ClaimDate& b);

// True when a and b disagree on a number (a unit both count, and no value of it in common
// within the tolerance: "5.6 magnitude" / "5.9 magnitude"; "948 and 234 million euros" /
// "234 and 437 million euros" share one) or on a date (each has one date, and
// dates_conflict).
bool claims_conflict(const Claim& a, const Claim& b, const SynthConfig& config);

}  // namespace recoupe::synth
