// SynthResources: the language data the synthesis stage reads (stop words), loaded once.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "synth/contrast_words.h"
#include "synth/sentence_form.h"
#include "text/elisions.h"
#include "text/stopwords.h"

namespace recoupe::synth {

// Folded pronouns standing for one person ("he", « elle »), and the folded words after which
// such a pronoun stands for no one (« il faut », « il y a »).
struct PersonPronouns {
  std::unordered_set<std::string> pronouns;
  std::unordered_set<std::string> impersonal;
};

// Immutable after load(); safe to share across threads. A language without data gets an
// empty stop-word list (synthesis still runs, with noisier terms).
class SynthResources {
 public:
  // Reads the files plain_words/link_words need for every language folder of `data_dir`;
  // stop words come from `stop_words`, which must outlive this object. Never fails (a
  // language without those files has empty lists). Cost: a few ms. `elisions` (the rules
  // that cut text into words, text::word_spans) must outlive this object too.
  static SynthResources load(const std::string& data_dir, const text::StopWordCatalog& stop_words,
                             const text::ElisionRules& elisions);

  // The elision rules that cut text into words (text::word_spans, text::count_words).
  const text::ElisionRules& elisions() const { return *elisions_; }

  // The stop words of `lang`; an empty list for a language not loaded.
  const text::StopWords& stop_words(const std::string& lang) const;
  // The conservative stop words of `lang` (stopwords-snowball.txt: articles, pronouns,
  // auxiliaries, no nouns), or the broad list where there is none: what is left are the
  // weaker content words ("home", « état ») the broad list drops.
  const text::StopWords& function_words(const std::string& lang) const;

