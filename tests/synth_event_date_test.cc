// The event date of a story: voted by the articles' own dated statements (synth/event_date.h).
#include "synth/event_date.h"

#include <gtest/gtest.h>

#include "synth/analyzed_story.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

Article article(std::string id, std::string text) {
  Article a;
  a.id = std::move(id);
  a.language = "fr";
  a.text = std::move(text);
  return a;
}

// Each article its own origin, except where `outlet_of` says otherwise.
std::string event_date(std::vector<Article> articles, std::vector<int> outlet_of = {}) {
  AnalyzedStory story =
      analyze_story("s", std::move(articles), testing::analysis_resources(), nullptr);
  ClaimSet claims;
  for (size_t a = 0; a < story.articles.size(); ++a)
    claims.outlet_of.push_back(a < outlet_of.size() ? outlet_of[a] : static_cast<int>(a));
  return story_event_date(story.evidence(), claims);
}

TEST(EventDate, YearLessDayTakesTheYearItsSentenceStates) {
  // One article dates the day in full; the others' "2 juillet" joins it.
  EXPECT_EQ(event_date({
                article("a",
                        "En 2008, le port a rouvert le 2 juillet après trois semaines de "
                        "grève. Les dockers ont voté la reprise."),
                article("b",
                        "Le port a rouvert le 2 juillet, selon la direction. Les dockers "
                        "ont voté la reprise."),
                article("c",
                        "Le 6 février 2007, un premier accord avait échoué. Les dockers "
                        "sont restés en grève. Tout a changé le 2 juillet."),
            }),
            "2008-07-02");
}

TEST(EventDate, AYearOfAnotherSentenceIsNotTheDaysYear) {
  // "2006" is a time the article recalls, not the year of "5 août".
  EXPECT_EQ(event_date({
                article("a",
                        "Un enfant a été trouvé seul le 5 août dans une cité. Sa mère était "
                        "partie en Algérie. En 2006, elle avait déjà quitté la ville."),
                article("b", "Le 5 août, un enfant a été trouvé seul. La police enquête."),
            }),
            "XXXX-08-05");
}

TEST(EventDate, WithoutAnyYearTheDayStaysYearLess) {
  // A background day with its year does not lend that year to the event's day.
  EXPECT_EQ(event_date({
                article("a",
                        "Le port a rouvert le 2 juillet après trois semaines de grève. Les "
                        "dockers ont voté la reprise à une large majorité."),
                article("b",
                        "Le port a rouvert le 2 juillet. Les dockers ont voté la reprise. "
                        "Un premier accord avait échoué le 6 février 2007."),
            }),
            "XXXX-07-02");
}

TEST(EventDate, WrittenWeekdaysGiveTheLatestStatedYearTheyFit) {
  // "jeudi 12 mars" falls on a Thursday in 1998, 2009, 2015, 2020: of the stated years,
  // 1998 and 2009 fit, 2007 does not; the latest that fits dates the day.
  EXPECT_EQ(event_date({
                article("a",
                        "Le port de Brest a rouvert jeudi 12 mars après trois semaines de "
                        "grève. Les dockers ont voté la reprise."),
                article("b",
                        "Le port a rouvert le 12 mars. Un conflit avait éclaté en 1998. Une "
                        "réforme avait été votée en 2007."),
                article("c", "Le port a rouvert le 12 mars. Le plan voté en 2009 est appliqué."),
            }),
            "2009-03-12");
}

TEST(EventDate, WrittenWeekdaysGiveTheFirstFittingYearAfterTheLatestStated) {
  // No stated year fits "jeudi 12 mars": the event comes after what the articles recall
  // (2006), and 2009 is the first year after it in which 12 March is a Thursday.
  EXPECT_EQ(event_date({
                article("a",
                        "Le port de Brest a rouvert jeudi 12 mars après trois semaines de "
                        "grève. Les dockers ont voté la reprise."),
                article("b", "Le port a rouvert le 12 mars. Un conflit avait éclaté en 2006."),
            }),
            "2009-03-12");
}

