// The story title: a neutral headline from the story's own headlines, else its lead claim
// (synth/title.h). Written cases, not copies of dev stories.
#include "synth/title.h"

#include <gtest/gtest.h>

#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

Article article(std::string id, std::string lang, std::string title, std::string text) {
  Article a;
  a.id = std::move(id);
  a.source = a.id + ".example";
  a.language = std::move(lang);
  if (!title.empty()) a.title = std::move(title);
  a.text = std::move(text);
  return a;
}

// The title of a story of `articles`: neutral_title, or with `headline_only` the
// headline_title alone.
std::string title_of(std::vector<Article> articles, bool headline_only = false) {
  const SynthResources& resources = recoupe::testing::shipped_resources().synth();
  AnalyzedStory story =
      analyze_story("s", std::move(articles), testing::analysis_resources(), nullptr);
  const StoryEvidence ev = story.evidence();
  const SynthConfig config;
  const ClaimSet claims = build_claims(ev, resources, config);
  return headline_only ? headline_title(ev, claims, resources)
                       : neutral_title(ev, claims, config, resources);
}

const std::string kLede1 =
    "Le port de Brest a rouvert mercredi après trois semaines de grève des dockers. La "
    "direction a annoncé un accord salarial signé dans la nuit.";
const std::string kLede2 =
    "Les dockers du port de Brest ont repris le travail mercredi, après trois semaines de "
    "grève. Un accord salarial a été signé avec la direction.";
const std::string kLede3 =
    "Trois semaines de grève ont pris fin à Brest, où le port a rouvert mercredi. Les dockers "
    "ont obtenu une hausse de salaire.";

TEST(Title, TheHeadlineSayingWhatMostOutletsSayWins) {
  EXPECT_EQ(
      title_of(
          {
              article("a", "fr", "Les écureuils du port cassent leur tirelire", kLede1),
              article("b", "fr", "Le port de Brest rouvert après trois semaines de grève.", kLede2),
              article("c", "fr", "Brest : fin de la grève des dockers", kLede3),
          },
          true),
      "Le port de Brest rouvert après trois semaines de grève");
}

TEST(Title, QuestionsQuotesCapitalsAndDependentOpenersAreNotTitles) {
  EXPECT_EQ(title_of(
                {
                    article("a", "fr", "Le port de Brest va-t-il rouvrir après la grève ?", kLede1),
                    article("b", "fr", "« Le port de Brest rouvre après la grève », dit le maire",
                            kLede2),
                    article("c", "fr", "GRÈVE AU PORT DE BREST : LES DOCKERS REPRENNENT", kLede3),
                    article("d", "fr", "Il rouvre enfin après trois semaines de grève", kLede1),
                    article("e", "fr", "Grève à Brest : les dockers reprennent le travail au port",
                            kLede2),
                },
                true),
            "Grève à Brest : les dockers reprennent le travail au port");
}

TEST(Title, TheMainFactMostOutletsTellBeatsTheirHeadlines) {
  // The three ledes tell the reopening alike: that claim is the title, not one headline.
  const std::string t = title_of({
      article("a", "fr", "Les écureuils du port cassent leur tirelire", kLede1),
      article("b", "fr", "Brest : fin de la grève des dockers", kLede2),
      article("c", "fr", "Grève à Brest : les dockers reprennent le travail au port", kLede3),
  });
  EXPECT_NE(t.find("port de Brest"), std::string::npos) << t;
  EXPECT_NE(t.find("rouvert"), std::string::npos) << t;
}

TEST(Title, ATitleNamesTheStorysKeySubject) {
  // Every outlet names Klitschko; the most repeated sentence does not: the title does.
  const SynthResources& resources = recoupe::testing::shipped_resources().synth();
  std::vector<Article> arts;
  const std::vector<std::string> texts = {
      "The champion stopped his challenger in the sixth round on Saturday night. "
      "Wladimir Klitschko knocked down Tony Thompson twice before the referee stopped the fight.",
      "The champion stopped his challenger in the sixth round on Saturday night. "
      "Wladimir Klitschko had Tony Thompson down twice before the referee stopped the fight.",
      "The champion stopped his challenger in the sixth round on Saturday night. "
      "Klitschko dropped Thompson twice before the referee stopped the fight in Switzerland."};
  for (size_t i = 0; i < texts.size(); ++i)
    arts.push_back(article(std::string(1, static_cast<char>('a' + i)), "en", "", texts[i]));
  AnalyzedStory story = analyze_story("s", std::move(arts), testing::analysis_resources(),
                                      &recoupe::testing::shipped_resources().entities());
  const StoryEvidence ev = story.evidence();
  const SynthConfig config;
  const std::string t = neutral_title(ev, build_claims(ev, resources, config), config, resources);
  EXPECT_NE(t.find("Klitschko"), std::string::npos) << t;
}

