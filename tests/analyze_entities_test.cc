#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyze/entities.h"
#include "shipped_resources.h"
#include "text/data_dir.h"

namespace recoupe::analyze {
namespace {

const EntityResources& resources() {
  static const auto* res = [] {
    auto r = EntityResources::load(text::find_data_dir(),
                                   recoupe::testing::shipped_resources().stop_words(),
                                   recoupe::testing::shipped_resources().elisions());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
    return new EntityResources(std::move(*r));
  }();
  return *res;
}

const Entity* with_alias(const std::vector<Entity>& ents, const std::string& alias) {
  for (const auto& e : ents)
    for (const auto& a : e.aliases)
      if (a == alias) return &e;
  return nullptr;
}

TEST(NerTokens, OffsetsElisionsAndAbbreviations) {
  std::string text = "M. Poutine a parlé à l'agence TASS.\nRussia's army";
  auto toks = tokenize_for_ner(text, resources().elisions());
  std::vector<std::string> words;
  for (const auto& t : toks) {
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text);
    words.push_back(t.text);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"M", ".", "Poutine", "a", "parlé", "à", "l'", "agence",
                                             "TASS", ".", "Russia", "'s", "army"}));
  EXPECT_FALSE(toks[2].sent_start);  // "M." is an abbreviation
  EXPECT_TRUE(toks[10].sent_start);
  EXPECT_TRUE(toks[8].all_caps);
  EXPECT_EQ(word_shape("Kim-Jong"), "Xxx-Xxx");
}

TEST(NerModel, TrainsSavesAndLoadsTheSameTagger) {
  NerCues cues;
  NerTrainer trainer;
  for (int k = 0; k < 20; ++k) {
    auto toks = tokens_from_words({"Hier", ",", "Jean", "Dupont", "est", "allé", "à", "Lyon", "."});
    auto ann = annotate(toks, nullptr, cues);
    trainer.add(toks, ann, {0, 0, 1, 2, 0, 0, 0, 3, 0});
  }
  NerModel model = trainer.train(NerTrainConfig{});
  auto path = (std::filesystem::temp_directory_path() / "recoupe_ner_test.model").string();
  ASSERT_TRUE(model.save(path).ok());
  auto loaded = NerModel::load(path);
  ASSERT_TRUE(loaded.ok());
  auto toks = tokens_from_words({"Hier", ",", "Jean", "Dupont", "est", "allé", "à", "Lyon", "."});
  auto ann = annotate(toks, nullptr, cues);
  EXPECT_EQ(loaded->tag(toks, ann), (std::vector<uint8_t>{0, 0, 1, 2, 0, 0, 0, 3, 0}));
  EXPECT_EQ(loaded->tag(toks, ann), model.tag(toks, ann));
  std::ofstream(path) << "garbage";
  EXPECT_FALSE(NerModel::load(path).ok());
  std::filesystem::remove(path);
}

TEST(Entities, FrenchNewsSentence) {
  std::string text =
      "Le président russe Vladimir Poutine a reçu Kim Jong-un mercredi au cosmodrome de "
      "Vostotchny, en Russie. Poutine a promis son aide à la Corée du Nord, selon le Kremlin.";
  auto ents = find_entities(text, "fr", resources());
  const Entity* putin = with_alias(ents, "Vladimir Poutine");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->type, EntityType::person);
  EXPECT_EQ(with_alias(ents, "Poutine"), putin);
  ASSERT_NE(with_alias(ents, "Russie"), nullptr);
  EXPECT_EQ(with_alias(ents, "Russie")->type, EntityType::place);
  ASSERT_NE(with_alias(ents, "Corée du Nord"), nullptr);
  EXPECT_EQ(with_alias(ents, "Corée du Nord")->type, EntityType::place);
  for (const auto& e : ents)
    for (const auto& mm : e.mentions) EXPECT_EQ(text.substr(mm.begin, mm.end - mm.begin), mm.text);
}

