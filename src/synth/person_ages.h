// PersonAges: the age an article gives a person in an apposition beside the name ("Fatna,
// 33 ans,", "Fatma, cette femme de 34 ans", "John Smith, 45, said", "the 34-year-old Smith"),
// and the persons whose age the story's outlets give differently. An age told beside the
// name is the most checkable fact a story has of a person, and two ages for one person are
// a fact-checker's first question; the claims that carry them often have no other words in
// common ("a déclaré Fatna, 33 ans, lors d'une rencontre…" / "Fatma, la jeune femme de 34
// ans, a été inculpée…"), so claim alignment never sets them side by side.
//
//   for (const AgeRivals& r : age_rivals(evidence, resources.age_words(lang), outlet_of))
//     … r.versions: "Fatma, 34 ans" → articles, "Fatna, 33 ans" → articles
#pragma once

#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "synth/story_evidence.h"

namespace recoupe::synth {

// One age beside one mention of a story entity.
struct PersonAge {
  size_t article = 0;
  int entity = 0;    // index in StoryEvidence::entities
  std::string name;  // the name as this article writes it
  int years = 0;
  std::string age_word;  // the age word as written ("ans", "years"); "" for "45,"
};

// The ages the articles give beside the mentions of the story's entities, in mention order.
// `age_words`: folded words that follow a number of years (data/<lang>/person_roles.txt
// "age:": "ans", "years", "year-old"). Forms read, after the name: ", N <age word>" then a
// comma, period, parenthesis or the end ("Fatna, 33 ans,"); ", N," ("Smith, 45, said");
// ", <article> … de|of|aged N <age word>" up to four words after an article or "aged"
// ("Fatma, la jeune femme de 34 ans"); " (N)"; before the name: "N-<age word> " ("the
// 34-year-old Smith", for a name of two words or more: "the 39-year-old Troy man" ages the
// man). Only entities typed "person". Ages from 1 to 110. Cost: linear in the mentions.
std::vector<PersonAge> person_ages(const StoryEvidence& ev,
                                   const std::unordered_set<std::string>& age_words);

// One person given different ages: versions keyed "<name as written>, <years>[ <age word>]".
struct AgeRivals {
  std::string name;  // the person's name most articles write
  std::string age_word;
  std::map<std::string, std::vector<size_t>> versions;  // → articles
};

// The persons whose ages differ between outlets (`outlet_of`: per article). Mentions of one
// person: one entity, or two entities whose names differ in one letter of one word of four
// letters or more ("Fatma" / "Fatna": one name misspelt, the spelling shows in the versions).
// Left out: a person an article gives two ages (which one the article means is unknown),
// ages further apart than `max_years_apart` (two people of one name, a father and a son),
// and ages all given by one outlet.
std::vector<AgeRivals> age_rivals(const StoryEvidence& ev, const std::vector<PersonAge>& ages,
                                  const std::vector<int>& outlet_of, int max_years_apart);

}  // namespace recoupe::synth
