#include <gtest/gtest.h>

#include "extract/date_line.h"
#include "extract/text_cues.h"
#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

const DateNames& names() {
  const TextCues& cues = recoupe::testing::shipped_resources().text_cues();
  return cues.dates();
}

std::string iso(std::string_view line) {
  auto d = find_date(line, names());
  return d ? d->iso() : "none";
}

TEST(DateLine, NumericDayFirstAndIso) {
  EXPECT_EQ(iso("Publié le 13-09-2023 par latribune.fr"), "2023-09-13");
  EXPECT_EQ(iso("13.09.2023"), "2023-09-13");
  EXPECT_EQ(iso("Posted 2023-09-13"), "2023-09-13");
  EXPECT_EQ(iso("13/09/2023"), "2023-09-13");
}

TEST(DateLine, AmbiguousSlashDateIsRefused) {
  EXPECT_EQ(iso("03/04/2023"), "none");  // 3 April or March 4: better no date
  EXPECT_EQ(iso("31.02.2023"), "none");  // no such day
}

TEST(DateLine, TextualFrenchEnglishGerman) {
  EXPECT_EQ(iso("vendredi 29 septembre 2023"), "2023-09-29");
  EXPECT_EQ(iso("Le 1er mai 2021, à Paris"), "2021-05-01");
  EXPECT_EQ(iso("Published on September 13, 2023"), "2023-09-13");
  EXPECT_EQ(iso("13th of September 2023"), "2023-09-13");
  EXPECT_EQ(iso("Donnerstag, 31. Mai 2012"), "2012-05-31");
  EXPECT_EQ(iso("13 de septiembre de 2023"), "2023-09-13");
}

TEST(DateLine, WeekdayAndDateOnly) {
  auto d = find_date("vendredi 29 septembre 2023", names());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->weekday, 5);
  EXPECT_TRUE(d->date_only);
  auto e = find_date("Wednesday, September 13, 2023 at 10:45 pm", names());
  ASSERT_TRUE(e);
  EXPECT_EQ(e->weekday, 3);
  EXPECT_TRUE(e->date_only);
  auto f = find_date("Publié le 13-09-2023 par latribune.fr", names());
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->date_only);
}

TEST(DateLine, DateWithoutYearHasNoIso) {
  auto d = find_date("se sont retrouvés, ce mercredi 13 septembre, au cosmodrome", names());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 0);
  EXPECT_EQ(d->iso(), "");
  EXPECT_TRUE(d->deictic);
  EXPECT_EQ(d->weekday, 3);
}

TEST(DateLine, NoDateInPlainText) {
  EXPECT_EQ(iso("Kim Jong-un est arrivé en Russie avec 40 personnes"), "none");
  EXPECT_EQ(iso("Il a signé en mars."), "none");
}

}  // namespace
}  // namespace recoupe::extract
