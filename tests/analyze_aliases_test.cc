#include <gtest/gtest.h>

#include <memory>

#include "analyze/aliases.h"

namespace recoupe::analyze {
namespace {

TypedMention m(const std::string& text, EntityType type, size_t at) {
  return {Mention{text, at, at + text.size(), std::nullopt, ""}, type};
}

const Entity* find_alias(const std::vector<Entity>& ents, const std::string& alias) {
  for (const auto& e : ents)
    for (const auto& a : e.aliases)
      if (a == alias) return &e;
  return nullptr;
}

TEST(Aliases, TransliterationFamiliesGiveOneKey) {
  AliasData d;
  auto k = d.name_keys("Kim Jong-un");
  EXPECT_EQ(k, (std::vector<std::string>{"kim", "jong", "un"}));
  EXPECT_EQ(d.name_keys("Kim Jong-Un"), k);
  EXPECT_EQ(d.name_keys("Kim Jong Un"), k);
  EXPECT_EQ(d.name_keys("Kim-Jong-Un"), k);
}

TEST(Aliases, KimVariantsAndBareKimAreOnePerson) {
  AliasData d;
  auto ents = merge_mentions(
      {m("Kim Jong-un", EntityType::person, 0), m("Kim Jong-Un", EntityType::person, 20),
       m("Kim Jong Un", EntityType::person, 40), m("Kim-Jong-Un", EntityType::other, 60),
       m("Kim", EntityType::person, 80)},
      d);
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].type, EntityType::person);
  EXPECT_EQ(ents[0].mentions.size(), 5u);
  EXPECT_EQ(ents[0].aliases.size(), 5u);
  EXPECT_EQ(ents[0].mentions.back().begin, 80u);
}

TEST(Aliases, RefusesWhenTwoFullNamesFit) {
  AliasData d;
  auto ents =
      merge_mentions({m("Kim Jong-un", EntityType::person, 0),
                      m("Kim Yo-jong", EntityType::person, 20), m("Kim", EntityType::person, 40)},
                     d);
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_NE(find_alias(ents, "Kim"), find_alias(ents, "Kim Jong-un"));
  EXPECT_NE(find_alias(ents, "Kim"), find_alias(ents, "Kim Yo-jong"));
}

// A family name shared by two full names refuses too when the tagger typed one of them
// otherwise ("Tyler Hansbrough" as an organisation): the bare name is not the other's.
TEST(Aliases, RefusesWhenAFullNameOfAnotherTypeEndsWithTheShortForm) {
  AliasData d;
  auto ents = merge_mentions(
      {m("Gene Marsden", EntityType::person, 0), m("Tyler Marsden", EntityType::organization, 20),
       m("Marsden", EntityType::person, 40)},
      d);
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_NE(find_alias(ents, "Marsden"), find_alias(ents, "Gene Marsden"));
  // Alone with the person's name, the bare name joins it.
  ents = merge_mentions(
      {m("Gene Marsden", EntityType::person, 0), m("Marsden", EntityType::person, 20)}, d);
  ASSERT_EQ(ents.size(), 1u);
}

TEST(Aliases, PoutineAndPutinAndTransliteratedPlaces) {
  AliasData d;
  d.add_family({"Shoigu", "Choïgou"});
  auto ents = merge_mentions(
      {m("Vladimir Poutine", EntityType::person, 0), m("Putin", EntityType::person, 30),
       m("Sergueï Choïgou", EntityType::person, 50), m("Shoigu", EntityType::person, 80),
       m("Vostotchny", EntityType::place, 100), m("Vostochny", EntityType::place, 120)},
      d);
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_EQ(find_alias(ents, "Putin"), find_alias(ents, "Vladimir Poutine"));
  EXPECT_EQ(find_alias(ents, "Putin")->name, "Vladimir Poutine");
  EXPECT_EQ(find_alias(ents, "Shoigu"), find_alias(ents, "Sergueï Choïgou"));
  EXPECT_EQ(find_alias(ents, "Vostotchny"), find_alias(ents, "Vostochny"));
  EXPECT_EQ(find_alias(ents, "Vostochny")->type, EntityType::place);
}