// refine_spans on a written French text whose tagger output is given: `tagged` sets the tag
// of the n-th occurrence (0-based) of a word; the rest is O. Returns "text/TYPE" per span.
struct GivenTag {
  std::string word;
  int occurrence;
  NerType type;
  bool inside = false;
};
std::vector<std::string> refined(const std::string& text, const std::vector<GivenTag>& tagged,
                                 const std::string& lang = "fr") {
  auto toks = tokenize_for_ner(text, resources().elisions());
  auto ann = annotate(toks, &resources().gazetteer(), resources().cues(lang));
  std::vector<uint8_t> tags(toks.size(), 0);
  for (const GivenTag& g : tagged) {
    int seen = 0;
    for (size_t i = 0; i < toks.size(); ++i)
      if (toks[i].text == g.word && seen++ == g.occurrence)
        tags[i] = static_cast<uint8_t>(g.inside ? inside_tag(g.type) : begin_tag(g.type));
  }
  const char* names[] = {"PER", "LOC", "ORG", "MISC"};
  std::vector<std::string> out;
  for (const TagSpan& s : refine_spans(toks, ann, tags, lang, resources())) {
    std::string words;
    for (size_t k = s.begin; k < s.end; ++k) words += (k > s.begin ? " " : "") + toks[k].text;
    out.push_back(words + "/" + names[s.type]);
  }
  return out;
}

// A weekday the tagger took into a name says when: "Gene Marsden Friday" is Gene Marsden, "the
// Portville Herald on Thursday" the Herald. After one word that is no known place it may be
// the name ("Black Friday").
TEST(RefineSpans, AWeekdayAfterANameIsNoPartOfIt) {
  EXPECT_EQ(
      refined("The mayor thanked Gene Marsden Friday for his help.",
              {{"Gene", 0, kPer}, {"Marsden", 0, kPer, true}, {"Friday", 0, kPer, true}}, "en"),
      (std::vector<std::string>{"Gene Marsden/PER"}));
  EXPECT_EQ(refined("The mayor wrote to the Portville Herald on Thursday about the fire.",
                    {{"Portville", 0, kOrg},
                     {"Herald", 0, kOrg, true},
                     {"on", 0, kOrg, true},
                     {"Thursday", 0, kOrg, true}},
                    "en"),
            (std::vector<std::string>{"Portville Herald/ORG"}));
  EXPECT_EQ(refined("The shops opened early for Black Friday this year.",
                    {{"Black", 0, kMisc}, {"Friday", 0, kMisc, true}}, "en"),
            (std::vector<std::string>{"Black Friday/MISC"}));
}

// An article alone before a capitalised word the tagger left out does not make it an
// organisation; a cue word still types the word it announces.
TEST(RefineSpans, ArticleAloneIsNoCueForAMissedWord) {
  EXPECT_EQ(refined("Il entre à la Régie en mai, selon l'agence Marvelle.", {}),
            (std::vector<std::string>{"Marvelle/ORG"}));
}

// Two capitalised words inside a sentence that the tagger left out are a name, typed other;
// not in a text too short to tell whether it capitalises nouns.
TEST(RefineSpans, CapitalisedPairInsideASentenceIsAName) {
  const std::string filler =
      "La cérémonie a été suivie par des milliers de spectateurs dans le stade, et les "
      "organisateurs ont expliqué plus tard que la chanson avait été enregistrée la veille "
      "par une autre enfant, parce que la première ne chantait pas assez juste pour la "
      "télévision selon eux. ";
  auto spans = refined(filler +
                           "Une autre fillette du même âge, Yang Peiyi, chantait en "
                           "réalité dans les coulisses pendant toute la soirée.",
                       {});
  EXPECT_EQ(spans, (std::vector<std::string>{"Yang Peiyi/MISC"}));
  EXPECT_TRUE(refined("Une autre fillette, Yang Peiyi, chantait.", {}).empty());
}

// An article right before a name the tagger reads as a person makes it an organisation
// (persons take no article: "le Marvelle"); an article one word away does not ("le petit
// Marvelle", "l'abbé Marvelle": the article belongs to the word between).
TEST(RefineSpans, ArticleOneWordAwayKeepsAPerson) {
  EXPECT_EQ(refined("Il a vu le petit Marvelle hier.", {{"Marvelle", 0, kPer}}),
            (std::vector<std::string>{"Marvelle/PER"}));
  EXPECT_EQ(refined("Il a parlé à l'abbé Marvelle hier.", {{"Marvelle", 0, kPer}}),
            (std::vector<std::string>{"Marvelle/PER"}));
  EXPECT_EQ(refined("Il a vu le Marvelle hier.", {{"Marvelle", 0, kPer}}),
            (std::vector<std::string>{"Marvelle/ORG"}));
}

// A hyphenated name opening on a given name is a person, whatever the tagger guessed.
TEST(RefineSpans, HyphenatedNameOpeningOnAGivenNameIsAPerson) {
  EXPECT_EQ(refined("Visite surprise : Kim-Jong-Un en Russie.", {{"Kim-Jong-Un", 0, kLoc}}),
            (std::vector<std::string>{"Kim-Jong-Un/PER", "Russie/LOC"}));
}

