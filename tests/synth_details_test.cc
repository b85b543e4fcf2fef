// Details as disagreements: two outlets giving two words of one closed set (weekdays,
// colours, means of transport) for one thing (synth/contrast_words.h). Written cases.
#include "synth/contrast_words.h"

#include <gtest/gtest.h>

#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth/disagreements.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

using testing::article;

// "kind: value|value" for each disagreement of a story of `articles`.
std::vector<std::string> disputes(std::vector<Article> articles) {
  return testing::story_disputes(std::move(articles));
}

TEST(ContrastWords, ACapitalisedColourIsAName) {
  const SynthResources& resources = recoupe::testing::shipped_resources().synth();
  const ContrastLexicon& fr = resources.contrast_words("fr");
  auto values = [&](const std::string& text) {
    std::string out;
    for (const auto& m : contrast_mentions(text, fr, resources.elisions()))
      out += m.word->set + ":" + m.word->value + " ";
    return out;
  };
  EXPECT_EQ(values("Une voiture blanche, garée devant la Maison Blanche."),
            "transport:voiture colour:blanc ");
  EXPECT_EQ(values("Lundi, il est rentré en avion."), "weekday:lundi transport:avion ");
  // Weekday abbreviations are common words in English ("the sun", "sat"): full names only.
  const ContrastLexicon& en = resources.contrast_words("en");
  EXPECT_EQ(contrast_mentions("the sun sat low on Sunday", en, resources.elisions()).size(), 1u);
}

TEST(Details, TwoOutletsDatingOneActToTwoDaysDisagree) {
  const auto ds = disputes(
      {article("a", "a.example", "fr",
               "La chaîne Canal Nord a diffusé lundi soir les images du sauvetage des mineurs."),
       article(
           "b", "b.example", "fr",
           "Les images du sauvetage des mineurs ont été diffusées mardi soir par Canal Nord.")});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0], "date: lundi|mardi");
}

TEST(Details, TwoActsOnTwoDaysAreNoDispute) {
  // Another verb before each day: two things happened, one each day.
  EXPECT_TRUE(disputes({article("a", "a.example", "fr",
                                "Le procureur de Lyon a annoncé lundi l'ouverture d'une enquête "
                                "sur le sauvetage des mineurs."),
                        article("b", "b.example", "fr",
                                "Le procureur de Lyon a confirmé mardi l'ouverture d'une enquête "
                                "sur le sauvetage des mineurs.")})
                  .empty());
  // An article that names both days tells of both.
  EXPECT_TRUE(
      disputes({article("a", "a.example", "fr",
                        "La chaîne Canal Nord a diffusé lundi soir les images du sauvetage. "
                        "Elle les a rediffusées mardi."),
                article("b", "b.example", "fr",
                        "Les images du sauvetage ont été diffusées mardi soir par Canal Nord.")})
          .empty());
}

TEST(Details, ADayOfWhatDidNotHappenDatesNoAct) {
  // "Not yet registered on Wednesday" and "registered on Thursday" can both be true: the
  // denied clause dates no registration.
  EXPECT_TRUE(disputes({article("a", "a.example", "fr",
                                "La plainte des petits porteurs n'était toujours pas enregistrée "
                                "mercredi matin par le parquet de Paris."),
                        article("b", "b.example", "fr",
                                "La plainte des petits porteurs a été enregistrée jeudi matin par "
                                "le parquet de Paris.")})
                  .empty());
  EXPECT_TRUE(disputes({article("a", "a.example", "en",
                                "The shareholders' complaint still wasn't registered by the Paris "
                                "prosecutor on Wednesday morning."),
                        article("b", "b.example", "en",
                                "The shareholders' complaint was registered by the Paris "
                                "prosecutor on Thursday morning.")})
                  .empty());
}

TEST(Details, TwoColoursOfOneThingDisagree) {
  const auto ds = disputes(
      {article("a", "a.example", "en",
               "The robbers fled the bank in Leeds in a silver car with stolen plates."),
       article("b", "b.example", "en",
               "The robbers escaped from the bank in Leeds in a grey car with stolen plates.")});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0], "detail: grey|silver");
  // A colour in a name is no colour: "the White House" against "a grey car".
  EXPECT_TRUE(
      disputes({article("a", "a.example", "en",
                        "The robbers fled the bank in Leeds in a car, the White House said."),
                article("b", "b.example", "en",
                        "The robbers escaped from the bank in Leeds in a grey car.")})
          .empty());
}

TEST(Details, TwoColoursListedBesideOneSameColourDisagreeInUnlikeSentences) {
  // The sentences share little beyond the trucks, but both list green with the other colour:
  // one paint job told two ways.
  const auto ds = disputes(
      {article("a", "a.example", "fr",
               "Les deux camions de la mairie ont été repeints en vert et en jaune la veille du "
               "défilé, selon le maire."),
       article("b", "b.example", "fr",
               "Une longue séquence montre des ouvriers appliquant sur les camions une peinture "
               "verte et bleue, avant la grande parade de dimanche.")});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0], "detail: bleue|jaune");
}

}  // namespace
}  // namespace recoupe::synth