TEST(EventDate, WeekdaysNoYearFitsTogetherLeaveTheYearUnknown) {
  // "jeudi 12 mars" fits 2009, "samedi 13 mars" 2010: two years mixed, no year is told.
  EXPECT_EQ(event_date({
                article("a",
                        "Le port de Brest a rouvert jeudi 12 mars après trois semaines de "
                        "grève. Les dockers ont voté la reprise."),
                article("b",
                        "Le port a rouvert le 12 mars. Le maire s'est exprimé samedi 13 "
                        "mars. Un conflit avait éclaté en 2006."),
                article("c", "Le port a rouvert le 12 mars, selon la direction."),
            }),
            "XXXX-03-12");
}

TEST(EventDate, TheDayTakesTheYearNearestTheWeekdays) {
  // "lundi 5 janvier" is 2009 (stated); the event's "31 décembre", told five days later, is
  // the day before that New Year, not the end of 2009.
  EXPECT_EQ(event_date({
                article("a",
                        "Le port de Brest a fermé le 31 décembre. Les dockers ont voté la "
                        "grève."),
                article("b", "Le port a fermé le 31 décembre, selon la direction."),
                article("c",
                        "Le port est fermé depuis six jours. Les dockers ont manifesté "
                        "lundi 5 janvier. Le budget voté en 2009 est menacé."),
            }),
            "2008-12-31");
}

TEST(EventDate, TheLedeOutweighsTheBackground) {
  // Two origins tell the event's day in their lede; two others mention an older day deep in
  // the body, with the event day in the body too.
  const std::string lede = "Le port de Brest a rouvert le 2 juillet 2009. ";
  const std::string filler =
      "Les dockers ont voté la reprise. La direction se félicite. Les syndicats restent "
      "prudents. ";
  EXPECT_EQ(event_date({
                article("a", lede + filler),
                article("b", lede + filler),
                article("c", filler + "Une grève avait bloqué le port le 12 mars 2009."),
                article("d", filler + "Une grève avait bloqué le port le 12 mars 2009."),
            }),
            "2009-07-02");
}

TEST(EventDate, ADaySinceWhichAStateLastsIsNotTheEvent) {
  // "détenu depuis le 8 février" is background of the release on 14 March, however often
  // it is repeated.
  EXPECT_EQ(event_date({
                article("a",
                        "Le trader a été libéré le 14 mars. Il était détenu depuis le 8 "
                        "février."),
                article("b", "Le trader a été libéré le 14 mars, selon son avocat."),
                article("c", "Détenu depuis le 8 février, le trader est sorti de prison."),
                article("d", "Le trader, incarcéré depuis le 8 février, est sorti."),
            }),
            "XXXX-03-14");
}

TEST(EventDate, OnEqualVotesTheLedeWins) {
  // 2 July in one lede against 9 July deep in two bodies: equal sums, and the lede tells the
  // event.
  const std::string filler = "Les dockers ont voté la reprise. La direction se félicite. ";
  EXPECT_EQ(
      event_date({
          article("a", "Le port a rouvert le 2 juillet après trois semaines de grève. " + filler),
          article("b", filler + "La prochaine assemblée se tiendra le 9 juillet."),
          article("c", filler + "Les syndicats se réuniront le 9 juillet."),
      }),
      "XXXX-07-02");
}

TEST(EventDate, ReprintsOfOneOriginVoteOnce) {
  const std::string wire = "Le port de Brest a rouvert le 2 juillet 2009, a annoncé la direction.";
  EXPECT_EQ(event_date(
                {
                    article("a", wire),
                    article("b", wire),
                    article("c", wire),
                    article("d", "Le port de Brest a rouvert le 3 juillet 2009, selon le maire."),
                    article("e", "Le port de Brest a rouvert le 3 juillet 2009, selon un docker."),
                },
                {0, 0, 0, 1, 2}),
            "2009-07-03");
}

TEST(EventDate, NoDayStatedGivesThePublicationDate) {
  Article a = article("a", "Le port de Brest a rouvert, a annoncé la direction.");
  a.published_at = parse_publication_time("2009-07-04T10:00:00Z");
  ASSERT_TRUE(a.published_at);
  EXPECT_EQ(event_date({a}), "2009-07-04");
}

}  // namespace
}  // namespace recoupe::synth
