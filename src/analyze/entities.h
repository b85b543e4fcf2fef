// Named entities of an article: persons, places, organizations and other names, with their
// mentions merged into entities (aliases.h).
//
//   auto res = EntityResources::load(text::find_data_dir());   // once, at start-up
//   std::vector<Entity> ents = find_entities(article.text, "fr", *res);
//
// Tagging: a language with a model (data/ner/<lang>.model: fr, de, nl, en) is tagged by the
// averaged-perceptron tagger (ner_model.h) with gazetteer and cue features. Any other
// language falls back to rules: runs of capitalised words (a sentence-initial stop word
// dropped; a lone sentence-initial word kept only if the gazetteer or a cue supports it),
// typed place when the gazetteer knows the whole run, else by the context cue of the
// language (data/<lang>/ner_cues.txt) when there is one, else other.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyze/aliases.h"
#include "analyze/gazetteer.h"
#include "analyze/ner_corpus.h"
#include "analyze/ner_features.h"
#include "analyze/ner_model.h"
#include "analyze/person_roles.h"
#include "core/entity.h"
#include "core/expected.h"
#include "text/elisions.h"
#include "text/stopwords.h"

namespace recoupe::analyze {

// Everything the entity finder reads from data/, loaded once. Immutable after load; every
// const method is thread-safe. Memory ≈ 60 MB (gazetteer ≈ 40, models ≈ 5 each).
class EntityResources {
 public:
  // Loads data/gazetteer/places.tsv.zst, data/ner/<lang>.model for every model present,
  // data/<lang>/ner_cues.txt and stopwords.txt for every language folder, and
  // data/aliases/exonyms.tsv. Error when the gazetteer or a present model cannot be read.
  // Cost: ≈ 0.5 s.
  // Stop words come from `stop_words` (lower-cased here); `elisions` (the tokenizer's, loaded
  // once by engine::Resources) must outlive this object.
  static Expected<EntityResources> load(const std::string& data_dir,
                                        const text::StopWordCatalog& stop_words,
                                        const text::ElisionRules& elisions);

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const AliasData& aliases() const { return aliases_; }
  // Elided words split off by the tokenizer (data/<lang>/elisions.txt).
  const text::ElisionRules& elisions() const { return *elisions_; }
  const NerModel* model(const std::string& lang) const;  // nullptr: no model for lang
  const NerCues& cues(const std::string& lang) const;    // empty when none
  bool is_stopword(const std::string& lang, const std::string& lower) const;
  // True when `lower` is a word that ends organisation names ("institute", "ministère",
  // "université"), from data/<lang>/org_heads.txt of every language: organisations keep
  // their name across languages ("Stockholm International Peace Research Institute" in French).
  bool is_org_head(const std::string& lower) const { return org_heads_.count(lower) > 0; }
  // True when `lower` opens street and public-place names of `lang` in lower case ("rue",
  // "quai", "place": data/<lang>/street_heads.txt; none for languages without the file).
  bool is_street_head(const std::string& lang, const std::string& lower) const;
  // True when `lower` is a weekday's full name in `lang` ("friday", « vendredi »: the first
  // variant of each line of data/<lang>/weekdays.txt).
  bool is_weekday(const std::string& lang, const std::string& lower) const;
  // Role words of the appositions that make a name a person's (data/<lang>/person_roles.txt;
  // empty for a language without the file).
  const PersonRoles& person_roles(const std::string& lang) const;
  std::vector<std::string> model_languages() const;

 private:
  std::shared_ptr<const Gazetteer> gazetteer_ = std::make_shared<Gazetteer>();
  AliasData aliases_;
  const text::ElisionRules* elisions_ = nullptr;
  std::map<std::string, NerModel> models_;
  std::map<std::string, NerCues> cues_;
  std::map<std::string, std::unordered_set<std::string>> stopwords_;
  std::unordered_set<std::string> org_heads_;
  std::map<std::string, std::unordered_set<std::string>> street_heads_;
  std::map<std::string, std::unordered_set<std::string>> weekdays_;
  std::map<std::string, PersonRoles> person_roles_;
  NerCues no_cues_;
  PersonRoles no_roles_;
};

// How to tag: the language's model (rules when it has none), the rules with cues, or the
// evaluation baseline (capitalised runs + gazetteer, typed place by the gazetteer, else other).
enum class NerMethod { automatic, rules, baseline };

// One tag per token (ner_model.h numbering) for tokens already annotated with `ann`.
std::vector<uint8_t> tag_tokens(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann,
                                const std::string& lang, const EntityResources& res,
                                NerMethod method = NerMethod::automatic);

// The entity spans of tagged tokens after the clean-ups find_mentions applies (eval-ner
// scores these): a multi-word country, region or big-city name of the gazetteer that the
// tagger tagged in part becomes one place ("Corée du Nord"); a lone capitalised word right
// before a person name joins it ("Vladimir" + "Poutine"); capitalised words right after a
// span inside a sentence join it ("Maison" + "Blanche"); a run of capitalised words inside a
// sentence that the tagger tagged in part and that ends in an organisation head word
// (EntityResources::is_org_head) becomes one organisation ("Stockholm International Peace
// Research Institute"), and any span ending in such a word is typed organisation; a person
// holding a digit is retyped other ("Covid-19"); a span is cut where a sentence
// starts; leading punctuation, elisions, lower-case words and a sentence-initial stop word
// are dropped ("Le Kremlin" at a sentence start → "Kremlin"; a place the tagger opens on a
// street word keeps it: "rue de Rennes", EntityResources::is_street_head), and so are trailing
// punctuation and lower-case words; spans without a capitalised word, made only of stop
// words, or one sentence-initial word that the text also writes in lower case, are dropped.
// Untagged runs inside a sentence: a major place of the gazetteer is a place; one after a
// person or organisation cue takes its type (an article alone is no cue there); two or more
// capitalised words, none a stop word, are a name typed other (not in texts that capitalise
// nouns). A hyphenated word opening on a given name is a person ("Kim-Jong-Un"); a sentence-initial
// surname of a person the text names in full is that person ("Poutine a promis"). A name in
// apposition to a role ("Rama Yade, secrétaire d'État", person_roles.h) is a person, tagged or
// not; a title reached through a stop word or an elision names an office, not the name after
// it ("secrétaire d'État"); a lone word read as a person right after an elided article is
// dropped ("les droits de l'Homme").
std::vector<TagSpan> refine_spans(const std::vector<NerToken>& toks,
                                  const std::vector<NerAnnot>& ann, std::vector<uint8_t> tags,
                                  const std::string& lang, const EntityResources& res);

// The typed mentions of `text` before merging, in text order. Each mention's text is
// exactly text[begin, end). Any valid or invalid UTF-8 is accepted. Cost: linear;
// ≈ 10–20 MB/s per core with a model.
std::vector<TypedMention> find_mentions(std::string_view text, const std::string& lang,
                                        const EntityResources& res,
                                        NerMethod method = NerMethod::automatic);

// find_mentions, merged into entities (aliases.h: merge_mentions). Entities in order of
// first mention. `articles` is left empty (the caller knows the article id).
std::vector<Entity> find_entities(std::string_view text, const std::string& lang,
                                  const EntityResources& res);

// Sets each mention's `sentence` to the index of the last sentence starting at or before
// it, given the sentences' begin offsets in increasing order.
void assign_sentences(std::vector<Entity>& entities, const std::vector<size_t>& sentence_begins);

}  // namespace recoupe::analyze
