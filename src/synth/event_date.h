// Event date: the day a story's event happened, voted by its articles' own dated statements.
#pragma once

#include <string>

#include "synth/claims.h"
#include "synth/story_evidence.h"

namespace recoupe::synth {

// The day the story happened, as "YYYY-MM-DD", or "XXXX-MM-DD" when the texts give the day
// but no year (a fact-checker is better served by "2 July, year not stated" than by a
// guessed year). Rules:
//  - Votes: every day-precision date an article states is one vote of that article's origin
//    (its outlet, a reprint counting as its original; claims.outlet_of), worth 2 when it
//    stands in the article's first two sentences (the lede tells the event; the body adds
//    background) and 1 elsewhere. An origin votes once per day, at its best weight.
//  - A date without its year ("le 2 juillet") takes a year its sentence states before it
//    ("En 2008, le 2 juillet, …"); otherwise it stays year-less (a year stated farther away
//    is too often another time the article recalls), and its vote goes to the dated day of
//    the same month and day when the story has one.
//  - Days after the latest publication date (or the reference date) are plans, not events:
//    left out.
//  - The most votes win; a tie goes to the later day (follow-up articles restate the event
//    day; background days are older).
//  - No day stated: the earliest publication date; else the reference date; else "".
// Pure; cost linear in the story's dates.
std::string story_event_date(const StoryEvidence& evidence, const ClaimSet& claims);

}  // namespace recoupe::synth
