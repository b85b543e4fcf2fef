// PronounReferents: whether the person a sentence's opening pronoun stands for ("He has 189
// rushing yards…", « Il a rappelé… ») is settled by its article. Read alone, as a
// single-source fact, or as the holder of a figure set against another outlet's, a sentence
// whose person its article leaves open is about no one the reader can name.
//
//   const PronounReferents referents(evidence, resources.person_pronouns(lang), elisions);
//   if (referents.unsettled(article, sentence, sentence_text)) …
#pragma once

#include <cstddef>
#include <string_view>

#include "synth/story_evidence.h"
#include "synth/synth_resources.h"
#include "text/elisions.h"

namespace recoupe::synth {

// Sentences read back from a pronoun for the person it stands for.
inline constexpr size_t kPronounLookBack = 4;

class PronounReferents {
 public:
  // Borrows all three; finds the story's most named person once.
  PronounReferents(const StoryEvidence& evidence, const PersonPronouns& words,
                   const text::ElisionRules& elisions);

  // True when `text`, which opens sentence `sentence` of article `article`, opens on a
  // pronoun standing for one person (not followed by an impersonal verb: « Il faut », « Il y
  // a ») and the article does not settle who: going back from the sentence before it, the
  // first sentence naming people (within kPronounLookBack) names several, none of them the
  // story's most named person ("In Bush's absence, running back Pierre Thomas has…" before
  // "He has 189 rushing yards", in a story about several players). One person named there,
  // or the story's subject among them, or no one named: the reader of the article knows who
  // it is. A text opening on a quotation mark is speech, not a pronoun of the writer's.
  // Cost: O(look-back × story entities' mentions).
  bool unsettled(size_t article, size_t sentence, std::string_view text) const;

 private:
  const StoryEvidence& ev_;
  const PersonPronouns& words_;
  const text::ElisionRules& elisions_;
  size_t most_named_;  // index into ev_.entities; entities.size() when none stands out
};

}  // namespace recoupe::synth
