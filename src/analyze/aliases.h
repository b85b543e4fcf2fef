// Alias merging: which mentions of an article, and which entities of the articles of one
// story, name the same thing.
//
// How the merge decides (the same two steps inside an article and across a story):
//  1. Keys. A name is cut into words (spaces, hyphens, apostrophes) and each word is
//     reduced by text::translit_key() (text/fold.h): case, diacritics and punctuation dropped, then
//     the transliteration families tsch/tch→ch, zh→j, dj→j, kh→h, ph→f, ck→k, x→ks, w→v, y→i, ou→u,
//     gue/gui→ge/gi, final -ij→-i, final -ine→-in, doubled letters single. So "Kim Jong-un", "Kim
//     Jong-Un", "Kim Jong Un" and "Kim-Jong-Un" all give [kim, jong, un]; "Vostotchny", "Vostochny"
//     and "Wostotschny" give [vostochni]. A word or whole name listed in data/aliases/exonyms.tsv
//     is then replaced by its family's first member ("Poutine" → "putin", "Choïgou" → "shoigu"). A
//     place (typed place or other) found in the gazetteer gets the gazetteer id as its key instead,
//     so "Russie" = "Russia" = "Russland"; a country, region or big city tagged person or
//     organisation ("Washington a affirmé") also gets it, so it joins the place when the place is
//     named too (majority type).
//  2. Same key → same entity. Its type is the majority type of its mentions (on ties: place
//     when the gazetteer knows the name, else the type seen first): "le Kremlin" typed
//     organization stays an organization.
//  3. Short forms. A name whose words are a contiguous run of the words of a longer name
//     ("Kim" in "Kim Jong-un", "Poutine" in "Vladimir Poutine") joins the longest such name,
//     provided the longer name is a person, and the short one is typed person or other (or
//     place without a gazetteer entry: a tagger's guess, not a known place).
//  REFUSES (keeps the short form as an entity of its own) when the short form fits two or
//  more distinct longer names ("Kim" with both "Kim Jong-un" and "Kim Yo-jong"), or when a
//  two-word name of another type, not a known place, ends with it (the tagger's "Tyler
//  Hansbrough" as an organisation beside the person "Gene Hansbrough"); never links
//  an organization or a known place to a person ("Washington" the city stays apart from
//  "George Washington"); never links places by short forms ("Corée" is not "Corée du Nord").
//  4. Titles. A name opening on titles (data/aliases/titles.txt: "President Obama", "Qeshm
//     Governor Mehdi Irannejad") joins the one person whose name the words after the last
//     title end ("Barack Obama"), whatever the tagger typed it; it then names no entity.
//  5. Surnames by spelling, within an article: a one-word organisation, or a city or town of
//     the gazetteer ("Obama", "Woodward"), joins the one person named in full before it whose
//     name ends with it, when no other name holds the word.
//  A word of data/aliases/openers.txt opening a name ("The", "When") is left out of its keys.
//  At story level, only each entity's fullest names (not its short forms) are used as keys
//  in step 2, so a bare "Kim" resolved in one article cannot glue two people together.
// The canonical name is the most frequent full (non-short) surface, then the longest, then
// the first seen.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/gazetteer.h"
#include "core/entity.h"

namespace recoupe::analyze {

// The data the merge uses: exonym families and the gazetteer. Immutable after load;
// thread-safe. A default-constructed AliasData merges by spelling only.
class AliasData {
 public:
  AliasData() = default;

  // Reads data/aliases/exonyms.tsv (one family a line, variants separated by tabs, the first
  // being the family's name; '#' starts a comment), data/aliases/titles.txt and
  // data/aliases/openers.txt (one word a line). Missing files: none of those.
  static AliasData load(const std::string& data_dir, std::shared_ptr<const Gazetteer> gazetteer);

  // Adds one family of equivalent names (tests use it).
  void add_family(const std::vector<std::string>& names);
  // Adds a word written before a person's name that is no part of it: an office, an honorific
  // or a trade ("President", "Mrs", "Coach", « Me »). Tests use it.
  void add_title(std::string_view word);
  // Adds a word that opens no name, taken into a name at a sentence start ("The", "When").
  void add_opener(std::string_view word);

  // Word keys of a name, exonyms applied, a leading opener dropped ("The Washington Post" and
  // "Washington Post" have one key).
  std::vector<std::string> name_keys(std::string_view name) const;

  // The keys of a name after the titles before it ("President Barack Obama" → [barack,
  // obama], "London Mayor Sadiq Khan" → [sadiq, khan]): the words after the last title word;
  // empty when no title word is followed by a word.
  std::vector<std::string> keys_after_title(const std::vector<std::string>& keys) const;

  // A person's name as written without the titles before it: "President Kurbanguly
  // Berdymukhamedov" → "Kurbanguly Berdymukhamedov", "Central Mat-Su Fire Department Chief
  // James Steele" → "James Steele"; `name` itself when no title word is followed by a word.
  std::string without_titles(std::string_view name) const;

  const Gazetteer* gazetteer() const { return gazetteer_.get(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> exonyms_;  // joined keys → family
  std::unordered_set<std::string> titles_;                             // keys of title words
  std::unordered_set<std::string> openers_;  // keys of words that open no name
  std::shared_ptr<const Gazetteer> gazetteer_;
};

// One typed mention found in an article.
struct TypedMention {
  Mention mention;
  EntityType type = EntityType::other;
};

// Groups the mentions of one article into entities (rules above). Entities come in order of
// first mention; each entity's mentions in text order. Cost: O(n log n + g²·w) for n
// mentions, g distinct names of w words.
std::vector<Entity> merge_mentions(const std::vector<TypedMention>& mentions,
                                   const AliasData& data);

// Merges the entities of the articles of one story (rules above). An entity's `articles`
// names its article; when empty, the article is the index in `per_article` ("0", "1", …);
// each mention gets its article id. Cost as above over the distinct names.
std::vector<Entity> merge_entities(std::vector<std::vector<Entity>> per_article,
                                   const AliasData& data = AliasData{});

}  // namespace recoupe::analyze
