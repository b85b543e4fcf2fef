// Number slots: which numbers of a story's articles count the same thing. Two outlets giving
// different values for one slot disagree; two different quantities of a story ("a woman of
// 34" and "a child of 2", "a 200 € deposit" and "a 500 € balance") are not compared at all.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "core/quantity.h"
#include "synth/story_evidence.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// One number of an article with what it counts: its unit and the words of its clause around
// it (at most `window` content words on each side, not across , ; : ( ) or a dash).
struct NumberMention {
  size_t article = 0;  // index into StoryEvidence::articles
  size_t begin = 0;    // bytes of that article's text (the quantity, hedge included)
  size_t end = 0;
  size_t clause_begin = 0;  // bytes of the clause around it
  size_t clause_end = 0;
  std::string text;  // as written: "at least 10 people", "751 millions d'euros"
  // Lengths, speeds and masses in one unit of their kind (in_common_unit: "940 miles" as
  // 1,512.8 km); other quantities as the analysis reads them.
  double value = 0.0;
  std::string unit;
  bool converted = false;    // written in another unit than `unit` ("940 miles")
  bool approximate = false;  // "about", "at least", "more than"…
  Approximation approximation = Approximation::kExact;  // which hedge, when approximate
  std::vector<std::string> predicates;  // stems of the lower-case content words near it
  std::vector<std::string> names;       // folded capitalised words of its clause (not the first)
  std::vector<std::string> when;        // weekdays, months and years of its clause
  // The stem of the noun it is of, right after it ("chefs d'État", "heads of state",
  // "millions d'euros de pertes"): what is counted, whatever the words around. Empty when
  // no link word (resources.quantity_links) follows. For a distance, the place it is from
  // when a bearing names it ("1,500 kilometers south of Tehran": "@tehran";
  // resources.bearing_words).
  std::string of;
  // When its clause describes the name just before it, in apposition after a comma ("Qeshm
  // island, home to 120,000 people", "Bandar Abbas, a city of 500,000"): the folded
  // capitalised words of that clause before (not the sentence's first word).
  std::vector<std::string> described;
};

// Content words read on each side of a number for its slot.
inline constexpr size_t kNumberContextWords = 4;

// The numbers of one article (`analysis` is its analysis) read under the story language
// `language`, in text order, each with article = 0. Left out: numbers without a unit (a bare
// count is too weak to compare), and numbers in a clause that reports a revision
// (resources.revision_cues: "réévaluée à", "revised", "new toll"): an update is no dispute.
// Pure; cost linear in the article's text. Kept with the article's reading
// (ArticleReading::numbers), as it depends on nothing else of the story.
std::vector<NumberMention> article_number_mentions(const Article& article,
                                                   const ArticleAnalysis& analysis,
                                                   const std::string& language,
                                                   const SynthResources& resources,
                                                   size_t window = kNumberContextWords);

// The story's numbers, in article then text order (article_number_mentions of each article
// with its index): taken from the evidence's readings when it carries them under the story
// language, else read here. Cost: linear in the story's text, or in its numbers when read.
std::vector<NumberMention> number_mentions(const StoryEvidence& evidence,
                                           const SynthResources& resources);

// True when `a` and `b` count the same thing: the same unit, at least one shared predicate,
// shared context words making at least `min_shared` of the smaller context, no two
// different names (when both have names, they share one), and no two different times (when
// both clauses say when, "on Sunday" / "in September", they share a word). When both say
// what they are of, that decides instead of the shared words: "90 chefs d'État" and "80
// chefs d'Etat dans les tribunes" count one thing, "40 chefs de service" another (for a
// duration, the complement only tells two things apart).
bool same_slot(const NumberMention& a, const NumberMention& b, double min_shared = 0.34);

// True when `a` and `b` say they count in different settings: both name something and share
// no name, both say when and share no time word, or both say what they are of and differ.
bool set_apart(const NumberMention& a, const NumberMention& b);

// True when `a` and `b` describe one named thing with the same words ("Qeshm island, home to
// 120,000 people" / "near Qeshm Island, home to 200,000 people"): both clauses are
// appositions of a name they share, and say the same of it (the same predicates). Two
// outlets' figures for it are one fact however unlike the rest of their sentences.
bool describe_one_thing(const NumberMention& a, const NumberMention& b);

// True when two values are more than ten times apart: they count different things (a total
// and a part, a past disaster's toll and this one's), whatever their slot.
bool far_apart(double a, double b);

// True when the two values can both be right: equal; amounts of 1,000 or more within
// `tolerance` (relative) of each other, as print rounds them ("5 milliards" and "4,91
// milliards"); within 15 % when either is hedged ("about 40" and "42"), but
// never above a value hedged "nearly" ("almost 90 percent" and "93.87 percent" differ); a value on
// the side of a bound ("more than 50 percent" and "93.87 percent", "over 10 seconds" and "30
// seconds": a bound states no value), unless both are bounds of one direction ("more than
// 26,000" and "more than 31,000" give two figures). "At least seven people" is not a bound
// here: news gives a running toll that way, and "at least seven" against "10" is two tolls;
// "at least two ladder trucks" is one (within_bound). Small exact values
// that differ do differ (33 and 34 years; magnitude 5.9 and 6.1). Values far_apart count
// different things and are compatible too: not the same fact. A value converted from another
// unit is compared within `tolerance`: an outlet giving a distance in miles rounds it.
bool compatible_values(const NumberMention& a, const NumberMention& b, double tolerance = 1.05);

// True when `a` and `b` are bounds of one direction: both "more than", or both "less than".
bool same_bound(const NumberMention& a, const NumberMention& b);

// True when `bound` is "more than" / "less than" a value, or "at least" / "at most" a count
// of anything but people, and `value` lies on its side.
bool within_bound(const NumberMention& bound, double value);

// Groups of mentions of one slot: each mention joins the group where it matches (same_slot)
// more than half of the members (or half of them, when no member is told in another place,
// time or of another noun), the group with most matches; else it starts a group.
// Mentions of one article never match each other. Cost: O(mentions²) comparisons, each
// cheap; the caller caps the number of mentions.
std::vector<std::vector<size_t>> number_slots(const std::vector<NumberMention>& mentions);

}  // namespace recoupe::synth