// A sentence-initial surname of a person the text names in full is that person; another
// sentence-initial capitalised word is not tagged for it.
TEST(RefineSpans, SentenceInitialSurnameOfAPersonNamedInFull) {
  auto spans = refined(
      "Le ministre Paul Marvelle est arrivé. Marvelle a promis une aide. "
      "Ensuite il est reparti.",
      {{"Paul", 0, kPer}, {"Marvelle", 0, kPer, true}});
  EXPECT_EQ(spans, (std::vector<std::string>{"Paul Marvelle/PER", "Marvelle/PER"}));
  EXPECT_EQ(refined("Marvelle a promis une aide.", {}), std::vector<std::string>{});
}

// A name followed by a person's apposition (a comma, lead words, then a role word) is a
// person, whatever the tagger guessed; an article after the comma leads only when no stop
// word announces the name (else it opens a clause), and a country stays a place.
TEST(RefineSpans, AnAppositionWithARoleMakesAPerson) {
  EXPECT_EQ(refined("Puis vint le tour de Rama Marvelle, secrétaire d'État, hier.",
                    {{"Rama", 0, kLoc}, {"Marvelle", 0, kLoc, true}}),
            (std::vector<std::string>{"Rama Marvelle/PER"}));
  EXPECT_EQ(refined("Il a vu Paul Marvelle, ancien porte-parole du parti, hier.",
                    {{"Paul", 0, kOrg}, {"Marvelle", 0, kOrg, true}}),
            (std::vector<std::string>{"Paul Marvelle/PER"}));
  EXPECT_EQ(refined("Il a cité Jean Marvelle, le maire de la ville, hier.",
                    {{"Jean", 0, kMisc}, {"Marvelle", 0, kMisc, true}}),
            (std::vector<std::string>{"Jean Marvelle/PER"}));
  EXPECT_EQ(refined("Il a vu Marvelle, 33 ans, hier.", {{"Marvelle", 0, kLoc}}),
            (std::vector<std::string>{"Marvelle/PER"}));
  EXPECT_EQ(refined("Selon Marvelle, le ministre a menti.", {{"Marvelle", 0, kOrg}}),
            (std::vector<std::string>{"Marvelle/ORG"}));
  EXPECT_EQ(refined("Il y avait les patrons d'Orvalle, un représentant de l'État et moi.",
                    {{"Orvalle", 0, kOrg}}),
            (std::vector<std::string>{"Orvalle/ORG"}));
  EXPECT_EQ(refined("Il vit en Marvellie, capitale du pays.", {{"Marvellie", 0, kLoc}}),
            (std::vector<std::string>{"Marvellie/LOC"}));
  EXPECT_EQ(refined("Il est allé en France, ministre en tête.", {{"France", 0, kLoc}}),
            (std::vector<std::string>{"France/LOC"}));
  EXPECT_EQ(refined("Il est allé à Marvelle, 20 ans après la guerre.", {{"Marvelle", 0, kLoc}}),
            (std::vector<std::string>{"Marvelle/LOC"}));
}

// A title whose complement follows it through a stop word or an elision names an office, not
// a person: "le secrétaire d'État", "le ministre de la Santé"; one word away through another
// word it still types the name ("le président russe Marvelle").
TEST(RefineSpans, ATitlesComplementIsNoPerson) {
  EXPECT_EQ(refined("Il a rencontré le secrétaire d'État hier soir.", {}),
            std::vector<std::string>{});
  EXPECT_EQ(refined("Il a rencontré le ministre de Marvelle hier soir.", {}),
            std::vector<std::string>{});
  EXPECT_EQ(refined("Il a rencontré le président russe Marvelle hier soir.", {}),
            (std::vector<std::string>{"Marvelle/PER"}));
}

// A lone word read as a person right after an elided article is a common noun written with
// a capital ("les droits de l'Homme"); after another elision it stays a name ("d'Artagnan").
TEST(RefineSpans, APersonTakesNoElidedArticle) {
  EXPECT_EQ(refined("Ils défendent les droits de l’Homme partout.", {{"Homme", 0, kPer}}),
            std::vector<std::string>{});
  EXPECT_EQ(refined("Ils ont vu d'Artagnan hier soir.", {{"Artagnan", 0, kPer}}),
            (std::vector<std::string>{"Artagnan/PER"}));
}