TEST(Title, ABackstoryToldByEveryOutletIsNoTitle) {
  // Every outlet recalls how the story began, in the pluperfect; the event itself is in the
  // headlines. A title states the event, not what came before it.
  const std::string back =
      "Le garçon avait été trouvé seul le 5 août sur une place de la cité des Oliviers à Nantes. ";
  const std::string t = title_of({
      article("a", "fr", "Enfant trouvé seul à Nantes : la mère remise en liberté",
              back + "Sa mère a été remise en liberté jeudi par le juge."),
      article("b", "fr", "Enfant trouvé seul à Nantes : la mère est libre",
              back + "Le juge a remis la mère en liberté jeudi soir."),
      article("c", "fr", "La mère de l'enfant trouvé seul à Nantes libérée",
              back + "Jeudi, la mère a quitté le palais de justice libre."),
  });
  EXPECT_EQ(t.find("avait"), std::string::npos) << t;
  EXPECT_NE(t.find("libert"), std::string::npos) << t;
}

TEST(Title, WithoutHeadlinesTheLeadClaimNeverOpensOnAPronoun) {
  const std::string text1 =
      "They broke into the jewellery store on Monday morning with a stolen van. Police said "
      "the thieves escaped with watches and rings worth two million euros.";
  const std::string text2 =
      "Thieves rammed a stolen van into a Paris jewellery store on Monday and escaped with "
      "watches and rings worth two million euros, police said.";
  const std::string text3 =
      "Thieves rammed a van into a jewellery store in central Paris on Monday and escaped with "
      "two million euros of watches and rings.";
  const std::string t = title_of({
      article("a", "en", "", text1),
      article("b", "en", "", text2),
      article("c", "en", "", text3),
  });
  EXPECT_FALSE(t.empty());
  EXPECT_FALSE(t.starts_with("They")) << t;
}

// Without headlines, a lead claim whose main clause goes on after an incise ("The union is
// alleging, in a complaint filed in Lyon, that …") or that opens under a label ("Summary:
// …") is cut badly or is no sentence: the next lead claim makes the title.
TEST(Title, WithoutHeadlinesNoTitleEndsInAnInciseOrOpensOnALabel) {
  const std::string opened =
      "The dockers' union is alleging, in a complaint filed in the court of Lyon, that the "
      "port company broke the wage agreement signed in March. ";
  const std::string labelled =
      "Summary: the dockers' union filed a complaint against the port company in Lyon on "
      "Monday. ";
  const std::string lede =
      "The dockers' union filed a complaint against the port company in Lyon on Monday over "
      "the wage agreement signed in March.";
  for (const std::string& first : {opened, labelled}) {
    const std::string t = title_of({
        article("a", "en", "", first + lede),
        article("b", "en", "", first + "The company denied breaking the wage agreement."),
        article("c", "en", "", lede + " The company denied breaking the agreement."),
    });
    EXPECT_FALSE(t.empty());
    EXPECT_EQ(t.find("in the court of Lyon"), std::string::npos) << t;
    EXPECT_FALSE(t.starts_with("Summary")) << t;
  }
}

TEST(Title, DatelinesAreNotHeadlines) {
  EXPECT_EQ(
      title_of(
          {
              article("a", "en", "Last Updated: Monday, 28 November 2005, 02:24 GMT",
                      "An earthquake struck southern Iran on Sunday, killing ten people on the "
                      "island of Qeshm. Villagers spent the night in tents."),
              article("b", "en", "Earthquake kills ten people on Iranian island of Qeshm",
                      "A powerful earthquake killed ten people on Iran's Qeshm island on "
                      "Sunday. Seven villages were damaged."),
          },
          true),
      "Earthquake kills ten people on Iranian island of Qeshm");
}

TEST(Title, ARemovedDateLeavesNoSpaceBeforeAComma) {
  const std::string claim = "An earthquake struck southern Iran on Sunday, killing ten people";
  const size_t b = claim.find("Sunday");
  EXPECT_EQ(compress_to_main_clause(claim, recoupe::testing::shipped_resources().elisions(),
                                    {{b, b + 6}}, 12),
            "An earthquake struck southern Iran, killing ten people");
}

TEST(Title, ARemovedOpeningDateLeavesNoCommaFirst) {
  const std::string claim =
      "This morning, 41 years later, police arrested the woman suspected of the two murders";
  EXPECT_EQ(compress_to_main_clause(claim, recoupe::testing::shipped_resources().elisions(),
                                    {{0, 12}}, 12),
            "41 years later, police arrested the woman suspected of the two murders");
}

TEST(Title, ACommaInAListOfNamesIsNotAClauseBoundary) {
  const std::string claim =
      "The champion stopped his challenger in the sixth round to keep his WBA, IBF, and WBO "
      "belts, his promoter said";
  EXPECT_EQ(compress_to_main_clause(claim, recoupe::testing::shipped_resources().elisions(), {}),
            claim.substr(0, claim.find(", his promoter")));
}

// The commas around a name in apposition are no clause end: cut at the first, the title
// would end "when his wife".
TEST(Title, ANameInAppositionIsNotAClauseBoundary) {
  const std::string claim =
      "Police said the guard was loading his car when his wife, Celeste, heard the shots, "
      "officials said";
  EXPECT_EQ(compress_to_main_clause(claim, recoupe::testing::shipped_resources().elisions(), {}),
            claim.substr(0, claim.find(", officials")));
}

TEST(Title, ATimeIsNotAClauseBoundary) {
  EXPECT_EQ(compress_to_main_clause("Voters in the capital began to cast their ballots at 8:00 "
                                    "local time, officials said",
                                    recoupe::testing::shipped_resources().elisions(), {}),
            "Voters in the capital began to cast their ballots at 8:00 local time");
}

}  // namespace
}  // namespace recoupe::synth
