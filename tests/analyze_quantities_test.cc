#include <gtest/gtest.h>

#include <fmt/format.h>

#include "analyze_test_util.h"

namespace recoupe::analyze {
namespace {

std::vector<std::string> q(std::string_view text, const std::string& lang) {
  std::vector<std::string> out;
  for (const auto& x : find_quantities(text, test_resources().for_language(lang).quantities))
    out.push_back(
        fmt::format("{}={:g} {} {}", x.text, x.value, x.unit, to_string(x.approximation)));
  return out;
}

using V = std::vector<std::string>;

TEST(Quantities, FrenchUnitsAndHedges) {
  EXPECT_EQ(q("ils se sont serré la main pendant 40 secondes", "fr"),
            V{"40 secondes=40 second exact"});
  EXPECT_EQ(q("après plus de deux heures", "fr"), V{"plus de deux heures=2 hour more_than"});
  EXPECT_EQ(q("une participation de presque 90 %", "fr"), V{"presque 90 %=90 percent nearly"});
  EXPECT_EQ(q("à environ 680 km (425 miles) au nord", "fr"),
            (V{"environ 680 km=680 km about", "425 miles=425 mile exact"}));
  EXPECT_EQ(q("a tiré deux missiles balistiques", "fr"), V{"deux missiles=2 missile exact"});
  EXPECT_EQ(q("un contrat de 14 milliards de dollars", "fr"),
            V{"14 milliards de dollars=1.4e+10 dollar exact"});
  EXPECT_EQ(q("1,5 million d'habitants", "fr"),
            V{"1,5 million d'habitants=1.5e+06 habitant exact"});
  EXPECT_EQ(q("une hausse de 3,5 %", "fr"), V{"3,5 %=3.5 percent exact"});
  EXPECT_EQ(q("à 2 000 km", "fr"), V{"2 000 km=2000 km exact"});
  EXPECT_EQ(q("quatre-vingt-dix soldats", "fr"), V{"quatre-vingt-dix soldats=90 soldat exact"});
  EXPECT_EQ(q("au moins 12 morts", "fr"), V{"au moins 12 morts=12 mort at_least"});
}

TEST(Quantities, FrenchNotQuantities) {
  EXPECT_TRUE(q("un lancement sans Kim Jong-Un s'est fait", "fr").empty());
  EXPECT_TRUE(q("le G20 et le Covid-19", "fr").empty());
  EXPECT_TRUE(q("il est 13e sur 20.", "fr").empty());
}

// A time of day written in hours is no duration: the ceremony "à 20h08" does not last 20
// hours, and two outlets' clock times were compared with "trois heures de spectacle".
TEST(Quantities, FrenchTimesOfDayAreNoDurations) {
  EXPECT_TRUE(q("la cérémonie doit débuter à 20h08 (heure locale)", "fr").empty());
  EXPECT_TRUE(q("ouverte à 20 h 00 locales (14h00 heure française)", "fr").empty());
  EXPECT_TRUE(q("il est arrivé vers 14 h", "fr").empty());
  EXPECT_EQ(q("le match a duré 2h30", "fr"), V{"2h30=2.5 hour exact"});
  EXPECT_EQ(q("une course de 20 h 15", "fr"), V{"20 h 15=20.25 hour exact"});
  EXPECT_EQ(q("il est à trois heures de Paris", "fr"), V{"trois heures=3 hour exact"});
}

// An amount with a scale word and no unit takes the unit an amount of its sentence just gave.
TEST(Quantities, AScaledAmountTakesTheUnitItsSentenceJustGave) {
  EXPECT_EQ(q("une perte de 948 millions d'euros au premier semestre et de 234 millions au "
              "troisième trimestre",
              "fr"),
            (V{"948 millions d'euros=9.48e+08 euro exact", "234 millions=2.34e+08 euro exact"}));
  EXPECT_EQ(q("a loss of $1.5 billion, against 2 billion a year earlier", "en"),
            (V{"$1.5 billion=1.5e+09 dollar exact", "2 billion=2e+09 dollar exact"}));
  // Not across a sentence, and not over a unit of its own.
  EXPECT_EQ(q("Une perte de 948 millions d'euros. Puis 3 millions.", "fr"),
            (V{"948 millions d'euros=9.48e+08 euro exact", "3 millions=3e+06  exact"}));
  EXPECT_EQ(
      q("948 millions d'euros et 2 millions de clients", "fr"),
      (V{"948 millions d'euros=9.48e+08 euro exact", "2 millions de clients=2e+06 client exact"}));
}

TEST(Quantities, English) {
  EXPECT_EQ(q("a $14 billion deal", "en"), V{"$14 billion=1.4e+10 dollar exact"});
  EXPECT_EQ(q("rose 3.5% in a year", "en"), V{"3.5%=3.5 percent exact"});
  EXPECT_EQ(q("more than 1,200 people", "en"), V{"more than 1,200 people=1200 person more_than"});
  EXPECT_EQ(q("about twenty-five countries", "en"),
            V{"about twenty-five countries=25 country about"});
  EXPECT_EQ(q("one hour", "en"), V{"one hour=1 hour exact"});
  EXPECT_EQ(q("turnout was almost 90%", "en"), V{"almost 90%=90 percent nearly"});
  EXPECT_EQ(q("sales of $600m (£309m) and $1.13bn", "en"),
            (V{"$600m=6e+08 dollar exact", "£309m=3.09e+08 pound exact",
               "$1.13bn=1.13e+09 dollar exact"}));
  EXPECT_EQ(q("a 100m race", "en"), V{});
  EXPECT_TRUE(q("a man and one of them", "en").empty());
}

// A number glued by a hyphen to the noun it measures, used as an adjective.
TEST(Quantities, HyphenatedCompound) {
  EXPECT_EQ(q("a 4.8-magnitude tremor shook the valley", "en"),
            V{"4.8-magnitude=4.8 magnitude exact"});
  EXPECT_EQ(q("after a 12-day strike", "en"), V{"12-day=12 day exact"});
  EXPECT_EQ(q("a 1,200-seat hall", "en"), V{"1,200-seat=1200 seat exact"});
  EXPECT_TRUE(q("a 7-year-old girl", "en").empty());
  EXPECT_TRUE(q("scored 3-1 at home", "en").empty());
  EXPECT_TRUE(q("the Covid-19 wave", "en").empty());
}

// A number that ends its phrase right after a counted noun of its sentence counts the same
// thing: the noun is left out, not missing.
TEST(Quantities, ElidedNoun) {
  EXPECT_EQ(q("the blast killed 4 workers and injured 15.", "en"),
            (V{"4 workers=4 worker exact", "15=15 worker exact"}));
  EXPECT_EQ(q("the storm killed 3 people, injuring 40, officials said", "en"),
            (V{"3 people=3 person exact", "40=40 person exact"}));
  EXPECT_EQ(q("l'incendie a fait 2 morts et 9 blessés.", "fr"),
            (V{"2 morts=2 mort exact", "9 blessés=9 blesse exact"}));
  // Not across a sentence, not far from the noun, not a number that goes on.
  EXPECT_EQ(q("It killed 4 workers. Police came at 15.", "en"), V{"4 workers=4 worker exact"});
  EXPECT_EQ(q("4 workers were hurt on a site that the city had planned to close in 15.", "en"),
            V{"4 workers=4 worker exact"});
  EXPECT_EQ(q("prices rose 5% and 7 in", "en"), V{"5%=5 percent exact"});
}

TEST(Quantities, SkipsGivenRanges) {
  std::string text = "le 13 septembre, 40 secondes";
  auto r = find_quantities(text, test_resources().for_language("fr").quantities, {{3, 15}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].unit, "second");
}

}  // namespace
}  // namespace recoupe::analyze
