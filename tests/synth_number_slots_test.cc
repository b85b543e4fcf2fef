// Number slots and number disagreements: like compared with like (synth/number_slots.h).
// Written cases, not copies of dev stories.
#include "synth/number_slots.h"

#include <gtest/gtest.h>

#include "core/calendar.h"
#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth/disagreements.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

using testing::article;

// The disagreements of `kind` of a story made of `articles`, as "value|value|…" per dispute.
std::vector<std::string> disputes(std::vector<Article> articles, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& d : testing::story_disagreements(std::move(articles))) {
    if (d.kind != kind) continue;
    std::string values;
    for (const auto& v : d.versions) values += (values.empty() ? "" : "|") + v.value;
    out.push_back(values);
  }
  return out;
}

std::vector<std::string> number_disputes(std::vector<Article> articles) {
  return disputes(std::move(articles), "number");
}

// `articles` with two more outlets' articles telling other parts of the same story in other
// words, as a real story has: a story of two or three articles that all share their words
// weighs those words as nothing (every article has them), which no story of a newsroom's
// day does.
std::vector<Article> with_background(std::vector<Article> articles, const std::string& lang) {
  const bool fr = lang == "fr";
  articles.push_back(article("bg1", "bg1.example", lang,
                             fr ? "Les secours ont travaillé toute la nuit pendant que les "
                                  "familles attendaient des nouvelles."
                                : "Rescue teams worked through the night while families waited "
                                  "for news."));
  articles.push_back(article("bg2", "bg2.example", lang,
                             fr ? "Le gouvernement régional a promis une aide et ouvert une "
                                  "enquête."
                                : "The regional government promised aid and opened an inquiry."));
  return articles;
}

// The number disputes of outlet a's text against outlet b's, in English, with the background.
std::vector<std::string> disputes_of_two(const std::string& a_text, const std::string& b_text) {
  return number_disputes(with_background(
      {article("a", "a.example", "en", a_text), article("b", "b.example", "en", b_text)}, "en"));
}

// The number disputes of a story of two outlets' sentences and a third article's text.
std::vector<std::string> with_third(const std::string& lang, const std::string& a_text,
                                    const std::string& b_text, const std::string& c_text) {
  return number_disputes({article("a", "a.example", lang, a_text),
                          article("b", "b.example", lang, b_text),
                          article("c", "c.example", lang, c_text)});
}

// An article published on Thursday 2031-05-08: the day undated articles' weekdays are
// resolved against.
Article dated_article() {
  Article c = article("c", "c.example", "en", "Unions called a general strike for Thursday.");
  c.published_at = parse_publication_time("2031-05-08");
  c.published = "2031-05-08";
  return c;
}

std::vector<std::string> date_disputes(std::vector<Article> articles) {
  return disputes(std::move(articles), "date");
}

TEST(NumberSlots, TwoOutletsCountingTheSameDeadDisagree) {
  auto d = number_disputes({
      article("a", "a.example", "en",
              "An earthquake struck the island on Sunday, killing 10 people in three villages."),
      article("b", "b.example", "en",
              "The earthquake that struck the island on Sunday killed 12 people, officials said."),
  });
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("10 people"), std::string::npos) << d[0];
  EXPECT_NE(d[0].find("12 people"), std::string::npos) << d[0];
}

TEST(NumberSlots, AValueTenTimesApartIsNoVersionOfTheFact) {
  // c recalls an older disaster's toll in a sentence like the others: counted in the slot,
  // but not shown as a version of this quake's toll.
  auto d = number_disputes({
      article("a", "a.example", "en",
              "An earthquake struck the island on Sunday, killing 10 people in three villages."),
      article("b", "b.example", "en",
              "The earthquake that struck the island on Sunday killed 12 people, officials said."),
      article("c", "c.example", "en",
              "An earthquake struck the island on Sunday, killing 10 people. A quake there in "
              "the past killed 612 people."),
  });
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("12 people"), std::string::npos) << d[0];
  EXPECT_EQ(d[0].find("612"), std::string::npos) << d[0];
}