  // Folded words that say nothing of an article's angle however often it uses them:
  // reporting verbs (data/<lang>/speech_verbs.txt "verb ="), weekday and month names
  // (weekdays.txt, months.txt). Empty for a language without those files.
  const std::unordered_set<std::string>& plain_words(const std::string& lang) const;
  // Folded weekday and month names (weekdays.txt, months.txt): when something happened.
  const std::unordered_set<std::string>& time_words(const std::string& lang) const;
  // Folded prepositions (speech_verbs.txt "preposition ="): the link words of a noun phrase
  // ("vente d'armes", "poignée de main").
  const std::unordered_set<std::string>& link_words(const std::string& lang) const;
  // Folded words that tie a sentence to the one before (pronouns, connectives, leading
  // prepositions: data/<lang>/dependent_openers.txt): a title opening with one does not
  // stand alone. Empty for a language without that file.
  const std::unordered_set<std::string>& dependent_openers(const std::string& lang) const;
  // Folded words that, opening a sentence, point back at the one before: demonstratives and
  // connectives (data/<lang>/back_reference_openers.txt: « Cette confirmation… », "This
  // includes…", « Mais… »), and phrases of a few words that do ("l'un d'eux", "one of
  // them"). Empty for a language without that file.
  const std::unordered_set<std::string>& back_reference_openers(const std::string& lang) const;
  // Folded words a speaker uses of themselves (data/<lang>/first_person.txt: « je »,
  // « nous », "I", "we"): a sentence opening with one outside quotation marks is someone's
  // speech whose speaker it does not name. Empty for a language without that file.
  const std::unordered_set<std::string>& first_person_words(const std::string& lang) const;
  // The first-person words of one person (first_person.txt lines marked "singular:": "I",
  // "my", « je », « mon »): anywhere outside quotation marks, a columnist's or an unnamed
  // speaker's own voice. Empty for a language without that file.
  const std::unordered_set<std::string>& first_person_singular(const std::string& lang) const;
  // Pronouns standing for one person, and the verbs after which they stand for no one
  // (data/<lang>/person_pronouns.txt). Empty for a language without that file.
  const PersonPronouns& person_pronouns(const std::string& lang) const;
  // Words that tell a main clause from a dependent one (data/<lang>/clause_words.txt).
  // Empty for a language without that file.
  const ClauseWords& clause_words(const std::string& lang) const;
  // Folded word starts that mark a number as revised (data/<lang>/revision_cues.txt:
  // "réévalu", "revis"): an update of a figure, not a dispute. Empty without that file.
  const std::unordered_set<std::string>& revision_cues(const std::string& lang) const;
  // Folded words that, right after a duration, make it an offset between two moments
  // (data/<lang>/offset_cues.txt: "avant", "later", "ago"). Empty without that file.
  const std::unordered_set<std::string>& offset_cues(const std::string& lang) const;
  // Folded words joining the ends of a range of numbers (data/<lang>/range_words.txt: "à",
  // "to"). Empty without that file.
  const std::unordered_set<std::string>& range_words(const std::string& lang) const;
  // Folded words joining the part of a share to its whole (data/<lang>/share_words.txt:
  // "of" in "30 of 207 punches", « sur »). Empty without that file.
  const std::unordered_set<std::string>& share_words(const std::string& lang) const;
  // Folded words that join a counted noun to what it is of (data/<lang>/units.txt "link =":
  // "de", "d'", "of"): "chefs d'État", "heads of state". Empty without that file.
  const std::unordered_set<std::string>& quantity_links(const std::string& lang) const;
  // Folded words that say which way a place lies (data/<lang>/bearing_words.txt: "south",
  // "north-east", « sud-est »): a distance followed by one and a link word is the distance
  // from the place named next ("1,500 kilometers south of Tehran"). Empty without that file.
  const std::unordered_set<std::string>& bearing_words(const std::string& lang) const;
  // Folded ordinal words and the figure they write (data/<lang>/ordinal_words.txt: "sixth"
  // → 6, « sixième » → 6). Empty without that file.
  const std::unordered_map<std::string, int>& ordinal_words(const std::string& lang) const;
  // Folded words that place a moment within a day or week (data/<lang>/relative_dates.txt
  // "part …", "last", "next", "this": « soir », "morning", « dernier »): beside a weekday
  // they say nothing of what happened that day.
  const std::unordered_set<std::string>& moment_words(const std::string& lang) const;
  // Folded words that follow a person's number of years (data/<lang>/person_roles.txt
  // "age:": « ans », "years", "year-old"): an age beside a name (person_ages.h).
  const std::unordered_set<std::string>& age_words(const std::string& lang) const;
  // Contrast words of `lang` (data/<lang>/contrast_words.txt "<set> = form|form", and the
  // weekday names of weekdays.txt as the set "weekday", abbreviations left out). Empty
  // without those files.
  const ContrastLexicon& contrast_words(const std::string& lang) const;

 private:
  // lists[lang], or an empty list for a language without that file.
  const std::unordered_set<std::string>& words_for(
      const std::map<std::string, std::unordered_set<std::string>>& lists,
      const std::string& lang) const;

  const text::StopWordCatalog* stop_words_ = nullptr;
  const text::ElisionRules* elisions_ = nullptr;
  std::map<std::string, std::unordered_set<std::string>> plain_words_, link_words_,
      dependent_openers_, back_reference_openers_, first_person_words_, first_person_singular_,
      revision_cues_, offset_cues_, range_words_, share_words_, time_words_, quantity_links_,
      bearing_words_, moment_words_, age_words_;
  std::map<std::string, std::unordered_map<std::string, int>> ordinal_words_;
  std::map<std::string, ContrastLexicon> contrast_words_;
  std::map<std::string, ClauseWords> clause_words_;
  std::map<std::string, PersonPronouns> person_pronouns_;
  PersonPronouns no_person_pronouns_;
  ClauseWords no_clause_words_;
  std::map<std::string, text::StopWords> function_words_;
  text::StopWords no_stop_words_;
  std::unordered_set<std::string> no_words_;
  std::unordered_map<std::string, int> no_ordinals_;
  ContrastLexicon no_contrasts_;
};

}  // namespace recoupe::synth
