// Ages given beside a person's name, and one person given two ages by two outlets
// (synth/person_ages.h). Written cases.
#include "synth/person_ages.h"

#include <gtest/gtest.h>

#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

using testing::article;

const std::unordered_set<std::string>& age_words(const std::string& lang) {
  return recoupe::testing::shipped_resources().synth().age_words(lang);
}

// The ages read beside `name` (a person entity of every article that writes it) in `texts`,
// as "years word" each.
std::vector<std::string> ages_beside(const std::string& name, const std::vector<std::string>& texts,
                                     const std::string& lang, const std::string& type = "person") {
  std::vector<Article> articles;
  for (size_t i = 0; i < texts.size(); ++i)
    articles.push_back(article("a" + std::to_string(i), "o.example", lang, texts[i]));
  StoryEvidence ev;
  ev.language = lang;
  EvidenceEntity entity{name, type, {name}, {}};
  for (size_t i = 0; i < articles.size(); ++i) {
    ev.articles.push_back(&articles[i]);
    for (size_t at = texts[i].find(name); at != std::string::npos; at = texts[i].find(name, at + 1))
      entity.mentions.push_back({i, at, at + name.size()});
  }
  ev.entities.push_back(entity);
  std::vector<std::string> out;
  for (const PersonAge& a : person_ages(ev, age_words(lang)))
    out.push_back(std::to_string(a.years) + (a.age_word.empty() ? "" : " " + a.age_word));
  return out;
}

using Ages = std::vector<std::string>;

TEST(PersonAges, AnAgeWrittenBesideANameIsRead) {
  EXPECT_EQ(ages_beside("Fatna", {"a déclaré Fatna, 33 ans, lors d'une rencontre."}, "fr"),
            Ages{"33 ans"});
  EXPECT_EQ(ages_beside("Fatma",
                        {"Fatma, la jeune femme de 34 ans de nationalité algérienne, a "
                         "été mise en examen."},
                        "fr"),
            Ages{"34 ans"});
  EXPECT_EQ(ages_beside("Fatma", {"que Fatma, cette femme de 34 ans qui s'était présentée"}, "fr"),
            Ages{"34 ans"});
  EXPECT_EQ(ages_beside("John Smith", {"John Smith, 45, said the car was silver."}, "en"),
            Ages{"45"});
  EXPECT_EQ(ages_beside("Smith", {"The driver was Smith, 45 years old."}, "en"),
            Ages{"45 years old"});
  EXPECT_EQ(ages_beside("Robert Buckley", {"a 31-year-old Robert Buckley of the US"}, "en"),
            Ages{"31 year-old"});
  EXPECT_EQ(ages_beside("Jean Dupont", {"Jean Dupont (45) a témoigné."}, "fr"), Ages{"45"});
}

TEST(PersonAges, OtherNumbersNearANameAreNoAge) {
  // A time after the name, a count, a number after a verb, an age of the noun after a
  // place's name, a street number after a place.
  EXPECT_TRUE(ages_beside("Smith", {"He met Smith, 20 years after the crash."}, "en").empty());
  EXPECT_TRUE(ages_beside("Fatma", {"Fatma, mère de 3 enfants, vit à Marseille."}, "fr").empty());
  EXPECT_TRUE(ages_beside("Fatma", {"Fatma, qui vit ici depuis 20 ans, a parlé."}, "fr").empty());
  EXPECT_TRUE(ages_beside("Troy", {"the 39-year-old Troy man shot his co-workers"}, "en").empty());
  EXPECT_TRUE(
      ages_beside("Paris", {"au bureau de Paris, 15, rue de Rivoli."}, "fr", "place").empty());
}

// "kind: value|value" for each disagreement of a story of `articles`, with its entities.
std::vector<std::string> disputes(std::vector<Article> articles) {
  return testing::story_disputes(std::move(articles), true);
}

TEST(PersonAges, TwoOutletsGivingOnePersonTwoAgesDisagreeAndShowHowEachSpellsTheName) {
  // The claims share no words beyond the name: claim alignment never compares them.
  const auto ds = disputes(
      {article("a", "a.example", "fr",
               "Mercredi, la juge a mis en examen Fatma, la jeune femme de 34 ans, à Marseille."),
       article("b", "b.example", "fr",
               "Selon un policier, Fatma, cette femme de 34 ans, a quitté la France."),
       article("c", "c.example", "fr",
               "« Je demande à la justice de me donner mon fils », a déclaré Fatna, 33 ans, "
               "lors d'une rencontre avec des journalistes.")});
  ASSERT_EQ(ds.size(), 1u) << ::testing::PrintToString(ds);
  EXPECT_EQ(ds[0], "number: Fatma, 34 ans|Fatna, 33 ans");
}

TEST(PersonAges, AgesOfOneOutletOrFarApartOrOfTwoPeopleAreNoDispute) {
  // One outlet's two articles: it contradicts itself, outlets do not disagree.
  EXPECT_TRUE(
      disputes({article("a", "a.example", "en",
                        "Robert Buckley, 32, died while climbing Mount Sefton on Saturday."),
                article("b", "a.example", "en",
                        "Police named the climber as Robert Buckley, 31, of Seattle.")})
          .empty());
  // Two years apart: the person at two moments (the arrest, the trial two years on).
  EXPECT_TRUE(
      disputes({article("a", "a.example", "en",
                        "Deputies identified the suspect as Jose Luis Orozco, 27, a parolee."),
                article("b", "b.example", "en",
                        "The jury found Jose Luis Orozco, 29, guilty of murder.")})
          .empty());
  // Two people of one family name.
  EXPECT_TRUE(disputes({article("a", "a.example", "en",
                                "Nick Jones, 30, scored twice in the final on Sunday."),
                        article("b", "b.example", "en",
                                "His brother Rob Jones, 31, watched the final from the stands.")})
                  .empty());
}

TEST(PersonAges, TwoOutletsOneYearApartOnOnePersonDisagree) {
  const auto ds = disputes(
      {article("a", "a.example", "en",
               "Robert Buckley, 32, died while climbing to a hut on Mount Sefton on Saturday."),
       article("b", "b.example", "en",
               "An inexperienced climber with rental gear, 31-year-old Robert Buckley of the US, "
               "fell to his death.")});
  ASSERT_EQ(ds.size(), 1u) << ::testing::PrintToString(ds);
  EXPECT_EQ(ds[0], "number: Robert Buckley, 31|Robert Buckley, 32");
}

}  // namespace
}  // namespace recoupe::synth