TEST(NumberSlots, APastTollJoinsTheSlotOfThePastTollNotTheToday) {
  // Both outlets recall an old quake's toll beside today's, with the same verb: b's 31,000
  // is compared with a's 26,000, not lost in the slot of today's 10 dead (ten times apart:
  // another count).
  auto d = number_disputes(with_background(
      {article("a", "a.example", "en",
               "An earthquake hit the island on Sunday, killing 10 people. It recalled the "
               "quake that killed more than 26,000 people in the old city of Bam."),
       article("b", "b.example", "en",
               "An earthquake shook the island on Sunday, killing 10 people. In the old city "
               "of Bam a quake once killed more than 31,000 people.")},
      "en"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("26,000"), std::string::npos) << d[0];
  EXPECT_NE(d[0].find("31,000"), std::string::npos) << d[0];
}

TEST(NumberSlots, TwoDifferentQuantitiesAreNotCompared) {
  // Two ages of two people, a deposit and a balance: different slots.
  EXPECT_TRUE(
      number_disputes(
          {
              article("a", "a.example", "fr",
                      "Une femme de 34 ans a été interpellée. Elle avait versé une caution de "
                      "200 euros à la nourrice."),
              article("b", "b.example", "fr",
                      "Son fils, un enfant de 2 ans, a été placé. La propriétaire réclamait "
                      "500 euros de loyer impayé."),
          })
          .empty());
}

TEST(NumberSlots, ValuesOneArticleStatesTogetherCountTwoThings) {
  // Both outlets give both payments; each slot match between them is no dispute.
  EXPECT_TRUE(
      number_disputes(
          {
              article("a", "a.example", "fr",
                      "La nourrice avait reçu 500 euros au départ, et devait toucher 200 euros "
                      "au retour de la mère."),
              article("b", "b.example", "fr",
                      "La mère avait versé 500 euros à la nourrice, qui devait recevoir encore "
                      "200 euros."),
          })
          .empty());
}

TEST(NumberSlots, HedgesRoundingAndRevisionsAreNotDisputes) {
  EXPECT_TRUE(number_disputes(
                  {
                      article("a", "a.example", "en",
                              "About 40 people were injured in the blast, police said. The company "
                              "lost 5 billion dollars in the fraud."),
                      article("b", "b.example", "en",
                              "Police said 42 people were injured in the blast. The fraud cost the "
                              "company 4.91 billion dollars, it lost in all."),
                      article("c", "c.example", "en",
                              "The toll was revised to 60 people injured in the blast."),
                  })
                  .empty());
}

TEST(NumberSlots, OneOutletAgainstItselfIsNotADisagreementBetweenOutlets) {
  EXPECT_TRUE(
      number_disputes({
                          article("a", "same.example", "en",
                                  "The earthquake killed 10 people on the island, officials said."),
                          article("b", "same.example", "en",
                                  "The earthquake killed 12 people on the island, officials said."),
                      })
          .empty());
}

TEST(Origins, OutletsRunningOneAgencyDispatchAreOneSource) {
  const SynthResources& resources = recoupe::testing::shipped_resources().synth();
  std::vector<Article> arts = {
      article("a", "a.example", "en", "The port reopened on Wednesday after a strike."),
      article("b", "b.example", "en", "The port reopened on Wednesday after a strike."),
      article("c", "c.example", "en", "The port reopened on Wednesday after the strike."),
  };
  arts[0].agency = "AFP";
  arts[1].agency = "AFP";
  AnalyzedStory story = analyze_story("s", std::move(arts), testing::analysis_resources(), nullptr);
  const ClaimSet claims = build_claims(story.evidence(), resources, SynthConfig{});
  ASSERT_EQ(claims.outlet_of.size(), 3u);
  EXPECT_EQ(claims.outlet_of[0], claims.outlet_of[1]);
  EXPECT_NE(claims.outlet_of[0], claims.outlet_of[2]);
}

TEST(NumberSlots, CompatibleValues) {
  NumberMention a, b;
  a.value = 33;
  b.value = 34;
  EXPECT_FALSE(compatible_values(a, b));  // ages, counts: exact small values differ
  a.value = 4.91e9;
  b.value = 5e9;
  EXPECT_TRUE(compatible_values(a, b));  // print rounding of a large amount
  a.value = 40;
  b.value = 42;
  a.approximate = true;
  EXPECT_TRUE(compatible_values(a, b));  // "about 40"
  a.value = 5;
  b.value = 5000;
  EXPECT_TRUE(compatible_values(a, b));  // a part and a total: not one fact
}

TEST(NumberSlots, AValueOnTheSideOfABoundAgreesWithIt) {
  NumberMention bound, value;
  bound.value = 50;
  bound.approximate = true;
  bound.approximation = Approximation::kMoreThan;  // "more than 50 percent"
  value.value = 93.87;
  EXPECT_TRUE(compatible_values(bound, value));
  EXPECT_TRUE(compatible_values(value, bound));
  value.value = 40;
  EXPECT_FALSE(compatible_values(bound, value));   // below "more than 50": they differ
  bound.approximation = Approximation::kLessThan;  // "under 50"
  EXPECT_TRUE(compatible_values(bound, value));
  bound.approximation = Approximation::kAtLeast;  // "at least 7 people" and "10": two tolls
  bound.value = 7;
  bound.unit = value.unit = "person";
  value.value = 10;
  EXPECT_FALSE(compatible_values(bound, value));
  bound.value = 2;  // "at least two ladder trucks" and "three ladder trucks" agree
  bound.unit = value.unit = "truck";
  value.value = 3;
  EXPECT_TRUE(compatible_values(bound, value));
  value.value = 1;
  EXPECT_FALSE(compatible_values(bound, value));
}

// "Almost 90 percent" is 90 or a little under it: hedged, it is no longer within 15 % both
// ways, as "about 90" is.
TEST(NumberSlots, AValueHedgedNearlyIsNoMoreThanItsFigure) {
  NumberMention nearly, value;
  nearly.value = 90;
  nearly.approximate = true;
  nearly.approximation = Approximation::kNearly;  // "almost 90 percent"
  value.value = 93.87;
  EXPECT_FALSE(compatible_values(nearly, value));
  EXPECT_FALSE(compatible_values(value, nearly));
  value.value = 88;
  EXPECT_TRUE(compatible_values(nearly, value));
  value.value = 70;
  EXPECT_FALSE(compatible_values(nearly, value));
  nearly.value = 5;  // "almost five minutes" and "4 minutes": the same clock read two ways
  value.value = 4;
  EXPECT_TRUE(compatible_values(value, nearly));
  nearly.approximation = Approximation::kAbout;  // "about 90" and "93.87" may be one figure
  nearly.value = 90;
  value.value = 93.87;
  EXPECT_TRUE(compatible_values(nearly, value));
}

TEST(NumberSlots, TheNounANumberIsOfDecidesItsSlot) {
  // Few shared words around the numbers, but both count "ministres d'État": one slot.
  AnalyzedStory story = analyze_story(
      "s",
      {
          article("a", "a.example", "fr",
                  "Le congrès de Lyon a réuni mardi 40 ministres d'État venus de tout le "
                  "continent."),
          article("b", "b.example", "fr",
                  "Sous la verrière, 35 ministres d'Etat écoutaient le discours d'ouverture."),
      },
      testing::analysis_resources(), nullptr);
  const auto mentions =
      number_mentions(story.evidence(), recoupe::testing::shipped_resources().synth());
  std::vector<std::vector<size_t>> two_values;
  for (const auto& slot : number_slots(mentions))
    if (slot.size() == 2) two_values.push_back(slot);
  ASSERT_EQ(two_values.size(), 1u);
  // Ministers of another thing, in the same words: not the same count.
  EXPECT_TRUE(number_disputes(
                  {
                      article("a", "a.example", "en",
                              "The summit in Lyon gathered 40 ministers of finance on Tuesday."),
                      article("b", "b.example", "en",
                              "The summit in Lyon gathered 35 ministers of health on Tuesday."),
                  })
                  .empty());
}

TEST(NumberSlots, ASlotToldInTwoUnlikeSentencesIsNoDisagreement) {
  // One slot (the count of ministers), but the two sentences tell two moments of the day:
  // the morning's speech and the congress as a whole. Without more in common than the unit,
  // two values are two things counted alike (two players' catches, two seasons' yards), not
  // two versions of one fact; the same values in two tellings of one fact disagree.
  EXPECT_TRUE(number_disputes(with_background(
                                  {
                                      article("a", "a.example", "fr",
                                              "Le congrès de Lyon a réuni mardi 40 ministres "
                                              "d'État venus de tout le continent."),
                                      article("b", "b.example", "fr",
                                              "Sous la verrière, 35 ministres d'Etat écoutaient "
                                              "le discours d'ouverture."),
                                  },
                                  "fr"))
                  .empty());
  auto d = number_disputes(with_background(
      {
          article("a", "a.example", "fr",
                  "Le congrès de Lyon a réuni mardi 40 ministres d'État venus de tout le "
                  "continent."),
          article("b", "b.example", "fr",
                  "Le congrès de Lyon a réuni mardi 35 ministres d'État, selon les organisateurs."),
      },
      "fr"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("40 ministres"), std::string::npos) << d[0];
  EXPECT_NE(d[0].find("35 ministres"), std::string::npos) << d[0];
}

TEST(NumberSlots, CloseValuesNeedLessInCommonThanFarOnes) {
  // Two outlets tell the ceremony's guests in sentences with little in common beside the
  // count. Close counts (90 and 80 heads of state) are one count told two ways; far ones
  // (90 and 40) in the same sentences are as likely two things counted alike.
  auto story = [](const std::string& a_count, const std::string& b_count) {
    return number_disputes(with_background(
        {
            article("a", "a.example", "fr",
                    "Les dirigeants accueillent dans le grand stade " + a_count +
                        " chefs d'État du monde entier pour la cérémonie d'ouverture."),
            article("b", "b.example", "fr",
                    "On comptait " + b_count +
                        " chefs d'État dans les tribunes pendant la cérémonie d'ouverture."),
        },
        "fr"));
  };
  const auto close = story("90", "80");
  ASSERT_EQ(close.size(), 1u);
  EXPECT_NE(close[0].find("90 chefs"), std::string::npos) << close[0];
  EXPECT_NE(close[0].find("80 chefs"), std::string::npos) << close[0];
  EXPECT_TRUE(story("90", "40").empty());
}

TEST(NumberSlots, TheWholeOfAShareDoesNotDecideItsSlot) {
  // Shares of phone lines and of phone subscribers: "of phone" does not make them one figure.
  EXPECT_TRUE(
      number_disputes(
          {
              article("a", "a.example", "en", "Up to 60% of phone lines in Norland went silent."),
              article("b", "b.example", "en",
                      "Engineers said 85 percent of phone subscribers lost service."),
          })
          .empty());
}

TEST(NumberSlots, AClauseOfCommonWordsStillSaysWhatItCounts) {
  // "home to": words the broad stop list drops, all the clause has to say what is counted.
  auto d = number_disputes({
      article("a", "a.example", "en",
              "The storm reached the port of Vela, home to 40,000 people, on Monday night."),
      article("b", "b.example", "en",
              "The storm reached the port of Vela, home to 55,000 people, late on Monday."),
  });
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("40,000"), std::string::npos) << d[0];
  EXPECT_NE(d[0].find("55,000"), std::string::npos) << d[0];
}

TEST(NumberSlots, TheWordsBeforeAnEarlierCountAreNotALaterOnes) {
  // "killed" tells of the dead only: the injured counted in the same clause are another
  // slot, so d's 12 does not join the toll (where d would give two values, leaving the
  // slot unread) and the outlets' tolls are compared.
  auto d = number_disputes(with_background(
      {
          article("a", "a.example", "en", "The blast killed 4 workers."),
          article("c", "c.example", "en", "The blast killed 6 workers and injured 15."),
          article("d", "d.example", "en", "The blast killed 4 workers and injured 12."),
      },
      "en"));
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0], "4 workers|6 workers");
}