// Cues match whichever apostrophe the text writes, and a cue ending in an elision ("l'")
// matches at all (it used to be cut into a word and a lone apostrophe).
TEST(NerCues, TypographicApostrophesAndElidedCuesMatch) {
  NerCues cues;
  cues.add(kOrg, true, "l'agence", resources().elisions());
  cues.add(kLoc, true, "d'", resources().elisions());
  auto toks = tokenize_for_ner("selon l’agence Marvelle et d’Orvalle", resources().elisions());
  size_t marvelle = 0, orvalle = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].text == "Marvelle") marvelle = i;
    if (toks[i].text == "Orvalle") orvalle = i;
  }
  ASSERT_GT(marvelle, 0u);
  ASSERT_GT(orvalle, 0u);
  EXPECT_EQ(cues.before_mask(toks, marvelle), 1u << kOrg);
  EXPECT_EQ(cues.before_mask(toks, orvalle), 1u << kLoc);
}

// With the shipped model: a name in apposition to a role is a person, and the office after
// the role ("secrétaire d'État aux droits de l'Homme") names no person.
TEST(Entities, AppositionTypesAPersonAndItsOfficeIsNone) {
  std::string text =
      "La réunion a eu lieu hier soir. Ensuite Amina Diallo, secrétaire d’État aux droits de "
      "l’Homme, a parlé à la presse.";
  auto ents = find_entities(text, "fr", resources());
  const Entity* amina = with_alias(ents, "Amina Diallo");
  ASSERT_NE(amina, nullptr);
  EXPECT_EQ(amina->type, EntityType::person);
  for (const auto& e : ents)
    EXPECT_FALSE(e.type == EntityType::person && e.name != "Amina Diallo") << e.name;
}

// The English list reads possessive leads: "the company's chief executive".
TEST(PersonRoles, EnglishAppositions) {
  PersonRoles roles = PersonRoles::load(text::find_data_dir(), "en");
  auto follows = [&](const std::string& text, size_t words, bool announced = false) {
    auto toks = tokenize_for_ner(text, resources().elisions());
    return roles.apposition_after(toks, 0, words, announced);
  };
  EXPECT_TRUE(follows("Jane Marvell, the company's chief executive, said", 2));
  EXPECT_TRUE(follows("Jane Marvell, a spokeswoman for the firm, said", 2));
  EXPECT_TRUE(follows("John Marvell, 45 years, said", 2));
  EXPECT_FALSE(follows("Marvell Street, 15, is", 2));
  EXPECT_TRUE(follows("John Marvell, former senior adviser, said", 2));
  EXPECT_FALSE(follows("London, the minister said", 1, true));
  EXPECT_FALSE(follows("Marvell, where the minister lives", 1));
  EXPECT_FALSE(follows("Marvell, 2008, was", 1));
  EXPECT_FALSE(
      PersonRoles::load(text::find_data_dir(), "xx")
          .apposition_after(tokenize_for_ner("Jane Marvell, spokeswoman", resources().elisions()),
                            0, 2, false));
}

TEST(Entities, LanguageWithoutModelFallsBackToRules) {
  ASSERT_EQ(resources().model("es"), nullptr);
  auto ents = find_entities("El presidente Pedro Sánchez viajó ayer a Madrid y a Francia.", "es",
                            resources());
  ASSERT_NE(with_alias(ents, "Madrid"), nullptr);
  EXPECT_EQ(with_alias(ents, "Madrid")->type, EntityType::place);
  EXPECT_NE(with_alias(ents, "Pedro Sánchez"), nullptr);
  EXPECT_EQ(with_alias(ents, "El"), nullptr);
}

TEST(Entities, AnyInputReturns) {
  EXPECT_TRUE(find_entities("", "fr", resources()).empty());
  std::string junk = "\xff\xfe Paris \xc3( \x80 Kim\n\n\n« »";
  for (const auto& e : find_entities(junk, "fr", resources()))
    for (const auto& mm : e.mentions) EXPECT_LE(mm.end, junk.size());
  std::string big(200000, 'A');
  EXPECT_LE(find_entities(big, "xx", resources()).size(), 1u);
  std::vector<Entity> ents = find_entities("Paris. Londres. Berlin.", "fr", resources());
  assign_sentences(ents, {0, 7, 16});
  for (const auto& e : ents)
    for (const auto& mm : e.mentions) EXPECT_TRUE(mm.sentence.has_value());
}

