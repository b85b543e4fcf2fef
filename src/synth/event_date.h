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
//  - A day written after "depuis", "since" (DateMention::since: "incarcéré depuis le 8
//    février") starts a state the article reports as still lasting, so the article tells
//    something later: no vote.
//  - The most votes win; on equal votes, the day more origins state in their lede (the same
//    sum from more origins means more of it deep in the body, where background is told); then
//    the later day (follow-up articles restate the event day; background days are older).
//  - A winning day without its year takes the year the story's weekdays tell, when they tell
//    one: the days its articles write with a weekday and no year ("mercredi 2 juillet",
//    DateMention::weekday) fit only a few years (the calendar repeats after 5, 6 or 11
//    years). The year is the latest year the articles state ("en 2007", "mars 2008") in
//    which at least three quarters of those weekdays fall right (all when fewer than four);
//    else the first such year after the latest stated year (news tells what happened after
//    what it recalls). No weekday written, no year stated, or written weekdays that no year
//    fits together (two years mixed): the day stays year-less. The day then takes that year,
//    or the one before or after when that puts it nearer those weekday-written days ("31
//    décembre" told on "lundi 5 janvier"). A stated year is never overridden: the rule only
//    dates a day that has none.
//  - No day stated: the earliest publication date; else the reference date; else "".
// Pure; cost linear in the story's dates (times the few stated years and 28 candidates).
std::string story_event_date(const StoryEvidence& evidence, const ClaimSet& claims);

}  // namespace recoupe::synth