TEST(Aliases, OrganizationsAndKnownPlacesStayApartFromPersons) {
  auto gaz = std::make_shared<Gazetteer>();
  gaz->add("Washington", PlaceKind::big_city, "geonames:4140963", 689545);
  gaz->add("Corée du Nord", PlaceKind::country, "geonames:1873107", 0);
  gaz->add("North Korea", PlaceKind::country, "geonames:1873107", 0);
  AliasData d = AliasData::load("/nonexistent", gaz);
  auto ents = merge_mentions(
      {m("George Washington", EntityType::person, 0), m("Washington", EntityType::place, 30),
       m("Kremlin", EntityType::organization, 50), m("Kremlin", EntityType::organization, 70),
       m("Vladimir Kremlin", EntityType::person, 90), m("Corée du Nord", EntityType::place, 120),
       m("North Korea", EntityType::place, 140), m("Corée", EntityType::place, 160)},
      d);
  EXPECT_NE(find_alias(ents, "Washington"), find_alias(ents, "George Washington"));
  EXPECT_EQ(find_alias(ents, "Washington")->type, EntityType::place);
  EXPECT_EQ(find_alias(ents, "Kremlin")->type, EntityType::organization);
  EXPECT_EQ(find_alias(ents, "Kremlin")->mentions.size(), 2u);
  EXPECT_EQ(find_alias(ents, "Corée du Nord"), find_alias(ents, "North Korea"));
  EXPECT_NE(find_alias(ents, "Corée"), find_alias(ents, "Corée du Nord"));
}

// A known place tagged a person as often as a place ("Washington craint…" at sentence starts)
// is the place, even when the person reading comes first; without a tie the majority decides.
TEST(Aliases, KnownPlaceWinsATieWithAnotherType) {
  auto gaz = std::make_shared<Gazetteer>();
  gaz->add("Washington", PlaceKind::big_city, "geonames:4140963", 689545);
  AliasData d = AliasData::load("/nonexistent", gaz);
  auto tie = merge_mentions(
      {m("Washington", EntityType::person, 0), m("Washington", EntityType::place, 30)}, d);
  ASSERT_EQ(tie.size(), 1u);
  EXPECT_EQ(tie[0].type, EntityType::place);
  auto majority = merge_mentions(
      {m("Washington", EntityType::person, 0), m("Washington", EntityType::person, 20),
       m("Washington", EntityType::place, 40)},
      d);
  ASSERT_EQ(majority.size(), 1u);
  EXPECT_EQ(majority[0].type, EntityType::person);
  AliasData unknown;  // no gazetteer: the first type seen
  auto first = merge_mentions(
      {m("Marvelle", EntityType::person, 0), m("Marvelle", EntityType::place, 30)}, unknown);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].type, EntityType::person);
}

TEST(Aliases, StoryMergeLinksAcrossArticlesAndRefusesAmbiguousShortForms) {
  AliasData d;
  auto a1 = merge_mentions(
      {m("Kim Jong-un", EntityType::person, 0), m("Kim", EntityType::person, 30)}, d);
  auto a2 = merge_mentions({m("Kim Jong Un", EntityType::person, 5)}, d);
  auto a3 = merge_mentions({m("Kim", EntityType::person, 7)}, d);
  auto story = merge_entities({a1, a2, a3}, d);
  ASSERT_EQ(story.size(), 1u);
  EXPECT_EQ(story[0].articles, (std::vector<std::string>{"0", "1", "2"}));
  ASSERT_EQ(story[0].mentions.size(), 4u);
  EXPECT_EQ(story[0].mentions[2].article, "1");
  EXPECT_EQ(story[0].name, "Kim Jong-un");

  auto b1 = merge_mentions({m("Kim Jong-un", EntityType::person, 0)}, d);
  auto b2 = merge_mentions({m("Kim Yo-jong", EntityType::person, 0)}, d);
  auto b3 = merge_mentions({m("Kim", EntityType::person, 0)}, d);
  auto refused = merge_entities({b1, b2, b3}, d);
  EXPECT_EQ(refused.size(), 3u);
  // A bare "Kim" resolved inside its article does not glue the two people together.
  auto c1 = merge_mentions(
      {m("Kim Jong-un", EntityType::person, 0), m("Kim", EntityType::person, 20)}, d);
  auto c2 = merge_mentions(
      {m("Kim Yo-jong", EntityType::person, 0), m("Kim", EntityType::person, 20)}, d);
  EXPECT_EQ(merge_entities({c1, c2}, d).size(), 2u);
}

// A name opening on a title is the person the words after it end: "President Marsden"
// (typed an organisation by the tagger) and the bare "Marsden" join "Gene Marsden" — before,
// the titled name made a rival that kept "Marsden" apart. Two people of that surname: no one.
TEST(Aliases, ATitledNameJoinsThePersonItNames) {
  AliasData d;
  d.add_title("President");
  d.add_title("Mrs");
  auto ents = merge_mentions(
      {m("Gene Marsden", EntityType::person, 0),
       m("President Marsden", EntityType::organization, 30), m("Marsden", EntityType::person, 60)},
      d);
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].name, "Gene Marsden");
  EXPECT_EQ(ents[0].type, EntityType::person);
  EXPECT_EQ(ents[0].mentions.size(), 3u);
  auto two = merge_mentions(
      {m("Gene Marsden", EntityType::person, 0), m("Ada Marsden", EntityType::person, 20),
       m("Mrs Marsden", EntityType::person, 40)},
      d);
  EXPECT_EQ(two.size(), 3u);
  // The words after the title must end the person's name: "President Gene" is not Gene Marsden.
  auto start = merge_mentions(
      {m("Gene Marsden", EntityType::person, 0), m("President Gene", EntityType::organization, 30)},
      d);
  EXPECT_EQ(start.size(), 2u);
  // Across a story, an article's "President Marsden" joins another's "Gene Marsden" and names
  // nothing itself.
  auto a1 = merge_mentions({m("President Marsden", EntityType::organization, 0)}, d);
  auto a2 = merge_mentions({m("Gene Marsden", EntityType::person, 0)}, d);
  auto story = merge_entities({a1, a2}, d);
  ASSERT_EQ(story.size(), 1u);
  EXPECT_EQ(story[0].name, "Gene Marsden");
}