// The seeds (examples/vostochny): every article finds these entities where it names them,
// with their variants merged across the five articles.
TEST(Entities, VostochnySeeds) {
  struct Expect {
    EntityType type;
    std::vector<std::string> names;
  };
  const std::vector<Expect> expected = {
      {EntityType::person, {"Vladimir Poutine", "Poutine", "Putin"}},
      {EntityType::person, {"Kim Jong-un", "Kim Jong-Un", "Kim Jong Un", "Kim-Jong-Un"}},
      {EntityType::place, {"Vostotchny", "Vostochny"}},
      {EntityType::place, {"Vladivostok"}},
      {EntityType::place, {"Pyongyang"}},
      {EntityType::place, {"Russie"}},
      {EntityType::place, {"Corée du Nord"}},
      {EntityType::organization, {"Kremlin"}},
      {EntityType::person, {"Dmitri Peskov"}},
      {EntityType::organization, {"TASS"}},
  };
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(RECOUPE_EXAMPLES_DIR "/vostochny"))
    if (f.path().extension() == ".txt") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 5u);
  std::vector<std::vector<Entity>> per_article;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    auto ents = find_entities(text, "fr", resources());
    for (const auto& ex : expected) {
      bool named = false;
      for (const auto& n : ex.names) named |= text.find(n) != std::string::npos;
      if (!named) continue;
      const Entity* found = nullptr;
      for (const auto& n : ex.names)
        if (const Entity* e = with_alias(ents, n); e && e->type == ex.type) found = e;
      EXPECT_NE(found, nullptr) << path.filename() << ": " << ex.names[0];
    }
    per_article.push_back(std::move(ents));
  }
  auto story = merge_entities(per_article, resources().aliases());
  for (const auto& ex : expected) {
    const Entity* first = nullptr;
    for (const auto& n : ex.names) {
      const Entity* e = with_alias(story, n);
      if (!e) continue;
      if (!first) first = e;
      EXPECT_EQ(e, first) << n << " is not merged with " << first->name;
    }
    ASSERT_NE(first, nullptr) << ex.names[0];
    EXPECT_EQ(first->type, ex.type) << ex.names[0];
  }
  const Entity* kim = with_alias(story, "Kim Jong-un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->articles.size(), 5u);
}

// A long organisation name the tagger splits is one organisation when it ends in an
// organisation head word; a capitalised word right after a name continues it; a name with a
// digit is no person.
TEST(Entities, OrganisationHeadsContinuationsAndDigits) {
  std::string text =
      "Selon Siemon T. Wezeman, du Stockholm International Peace Research Institute, les stocks "
      "sont importants. Le porte-parole de la Maison Blanche, John Kirby, a parlé depuis le "
      "début de la pandémie de Covid-19 en 2020. Les deux dirigeants ont ensuite visité un "
      "site d'assemblage et de lancement de fusées, puis ils ont mené des discussions qui se "
      "sont achevées après plus de deux heures, en présence des délégations des deux pays et "
      "des ministres chargés de la défense, de l'économie et des ressources naturelles, avant "
      "un dîner offert par les autorités de la région.";
  auto ents = find_entities(text, "fr", resources());
  const Entity* sipri = with_alias(ents, "Stockholm International Peace Research Institute");
  ASSERT_NE(sipri, nullptr);
  EXPECT_EQ(sipri->type, EntityType::organization);
  EXPECT_EQ(with_alias(ents, "Research Institute"), nullptr);
  EXPECT_NE(with_alias(ents, "Maison Blanche"), nullptr);
  EXPECT_EQ(with_alias(ents, "Maison"), nullptr);
  for (const auto& e : ents)
    if (e.name.find("Covid") != std::string::npos) EXPECT_NE(e.type, EntityType::person);
  EXPECT_TRUE(resources().is_org_head("institute"));
  EXPECT_FALSE(resources().is_org_head("kirby"));
}

// A country or city tagged as a person or an organisation (the government speaking) is the
// place when the place is named too.
TEST(Aliases, PlaceTaggedPersonJoinsThePlace) {
  auto mention = [](std::string text, size_t begin) {
    Mention m;
    m.text = text;
    m.begin = begin;
    m.end = begin + text.size();
    return m;
  };
  std::vector<TypedMention> ms = {{mention("Washington", 0), EntityType::place},
                                  {mention("Washington", 40), EntityType::person},
                                  {mention("Washington", 80), EntityType::place}};
  auto ents = merge_mentions(ms, resources().aliases());
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].type, EntityType::place);
  EXPECT_EQ(ents[0].mentions.size(), 3u);
}

