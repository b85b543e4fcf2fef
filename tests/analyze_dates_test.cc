#include <gtest/gtest.h>

#include "analyze_test_util.h"

namespace recoupe::analyze {
namespace {

// Reference: Wednesday 13 September 2023.
const CivilDate kRef{2023, 9, 13};

std::vector<DateMention> dates(std::string_view text, const std::string& lang,
                               std::optional<CivilDate> ref = kRef) {
  return find_dates(text, test_resources().for_language(lang).dates, ref);
}

std::string one(std::string_view text, const std::string& lang) {
  auto d = dates(text, lang);
  return d.size() == 1 ? d[0].text + "=" + d[0].value + "/" + to_string(d[0].precision) : "none";
}

TEST(Dates, FrenchAbsolute) {
  EXPECT_EQ(one("le 13 septembre 2023 à Moscou", "fr"), "13 septembre 2023=2023-09-13/day");
  EXPECT_EQ(one("Publié le 13-09-2023 par X", "fr"), "13-09-2023=2023-09-13/day");
  EXPECT_EQ(one("le 13/09/2023", "fr"), "13/09/2023=2023-09-13/day");
  EXPECT_EQ(one("mis à jour 2023-09-13T10:00", "fr"), "2023-09-13=2023-09-13/day");
  EXPECT_EQ(one("le 1er janvier 2020", "fr"), "1er janvier 2020=2020-01-01/day");
  EXPECT_EQ(one("en septembre 2022", "fr"), "septembre 2022=2022-09/month");
  EXPECT_EQ(one("à Vladivostok en 2019.", "fr"), "2019=2019/year");
}

TEST(Dates, CountedSpans) {
  EXPECT_EQ(one("Il y a deux jours, le ministre a démissionné.", "fr"),
            "Il y a deux jours=2023-09-11/day");
  EXPECT_EQ(one("il y a un an", "fr"), "il y a un an=2022/year");
  EXPECT_EQ(one("Le vote aura lieu dans trois semaines.", "fr"),
            "dans trois semaines=2023-10-02/week");  // the Monday of that week
  EXPECT_EQ(one("il y a 6 mois", "fr"), "il y a 6 mois=2023-03/month");
  EXPECT_EQ(one("The minister resigned two days ago.", "en"), "two days ago=2023-09-11/day");
  EXPECT_EQ(one("Elections are due in 3 years.", "en"), "in 3 years=2026/year");
  EXPECT_EQ(one("vor zwei Tagen", "de"), "vor zwei Tagen=2023-09-11/day");
  // Not spans: a count without a unit, a year after "in", a bare duration.
  EXPECT_EQ(one("il y a deux hommes", "fr"), "none");
  EXPECT_EQ(one("three days of talks", "en"), "none");
  EXPECT_EQ(one("in 2019 the talks failed", "en"), "2019=2019/year");
  // Without a reference the span is found but not resolved.
  auto d = dates("il y a deux jours", "fr", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].value, "");
}

TEST(Dates, FrenchYearlessTakesNearestYear) {
  auto d = dates("ce mercredi 13 septembre, au cosmodrome", "fr");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "ce mercredi 13 septembre");
  EXPECT_EQ(d[0].value, "2023-09-13");
  EXPECT_TRUE(d[0].relative);
  EXPECT_EQ(d[0].anchor, "2023-09-13");
  EXPECT_EQ(one("le 28 décembre", "fr"), "28 décembre=2023-12-28/day");
  EXPECT_EQ(one("le 20 mai", "fr"), "20 mai=2023-05-20/day");
}

TEST(Dates, FrenchRelative) {
  EXPECT_EQ(one("Parti dimanche soir de Pyongyang", "fr"), "dimanche soir=2023-09-10/day");
  EXPECT_EQ(one("il est arrivé ce mardi en train", "fr"), "ce mardi=2023-09-12/day");
  EXPECT_EQ(one("Ils se sont vus ce mercredi.", "fr"), "ce mercredi=2023-09-13/day");
  EXPECT_EQ(one("hier", "fr"), "hier=2023-09-12/day");
  EXPECT_EQ(one("aujourd'hui", "fr"), "aujourd'hui=2023-09-13/day");
  EXPECT_EQ(one("demain", "fr"), "demain=2023-09-14/day");
  EXPECT_EQ(one("lundi dernier", "fr"), "lundi dernier=2023-09-11/day");
  EXPECT_EQ(one("mercredi dernier", "fr"), "mercredi dernier=2023-09-06/day");
  EXPECT_EQ(one("mercredi prochain", "fr"), "mercredi prochain=2023-09-20/day");
  EXPECT_EQ(one("la semaine dernière", "fr"), "la semaine dernière=2023-09-04/week");
  EXPECT_EQ(one("l'an dernier", "fr"), "l'an dernier=2022/year");
  auto d = dates("mardi matin", "fr");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].time_of_day, "morning");
  EXPECT_EQ(one("arrivé le 12, reparti", "fr"), "12=2023-09-12/day");
}