// A person is named without the office written before the name; an organisation keeps its
// words ("General Motors").
TEST(Aliases, APersonIsNamedWithoutTheTitlesBeforeTheName) {
  AliasData d;
  d.add_title("President");
  d.add_title("Chief");
  d.add_title("General");
  auto ents =
      merge_mentions({m("President Gene Marsden", EntityType::person, 0),
                      m("Portville Fire Department Chief Ada Orvell", EntityType::person, 40),
                      m("General Motors", EntityType::organization, 90)},
                     d);
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_EQ(ents[0].name, "Gene Marsden");
  EXPECT_EQ(ents[1].name, "Ada Orvell");
  EXPECT_EQ(ents[2].name, "General Motors");
  EXPECT_EQ(d.without_titles("President"), "President");
}

// Within an article, a surname the tagger typed an organisation, or a town of the gazetteer
// spelled like it, is the person named in full before it; not a person named after it, and
// not when another name holds the word. A big city never is.
TEST(Aliases, ASurnameTypedATownOrAnOrganisationJoinsThePersonNamedBefore) {
  auto gaz = std::make_shared<Gazetteer>();
  gaz->add("Marsden", PlaceKind::town, "geonames:1", 3000);
  gaz->add("Washington", PlaceKind::big_city, "geonames:4140963", 689545);
  AliasData d = AliasData::load("/nonexistent", gaz);
  auto town = merge_mentions(
      {m("Gene Marsden", EntityType::person, 0), m("Marsden", EntityType::place, 30)}, d);
  ASSERT_EQ(town.size(), 1u);
  EXPECT_EQ(town[0].type, EntityType::person);
  auto org = merge_mentions(
      {m("Gene Orvell", EntityType::person, 0), m("Orvell", EntityType::organization, 30)}, d);
  ASSERT_EQ(org.size(), 1u);
  EXPECT_EQ(org[0].name, "Gene Orvell");
  auto named_after = merge_mentions(
      {m("Orvell", EntityType::organization, 0), m("Gene Orvell", EntityType::person, 30)}, d);
  EXPECT_EQ(named_after.size(), 2u);
  auto company = merge_mentions(
      {m("Gene Orvell", EntityType::person, 0), m("Orvell Motor", EntityType::organization, 20),
       m("Orvell", EntityType::organization, 40)},
      d);
  EXPECT_EQ(company.size(), 3u);
  auto city = merge_mentions(
      {m("Gene Washington", EntityType::person, 0), m("Washington", EntityType::place, 30)}, d);
  EXPECT_EQ(city.size(), 2u);
  // Across a story, each article decides: an article's lone "Orvell" stays the organisation.
  auto a1 = merge_mentions({m("Orvell", EntityType::organization, 0)}, d);
  auto a2 = merge_mentions({m("Gene Orvell", EntityType::person, 0)}, d);
  EXPECT_EQ(merge_entities({a1, a2}, d).size(), 2u);
}

// A word that opens no name ("The", "When") taken into one at a sentence start leaves its key.
TEST(Aliases, AnOpenerIsNoPartOfTheName) {
  AliasData d;
  d.add_opener("The");
  d.add_opener("When");
  auto ents = merge_mentions(
      {m("The Portville Herald", EntityType::organization, 0),
       m("Portville Herald", EntityType::organization, 30),
       m("When Gene Marsden", EntityType::person, 60), m("Gene Marsden", EntityType::person, 90)},
      d);
  ASSERT_EQ(ents.size(), 2u);
  EXPECT_EQ(find_alias(ents, "The Portville Herald"), find_alias(ents, "Portville Herald"));
  EXPECT_EQ(find_alias(ents, "When Gene Marsden"), find_alias(ents, "Gene Marsden"));
  EXPECT_EQ(d.name_keys("The"), (std::vector<std::string>{"the"}));  // alone, it stays
}

TEST(Aliases, EmptyAndPunctuationOnlyInputs) {
  AliasData d;
  EXPECT_TRUE(merge_mentions({}, d).empty());
  EXPECT_TRUE(merge_mentions({m("--", EntityType::other, 0)}, d).empty());
  EXPECT_TRUE(merge_entities({}, d).empty());
}

}  // namespace
}  // namespace recoupe::analyze
