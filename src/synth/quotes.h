// Quotes of a story merged across its articles.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/cross_check.h"
#include "synth/story_evidence.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::synth {

// The story's entities as quote speakers, looked up by where a speaker is written and by
// its folded name. Built once per story: a big story has thousands of quotes and hundreds of
// entities, and folding every entity's names again for every quote was a twentieth of its
// cross-check. `evidence` and `elisions` must outlive it.
// True when `written` (one folded word) is `surname` (the folded last word of a person's
// name) misspelled: both of at least 4 letters, the same first three letters, and at most
// two edits apart, at most a third of the longer word ("Pandit" for "Panda", "Kirbi" for
// "Kirby"). A name merely beginning alike is another person ("Martinez" / "Martin").
bool misspelled_surname(std::string_view written, std::string_view surname);

class StorySpeakers {
 public:
  StorySpeakers(const StoryEvidence& evidence, const text::ElisionRules& elisions);

  // The canonical name of the person a quote's speaker (as written in article `article`,
  // bytes [begin, end)) refers to: the story entity with a mention there (not a place), else
  // the entity whose name or one of whose aliases equals the folded speaker, else the one
  // person entity whose name ends with the speaker's last word (text::word_spans with
  // `elisions`); else, for a speaker of one word, the person named last before it in the same
  // article whose last name is written a letter or two apart (misspelled_surname); else
  // `written` itself. The first entity in story order when several match. Empty `written`
  // gives "".
  std::string canonical(size_t article, const std::string& written, size_t begin, size_t end) const;

 private:
  struct Mention {
    size_t begin = 0, end = 0;
    const std::string* name = nullptr;
  };
  struct PersonMention {
    size_t begin = 0;
    const std::string* name = nullptr;
    std::string last_word;  // of the entity's folded name
  };
  const text::ElisionRules& elisions_;
  std::vector<std::vector<Mention>> mentions_;  // per article, entities in story order
  // Per article, by position in the text: mentions of persons, and of names of several words
  // typed other.
  std::vector<std::vector<PersonMention>> persons_;
  std::unordered_map<std::string, const std::string*> by_folded_name_;
  // Per last word of a person's folded name: that person, or nullptr when several share it.
  std::unordered_map<std::string, const std::string*> by_last_word_;
};

// Every quote of the story's articles (full statements, and partial quotes with a speaker
// and enough words), merged: two quotes are one statement when their content stems reach
// config.quote_merge_threshold (cosine) or one contains the other, and their speakers agree
// (or one is unknown; very close wordings merge regardless). A merged quote lists its
// wordings in `variants` when there are several. Most-cited first; at most
// config.max_quotes. Only the first config.max_quotes_merged quotes of the story (in article
// order) are merged; *quotes_found, when given, receives how many there were in all.
// Thread-safe (own stemmer). Cost: O(quotes × groups) within a story, bounded by
// max_quotes_merged².
std::vector<MergedQuote> merge_quotes(const StoryEvidence& evidence,
                                      const SynthResources& resources, const SynthConfig& config,
                                      size_t* quotes_found = nullptr);

}  // namespace recoupe::synth