TEST(NumberSlots, TwoFloorsOfOneFactAreComparedAsValues) {
  NumberMention a, b;
  a.approximate = b.approximate = true;
  a.approximation = b.approximation = Approximation::kMoreThan;
  a.value = 4000;  // "more than 4,000 houses"
  b.value = 6000;  // "more than 6,000 houses": each outlet's figure, and they differ
  EXPECT_FALSE(compatible_values(a, b));
  b.value = 4100;  // hedged values 15 % apart or less agree
  EXPECT_TRUE(compatible_values(a, b));
  b.approximation = Approximation::kLessThan;  // "under 6,000": a floor and a ceiling agree
  b.value = 6000;
  EXPECT_TRUE(compatible_values(a, b));
  auto d = number_disputes(with_background(
      {
          article("a", "a.example", "en",
                  "The flood in the valley destroyed more than 4,000 houses, the governor said."),
          article("b", "b.example", "en",
                  "The flood in the valley destroyed more than 6,000 houses, rescuers said."),
      },
      "en"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("4,000"), std::string::npos) << d[0];
  EXPECT_NE(d[0].find("6,000"), std::string::npos) << d[0];
}

TEST(NumberSlots, ABoundIsNoVersionOfTheValueWithinIt) {
  auto d = number_disputes({
      article("a", "a.example", "en",
              "The tremor shook the port on Sunday. The tremor lasted 30 seconds, a dock worker "
              "said."),
      article("b", "b.example", "en",
              "The tremor shook the port on Sunday. The tremor lasted over 10 seconds, a "
              "teacher said."),
  });
  EXPECT_TRUE(d.empty()) << d[0];
  auto e = number_disputes(with_background(
      {
          article("a", "a.example", "en",
                  "The tremor shook the port on Sunday. The tremor lasted 30 seconds, a dock "
                  "worker said."),
          article("b", "b.example", "en",
                  "The tremor shook the port on Sunday. The tremor lasted 20 seconds, a dock "
                  "worker said."),
      },
      "en"));
  EXPECT_EQ(e.size(), 1u);  // the same clauses with two values do disagree
}

TEST(NumberSlots, ATimeOfDayIsNoNumberOfHours) {
  // "8h08" and "20h08" are the same evening written two ways, not 8 and 20 hours.
  EXPECT_TRUE(number_disputes({
                                  article("a", "a.example", "fr",
                                          "La cérémonie d'ouverture doit débuter à 20h08 "
                                          "vendredi au stade, selon les organisateurs."),
                                  article("b", "b.example", "fr",
                                          "La cérémonie d'ouverture doit débuter à 8h08 "
                                          "vendredi au stade, selon les organisateurs."),
                              })
                  .empty());
}

TEST(NumberSlots, AnOffsetBetweenTwoMomentsIsNoDuration) {
  // "five days before the raid" and "two days after her release" measure gaps between
  // moments, not one quantity outlets could disagree on.
  EXPECT_TRUE(number_disputes({
                                  article("a", "a.example", "en",
                                          "The hostages were held for years. The plan started "
                                          "five days before the raid, the army said."),
                                  article("b", "b.example", "en",
                                          "The hostages were held for years. She spoke "
                                          "two days after the raid, the army said."),
                              })
                  .empty());
}

TEST(NumberSlots, AnEndOfARangeIsNotAValue) {
  EXPECT_TRUE(number_disputes({
                                  article("a", "a.example", "fr",
                                          "L'audience de la cérémonie a progressé de 20 à 30 % "
                                          "par rapport à Athènes."),
                                  article("b", "b.example", "fr",
                                          "L'audience de la cérémonie a progressé de 39 % par "
                                          "rapport à Athènes."),
                              })
                  .size() == 0);
  // Without a range the two values do disagree.
  EXPECT_EQ(number_disputes({
                                article("a", "a.example", "en",
                                        "A second quake of magnitude 5.6 struck the island, "
                                        "officials said."),
                                article("b", "b.example", "en",
                                        "A second quake of magnitude 5.9 struck the island, "
                                        "officials said."),
                            })
                .size(),
            1u);
}

TEST(NumberSlots, TheWholeOfAShareIsNotAValue) {
  // a's 210 and b's 95 are each the whole of a share (what was thrown, of which a part
  // landed), of spans the words around do not tell apart.
  EXPECT_TRUE(number_disputes(
                  with_background({article("a", "a.example", "en",
                                           "Garcia landed 40 of 210 punches against Ortiz."),
                                   article("b", "b.example", "en",
                                           "Garcia landed 25 of his 95 punches against Ortiz.")},
                                  "en"))
                  .empty());
  EXPECT_TRUE(
      number_disputes(
          with_background(
              {article("a", "a.example", "fr", "Garcia a réussi 4 de ses 12 tirs contre Ortiz."),
               article("b", "b.example", "fr", "Garcia a réussi 4 tirs sur 15 contre Ortiz.")},
              "fr"))
          .empty());
  // Told as counts of their own, they are compared.
  EXPECT_EQ(number_disputes(
                with_background(
                    {article("a", "a.example", "en", "Garcia threw 210 punches against Ortiz."),
                     article("b", "b.example", "en", "Garcia threw 95 punches against Ortiz.")},
                    "en"))
                .size(),
            1u);
}

TEST(NumberSlots, NumbersOfTwoDifferentTimesAreTwoSlots) {
  // "earlier on Sunday" and "in September": two quakes, not one disputed magnitude.
  EXPECT_TRUE(number_disputes({
                                  article("a", "a.example", "en",
                                          "The island was hit by a 5.6 magnitude quake on Sunday, "
                                          "the agency said."),
                                  article("b", "b.example", "en",
                                          "The island was hit by a 6.1 magnitude quake in "
                                          "September, the agency said."),
                              })
                  .empty());
  // The same two sentences about one Sunday do disagree.
  EXPECT_EQ(number_disputes({
                                article("a", "a.example", "en",
                                        "The island was hit by a 5.6 magnitude quake on Sunday, "
                                        "the agency said."),
                                article("b", "b.example", "en",
                                        "The island was hit by a 6.1 magnitude quake on Sunday, "
                                        "the agency said."),
                            })
                .size(),
            1u);
}

TEST(NumberSlots, ValuesAThirdArticleGivesTogetherAreNoDispute) {
  // c gives both figures (the first estimate and its revision): a and b, each giving one,
  // do not disagree.
  EXPECT_TRUE(number_disputes({
                                  article("a", "a.example", "fr",
                                          "La banque a annoncé une perte de 600 millions "
                                          "d'euros sur les marchés."),
                                  article("b", "b.example", "fr",
                                          "La banque a subi une perte de 751 millions d'euros "
                                          "sur les marchés."),
                                  article("c", "c.example", "fr",
                                          "La perte de 600 millions d'euros annoncée en octobre "
                                          "a été portée à 751 millions d'euros après l'audit."),
                              })
                  .empty());
}

TEST(NumberSlots, ALargeFigureAThirdArticleGivesWithoutItsUnitIsNoDispute) {
  // c gives the half-year loss with its unit and the quarter's without ("et de 234
  // millions"): a figure of that size is recognised without its unit.
  const auto story = [](const std::string& c_text) {
    return with_third(
        "fr", "La filiale a annoncé une perte nette de 234 millions d'euros, selon ses comptes.",
        "La filiale a annoncé une perte nette de 948 millions d'euros, selon ses comptes.", c_text);
  };
  EXPECT_TRUE(story("La filiale a subi une perte nette de 948 millions d'euros au premier "
                    "semestre et de 234 millions au troisième trimestre.")
                  .empty());
  // Without c's figures, a and b do disagree: the test above is the rule at work.
  EXPECT_EQ(story("La filiale a publié ses comptes vendredi.").size(), 1u);
}

TEST(DateDisagreements, TodayInAnArticleWithoutADateNamesNoKnownDay) {
  // a and b have no publication date: their relative dates were resolved against c's, a day
  // guessed for the story, so a's "today" cannot be said to contradict b's "Wednesday".
  const Article dated = dated_article();
  const std::vector<Article> undated = {
      article("a", "a.example", "en",
              "A firebomb attack on a depot in Patras killed two guards today as riot police "
              "fought protesters."),
      article("b", "b.example", "en",
              "A firebomb attack on a depot in Patras killed two guards on Wednesday as riot "
              "police fought protesters."),
      dated,
  };
  EXPECT_TRUE(date_disputes(undated).empty());
  // A weekday on each side is a day written out: those two do disagree.
  std::vector<Article> weekdays = undated;
  weekdays[0].text =
      "A firebomb attack on a depot in Patras killed two guards on Tuesday as riot police "
      "fought protesters.";
  EXPECT_EQ(date_disputes(weekdays).size(), 1u);
}

TEST(NumberSlots, ANumberAmongSeveralOfItsKindIsNotCompared) {
  // a's game report gives three rushing figures: which one b's 95 yards answers, the words
  // around them do not say.
  const Article b = article("b", "b.example", "en",
                            "Smith ran for 95 yards in the game against Denver on Sunday.");
  EXPECT_TRUE(number_disputes({article("a", "a.example", "en",
                                       "Smith ran for 120 yards in the game against Denver on "
                                       "Sunday, Jones ran for 80 yards and Brown ran for 45 "
                                       "yards."),
                               b})
                  .empty());
  // With one figure, a and b do disagree: the test above is the rule at work.
  EXPECT_EQ(number_disputes({article("a", "a.example", "en",
                                     "Smith ran for 120 yards in the game against Denver on "
                                     "Sunday."),
                             b})
                .size(),
            1u);
}

TEST(NumberSlots, APlayersStatisticsLineIsNotComparedWithAnother) {
  // a and b each give a player's record in one sentence that counts three kinds of things:
  // a line of one span (a half, a game, a season) that the other's may not share. a's other
  // figure of a kind its line counts goes with it.
  EXPECT_TRUE(number_disputes(
                  with_background({article("a", "a.example", "en",
                                           "Moreno scored 14 points, grabbed nine rebounds and "
                                           "blocked five shots against Tulsa. In the second half "
                                           "he blocked four shots against Tulsa."),
                                   article("b", "b.example", "en",
                                           "He scored 12 points, grabbed nine rebounds and "
                                           "blocked two shots against Tulsa.")},
                                  "en"))
                  .empty());
  // The same figures one to a sentence are compared: the test above is the rule at work.
  EXPECT_EQ(number_disputes(
                with_background(
                    {article("a", "a.example", "en", "Moreno blocked five shots against Tulsa."),
                     article("b", "b.example", "en", "Moreno blocked two shots against Tulsa.")},
                    "en"))
                .size(),
            1u);
  // An event's lede counts several kinds too, and its figures are compared: its subject is
  // the event, not a person.
  EXPECT_EQ(number_disputes(
                with_background({article("a", "a.example", "en",
                                         "A magnitude 6.1 earthquake destroyed 12 villages and "
                                         "killed 40 people in the province."),
                                 article("b", "b.example", "en",
                                         "A magnitude 6.1 earthquake destroyed 12 villages and "
                                         "killed 30 people in the province.")},
                                "en"))
                .size(),
            1u);
}

TEST(NumberSlots, AnArticleGivingTwoOfTheVersionsLeavesTheSlotUnread) {
  // c gives 120 and, in like words, 60: the slot's words fit two of its figures, so a's 120
  // against b's 95 is no reading a reader can trust.
  const auto story = [](const std::string& c_text) {
    return with_third("en", "The storm destroyed 120 homes in the valley on Sunday.",
                      "The storm destroyed 95 homes in the valley on Sunday.", c_text);
  };
  EXPECT_TRUE(story("The storm destroyed 120 homes in the valley on Sunday. Floods destroyed 60 "
                    "homes in the valley on Sunday.")
                  .empty());
  EXPECT_EQ(story("The storm destroyed 120 homes in the valley on Sunday.").size(), 1u);
}

TEST(NumberSlots, RivalsFromArticlesTellingAnotherPartOfTheStoryAreNotCompared) {
  // a, b and c tell the storm, each in its own words; d gives its own figure in a story
  // about a sawmill fire years ago, far less alike to a than a typical pair of the story, as
  // when a second event is glued into a story. Its 95 is no version of a's 120.
  const std::string a_text =
      "The storm destroyed 120 homes in the valley on Sunday. Rescue teams searched the "
      "flooded villages after the river burst its banks near the old bridge.";
  const auto story = [&](const std::string& d_text) {
    return number_disputes(
        {article("a", "a.example", "en", a_text),
         article("b", "b.example", "en",
                 "Rescue teams searched flooded villages in the valley on Monday after the "
                 "storm. The river burst its banks and the mayor opened the school gym."),
         article("c", "c.example", "en",
                 "Families slept in the school gym after the storm flooded the valley. Power "
                 "was cut and roads near the bridge were closed, the mayor said."),
         article("d", "d.example", "en", d_text)});
  };
  EXPECT_TRUE(story("In 1998 a fire at the sawmill left the town without work; the union "
                    "recalled the long winter of the strike. That storm destroyed 95 homes, "
                    "the sawmill's owner said, and the factory closed for good.")
                  .empty());
  // Told like a, d's 95 does dispute a's 120: the test above is the rule at work.
  EXPECT_EQ(story("The storm destroyed 95 homes in the valley on Sunday. Rescue teams searched "
                  "the flooded villages after the river burst its banks near the old bridge.")
                .size(),
            1u);
}

TEST(DateDisagreements, AWeekdayResolvedAgainstAnotherArticleIsNotSetAgainstAWrittenDate) {
  // a has no date: its "Tuesday" was resolved against c's day, a guess for a. b writes the
  // day in full. Their difference is the guess's, not the outlets'.
  const Article dated = dated_article();
  EXPECT_TRUE(date_disputes({
                                article("a", "a.example", "en",
                                        "A firebomb attack on a depot in Patras killed two guards "
                                        "on Tuesday as riot police fought protesters."),
                                article("b", "b.example", "en",
                                        "A firebomb attack on a depot in Patras killed two guards "
                                        "on May 7, 2031 as riot police fought protesters."),
                                dated,
                            })
                  .empty());
}

TEST(DateDisagreements, ADayToComeIsNotSetAgainstADayGone) {
  // Neither a nor b has a date; both weekdays are resolved against c's Thursday. a's arrest
  // was on Tuesday; b's Sunday is the game to come ("will"), not another day of the arrest.
  const Article dated = dated_article();
  const Article a = article("a", "a.example", "en",
                            "Smith was arrested on suspicion of drunken driving on Tuesday near "
                            "the stadium, the club said.");
  EXPECT_TRUE(date_disputes({a,
                             article("b", "b.example", "en",
                                     "Smith, arrested on suspicion of drunken driving near the "
                                     "stadium, will play on Sunday, the club said."),
                             dated})
                  .empty());
  // Told as done, the two days do disagree.
  EXPECT_EQ(date_disputes({a,
                           article("b", "b.example", "en",
                                   "Smith was arrested on suspicion of drunken driving on Sunday "
                                   "near the stadium, the club said."),
                           dated})
                .size(),
            1u);
}

TEST(DateDisagreements, AGuessedWeekdayIsNotSetAgainstAWrittenDayOfTheMonth) {
  // Neither a nor b has a date. b's "May 2" names its day; a's "Thursday" was resolved
  // against c's date, a guess for a: the Thursday of another week would agree with b.
  const Article dated = dated_article();
  EXPECT_TRUE(date_disputes({
                                article("a", "a.example", "en",
                                        "The striker injured his left knee on Thursday in the "
                                        "match against Lyon and will miss the final."),
                                article("b", "b.example", "en",
                                        "The striker injured his left knee on May 2 in the "
                                        "match against Lyon and will miss the final."),
                                dated,
                            })
                  .empty());
  // Two guessed weekdays, resolved against the same guess, still tell two days.
  EXPECT_EQ(date_disputes({
                              article("a", "a.example", "en",
                                      "The striker injured his left knee on Thursday in the "
                                      "match against Lyon and will miss the final."),
                              article("b", "b.example", "en",
                                      "The striker injured his left knee on Tuesday in the "
                                      "match against Lyon and will miss the final."),
                              dated,
                          })
                .size(),
            1u);
}

TEST(DateDisagreements, TwoDatesOfOneArticleAreTwoMomentsNotADispute) {
  // a tells when the vote was put off and the day it was put off to: the same words around
  // two dates of one account, which no other outlet contradicts.
  EXPECT_TRUE(date_disputes({
                                article("a", "a.example", "en",
                                        "The council of Brest postponed the vote on the harbour "
                                        "tax on May 2, 2031. The council of Brest postponed the "
                                        "vote on the harbour tax until June 1, 2031."),
                                article("b", "b.example", "en",
                                        "Fishermen in Brest welcomed the delay of the harbour "
                                        "tax vote."),
                            })
                  .empty());
}

TEST(PlaceDisagreements, AnArticleGivingBothPlacesSetsNoneAgainstTheOther) {
  // b says the tremor shook Oman, and further on that it was felt in Dubai: two places of
  // one account, not two versions of one place.
  const SynthResources& resources = recoupe::testing::shipped_resources().synth();
  AnalyzedStory story = analyze_story(
      "s",
      {article("a", "a.example", "en",
               "The tremor shook Oman on Sunday afternoon, sending office workers running into "
               "the streets."),
       article("b", "b.example", "en",
               "The tremor shook Oman on Sunday afternoon, sending office workers running into "
               "the streets. The tremor was felt in Dubai on Sunday afternoon, sending office "
               "workers running into the streets.")},
      testing::analysis_resources(), &recoupe::testing::shipped_resources().entities());
  const StoryEvidence ev = story.evidence();
  const ClaimSet claims = build_claims(ev, resources, SynthConfig{});
  for (const auto& d : find_disagreements(ev, claims, {}, resources, SynthConfig{}))
    EXPECT_NE(d.kind, "place") << d.versions[0].value << " / " << d.versions[1].value;
}

TEST(NumberSlots, TwoOutletsDescribingOneNamedPlaceAlikeDisagreeOnItsFigure) {
  // Both describe the island in apposition, in the same words, inside sentences that have
  // little else in common: one fact, two values. A town described alike is another thing.
  auto story = [](const std::string& b_place) {
    return disputes_of_two(
        "The storm made landfall on Varlo island, home to 80,000 people, and flooded the "
        "harbour road, the coast guard said.",
        "Forecasters had warned residents of " + b_place +
            ", home to 95,000 people, two days before the wind turned.");
  };
  const auto same = story("Varlo Island");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_NE(same[0].find("80,000 people"), std::string::npos) << same[0];
  EXPECT_NE(same[0].find("95,000 people"), std::string::npos) << same[0];
  EXPECT_TRUE(story("Tessel town").empty());
}

TEST(NumberSlots, AFigureGivenInAnotherUnitIsComparedInOne) {
  // 450 miles is 724 km: a dispute with 800 km; 500 miles is 805 km, 800 km rounded.
  auto story = [](const std::string& a_distance, const std::string& b_distance) {
    return disputes_of_two(
        "The convoy drove " + a_distance + " north of Brenna, 300 kilometers past the last depot.",
        "The convoy drove " + b_distance +
            " north of Brenna before the border closed, officials said.");
  };
  const auto far = story("800 kilometers", "450 miles");
  ASSERT_EQ(far.size(), 1u);
  EXPECT_NE(far[0].find("800 kilometers"), std::string::npos) << far[0];
  EXPECT_NE(far[0].find("450 miles"), std::string::npos) << far[0];
  EXPECT_TRUE(story("800 kilometers", "500 miles").empty());
  // "(500 miles)" restates the 800 kilometers: no figure of its own (else the article would
  // give three distances and none would be compared), and the clause goes on after it.
  const auto restated = story("800 kilometers (500 miles)", "600 kilometers");
  ASSERT_EQ(restated.size(), 1u);
  EXPECT_NE(restated[0].find("800 kilometers"), std::string::npos) << restated[0];
  EXPECT_EQ(restated[0].find("500 miles"), std::string::npos) << restated[0];
}

TEST(NumberSlots, DistancesFromOneNamedPlaceAreOneFactWhicheverWayItLies) {
  // Two outlets place the valley from the capital in unlike sentences and bearings: one
  // distance, told 1,200 and 900 km. From two different towns, two distances.
  auto story = [](const std::string& b_distance, const std::string& b_place) {
    return disputes_of_two(
        "The stricken valley lies 1,200 kilometers south of Varnhold, in a remote mountain "
        "district.",
        "Rescue teams flew on Monday to the valley, located " + b_distance + " southeast of " +
            b_place + ", with tents and water.");
  };
  const auto apart = story("900 kilometers (560 miles)", "Varnhold");
  ASSERT_EQ(apart.size(), 1u);
  EXPECT_NE(apart[0].find("1,200 kilometers"), std::string::npos) << apart[0];
  EXPECT_NE(apart[0].find("900 kilometers"), std::string::npos) << apart[0];
  EXPECT_TRUE(story("900 kilometers", "Osterby").empty());  // from another town
  EXPECT_TRUE(story("750 miles", "Varnhold").empty());      // 1,207 km: the same, rounded
}

}  // namespace
}  // namespace recoupe::synth
