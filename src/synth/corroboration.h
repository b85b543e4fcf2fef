// Corroborated and single-source facts of a story, from its aligned claims.
#pragma once

#include <cstdint>
#include <vector>

#include "core/cross_check.h"
#include "synth/claims.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// Facts stated by two or more independent outlets (near-duplicates and one outlet's several
// articles count once), most corroborated first; each fact once (a claim aligned with one
// already listed is not listed again); quotations left to quotes.h. Each cites its support.
// A wording that does not stand alone as a fact (a sentence's tail, or its head cut at a
// comma before the main verb: sentence_form.h) is left out; another outlet's may be listed.
// At most config.max_corroborated. Cost: O(claims log claims + claims × aligned).
std::vector<CorroboratedClaim> corroborated_claims(const StoryEvidence& evidence,
                                                   const ClaimSet& claims,
                                                   const SynthResources& resources,
                                                   const SynthConfig& config);

// Facts stated by one outlet only, with no aligned claim in any other outlet (not even a
// conflicting one: that is a disagreement), and no number (with its unit) that another
// outlet states too (then the claim tells a shared fact, whatever it adds), and no figure
// (in digits, or a count in words, above 2) that a claim of another outlet writes with
// config.single_source_figure_terms terms in common. A claim opening with a word that points
// back at the sentence before it (resources.back_reference_openers: « Cette confirmation… »,
// "This includes…") does not say alone what it is about: left out. Only informative claims
// (an entity or name, a number or a date), ranked by how much they carry and by novelty (share of
// their weight in terms no other outlet uses, × config.novelty_weight); at most
// config.max_single_source_per_article per article and config.max_single_source in all.
// A candidate most of whose words one sentence of another outlet holds (config.
// single_source_max_cover) is told there in other words, unless it gives a figure (with its
// unit) no other outlet gives: it keeps its rank, empty. Of the
// first `visible_ranks` ranks, *visible_items are listed items (the first of those returned);
// the items returned after them lie past those ranks (counted as "+N more" by the caller).
std::vector<SingleSourceClaim> single_source_claims(
    const StoryEvidence& evidence, const ClaimSet& claims, const SynthResources& resources,
    const SynthConfig& config, size_t visible_ranks = SIZE_MAX, size_t* visible_items = nullptr);

// Article ids of `indices` (article indices), in story order.
std::vector<std::string> article_ids(const StoryEvidence& evidence,
                                     const std::vector<size_t>& indices);

}  // namespace recoupe::synth