TEST(Dates, EnglishAbsoluteAndRelative) {
  EXPECT_EQ(one("on Sept. 13, 2023 in Moscow", "en"), "Sept. 13, 2023=2023-09-13/day");
  EXPECT_EQ(one("September 13", "en"), "September 13=2023-09-13/day");
  EXPECT_EQ(one("in 2019 they met", "en"), "2019=2019/year");
  EXPECT_EQ(one("09/12/2023", "en"), "09/12/2023=2023-09-12/day");
  EXPECT_EQ(one("last Tuesday", "en"), "last Tuesday=2023-09-12/day");
  EXPECT_EQ(one("He left on Sunday.", "en"), "on Sunday=2023-09-10/day");
  EXPECT_EQ(one("yesterday", "en"), "yesterday=2023-09-12/day");
  EXPECT_EQ(one("next Monday", "en"), "next Monday=2023-09-18/day");
  EXPECT_EQ(one("last year", "en"), "last year=2022/year");
}

// A bare weekday after a future word in its clause is the next such day (the reference is
// Wednesday 13 September 2023); a past one, or one after a comma, the last.
TEST(Dates, AWeekdayToldInTheFutureIsOnOrAfterTheReference) {
  EXPECT_EQ(one("Jackson will play in Sunday's playoff game at Pittsburgh.", "en"),
            "Sunday=2023-09-17/day");
  EXPECT_EQ(one("The talks are set to resume on Friday.", "en"), "on Friday=2023-09-15/day");
  EXPECT_EQ(one("Jackson was arrested early Tuesday.", "en"), "Tuesday=2023-09-12/day");
  EXPECT_EQ(one("He will be charged, police said Tuesday.", "en"), "Tuesday=2023-09-12/day");
  EXPECT_EQ(one("Le dalaï-lama sera reçu samedi à Nantes.", "fr"), "samedi=2023-09-16/day");
  EXPECT_EQ(one("Le dalaï-lama a été reçu samedi à Nantes.", "fr"), "samedi=2023-09-09/day");
  EXPECT_EQ(one("Il doit être jugé mercredi.", "fr"), "mercredi=2023-09-13/day");
}

TEST(Dates, NotDates) {
  EXPECT_TRUE(dates("à environ 2 000 km de là", "fr").empty());
  EXPECT_TRUE(dates("il a 2019 euros", "fr").empty());
  EXPECT_TRUE(dates("le 45e jour, 32 septembre", "fr").empty());
  EXPECT_TRUE(dates("version 1.2.2023.4", "en").empty());
  EXPECT_TRUE(dates("you may 5 times", "en").empty());
}

TEST(Dates, WithoutReferenceLeavesUnknownParts) {
  auto d = dates("mardi, le 13 septembre", "fr", std::nullopt);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].value, "");
  EXPECT_TRUE(d[0].relative);
  EXPECT_EQ(d[1].value, "XXXX-09-13");
}

TEST(Dates, AnAbsoluteDayKeepsItsWrittenWeekday) {
  // The weekday of "mercredi 2 juillet" narrows the unknown year down (synth/event_date.h);
  // a bare weekday is a relative date and a day written without one has none.
  auto d = dates("mercredi 2 juillet, puis le 5 juillet et dimanche.", "fr", std::nullopt);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].text, "mercredi 2 juillet");
  EXPECT_EQ(d[0].value, "XXXX-07-02");
  EXPECT_EQ(d[0].weekday, 2);
  EXPECT_EQ(d[1].value, "XXXX-07-05");
  EXPECT_EQ(d[1].weekday, -1);
  EXPECT_EQ(d[2].text, "dimanche");
  EXPECT_EQ(d[2].weekday, -1);
  auto e = dates("on Saturday, January 26 the bank said", "en", std::nullopt);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].value, "XXXX-01-26");
  EXPECT_EQ(e[0].weekday, 5);
}

TEST(Dates, ADateAfterSinceStartsALastingState) {
  // "depuis le 8 février" dates when a state began, not what the sentence tells.
  auto d = dates("Incarcéré depuis le 8 février, il sera jugé le 14 mars à Paris.", "fr");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].text, "8 février");
  EXPECT_TRUE(d[0].since);
  EXPECT_EQ(d[1].text, "14 mars");
  EXPECT_FALSE(d[1].since);
  auto e = dates("Held since February 8, he was freed on March 14.", "en");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_TRUE(e[0].since);
  EXPECT_FALSE(e[1].since);
}

TEST(Dates, AnAbbreviatedMonthMayBeGluedToItsDay) {
  // "Dec.14": the dot of the abbreviation, not the middle of a number ("1.5", "2.000").
  auto d = dates("Voting began on Dec.14. Turnout was 1.5 points higher.", "en", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "Dec.14");
  EXPECT_EQ(d[0].value, "XXXX-12-14");
}

TEST(Dates, OtherLanguages) {
  EXPECT_EQ(one("el 13 de septiembre de 2023", "es"), "13 de septiembre de 2023=2023-09-13/day");
  EXPECT_EQ(one("am 13. September 2023", "de"), "13. September 2023=2023-09-13/day");
  EXPECT_EQ(one("ieri", "it"), "ieri=2023-09-12/day");
}

}  // namespace
}  // namespace recoupe::analyze