// A title before a person's full name is not part of it ("Treasury Secretary Steven
// Mnuchin" is "Steven Mnuchin"), so the name merges with its short forms.
TEST(Entities, TitlesLeaveThePersonsName) {
  std::string text =
      "The delegation will include Treasury Secretary Steven Mnuchin and Commerce Secretary "
      "Wilbur Ross, the White House said on Monday. Mnuchin said the talks would be difficult "
      "but that the United States expected progress on steel, aluminum and the trade deficit, "
      "which reached a record last year according to the figures published by the department "
      "of commerce in the spring, while many farmers and factory owners feared a long dispute "
      "that could hurt their exports and raise prices for consumers across the country.";
  auto ents = find_entities(text, "en", resources());
  const Entity* mnuchin = with_alias(ents, "Steven Mnuchin");
  ASSERT_NE(mnuchin, nullptr);
  EXPECT_EQ(mnuchin->type, EntityType::person);
  EXPECT_EQ(with_alias(ents, "Treasury Secretary Steven Mnuchin"), nullptr);
}

// A street that the tagger opens on a lower-case street word keeps it ("rue de Rennes" is a
// street, "Rennes" alone the city); a person's title does not ("docteur").
TEST(Entities, StreetsKeepTheirLowerCaseHead) {
  auto toks = tokens_from_words(
      {"Il", "habite", "rue", "de", "Rennes", ",", "chez", "le", "docteur", "Martin", "."});
  auto ann = annotate(toks, &resources().gazetteer(), resources().cues("fr"));
  const uint8_t loc = begin_tag(kLoc), in_loc = inside_tag(kLoc);
  const uint8_t per = begin_tag(kPer), in_per = inside_tag(kPer);
  // Il habite rue de Rennes , chez le docteur Martin .
  std::vector<uint8_t> tags = {0, 0, loc, in_loc, in_loc, 0, 0, 0, per, in_per, 0};
  auto spans = refine_spans(toks, ann, tags, "fr", resources());
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (TagSpan{2, 5, kLoc}));
  EXPECT_EQ(spans[1], (TagSpan{9, 10, kPer}));
  // Only a street word stays: "vers" is left out of "vers Rennes", and so is a stop word
  // ("la Rochelle").
  auto toks3 = tokens_from_words({"Il", "part", "vers", "Rennes", "."});
  auto ann3 = annotate(toks3, &resources().gazetteer(), resources().cues("fr"));
  auto spans3 = refine_spans(toks3, ann3, {0, 0, loc, in_loc, 0}, "fr", resources());
  ASSERT_EQ(spans3.size(), 1u);
  EXPECT_EQ(spans3[0], (TagSpan{3, 4, kLoc}));
  auto toks2 = tokens_from_words({"Il", "vit", "à", "la", "Rochelle", "."});
  auto ann2 = annotate(toks2, &resources().gazetteer(), resources().cues("fr"));
  std::vector<uint8_t> tags2 = {0, 0, 0, loc, in_loc, 0};
  auto spans2 = refine_spans(toks2, ann2, tags2, "fr", resources());
  ASSERT_EQ(spans2.size(), 1u);
  EXPECT_EQ(spans2[0], (TagSpan{4, 5, kLoc}));
}

// A capitalised stop word after a period starts a sentence even when the period follows a
// short name that reads as an abbreviation ("Kim."): the name ends there.
TEST(Entities, APeriodBeforeACapitalisedStopWordEndsTheName) {
  auto toks = tokens_from_words({"Il", "a", "revu", "Kim", ".", "Le", "dirigeant", "a", "ri", "."});
  auto ann = annotate(toks, &resources().gazetteer(), resources().cues("fr"));
  const uint8_t per = begin_tag(kPer), in_per = inside_tag(kPer);
  auto spans =
      refine_spans(toks, ann, {0, 0, 0, per, in_per, in_per, 0, 0, 0, 0}, "fr", resources());
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (TagSpan{3, 4, kPer}));
  // Initials are no sentence start, though English stop-word lists hold single letters.
  auto toks2 = tokens_from_words({"Manager", "A", ".", "J", ".", "Hinch", "said", "."});
  auto ann2 = annotate(toks2, &resources().gazetteer(), resources().cues("en"));
  auto spans2 =
      refine_spans(toks2, ann2, {0, per, in_per, in_per, in_per, in_per, 0, 0}, "en", resources());
  ASSERT_EQ(spans2.size(), 1u);
  EXPECT_EQ(spans2[0], (TagSpan{1, 6, kPer}));
}

}  // namespace
}  // namespace recoupe::analyze
