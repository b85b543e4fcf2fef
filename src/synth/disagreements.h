// Disagreements: the same fact told with a different number, date, place, name or quote.
#pragma once

#include <vector>

#include "core/cross_check.h"
#include "synth/claims.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// Finds:
//  - "number": a number slot (number_slots.h: the same unit counting the same thing, by the
//    words of its clause) where two outlets give values that cannot both be right
//    (compatible_values with config.number_tolerance), and neither of their articles states
//    both values (then they count two things), and two outlets tell rival values in
//    claims alike at least config.number_rivals_min_similarity beside their numbers (the same
//    fact, not two things counted alike); versions are the values as written;
//    at most config.max_number_mentions numbers of the story are compared;
//  - "number" too: a person whose age, written beside the name ("Fatna, 33 ans"), two
//    outlets give differently (person_ages.h); versions "<name as written>, <age>", `about`
//    "<age word>: <name>";
// and, among claims aligned at least config.disagreement_threshold (same article too: a
// caption can contradict its own text):
//  - "date": one date each, same precision, different values;
//  - "place" / "name": one claim names a place (person, organization) the other does not,
//    and the other names one the first does not — needs story entities;
// and, from `quotes`, "quote": one statement printed by at least two outlets in wordings
// that are not trims of one another (translations); a trim is not listed as a version.
// `about` is the fact's label in the story's words (the shared claim, cut; for a number,
// "unit: " before it; for a quote, its speaker or ""): views name the kind in their own
// language. Each version lists every article that tells it that way (claims
// aligned with the disputed one that carry the value). Duplicates are reported once; at most
// config.max_disagreements, quotes last. When `disputed_claims` is given it is sized to the
// claims and set to 1 for every claim that carries a version of a reported number, date,
// place or name disagreement (a summary leaves those out). When `left_out` is given it counts
// the disagreements past config.max_disagreements (up to kMoreCounted). Cost: O(aligned pairs).
std::vector<Disagreement> find_disagreements(const StoryEvidence& evidence, const ClaimSet& claims,
                                             const std::vector<MergedQuote>& quotes,
                                             const SynthResources& resources,
                                             const SynthConfig& config,
                                             std::vector<char>* disputed_claims = nullptr,
                                             size_t* left_out = nullptr);

}  // namespace recoupe::synth
