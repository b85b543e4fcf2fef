#include "text/calendar_words.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/data_dir.h"
#include "text/split.h"

namespace recoupe::text {
namespace {

TEST(SplitVariants, TrimsEachFormAndDropsEmptyOnes) {
  EXPECT_EQ(split_variants("lundi | lun|"), (std::vector<std::string>{"lundi", "lun"}));
  EXPECT_EQ(split_variants("heures de pointe|rush"),
            (std::vector<std::string>{"heures de pointe", "rush"}));
  EXPECT_TRUE(split_variants(" | ").empty());
}

TEST(CalendarWords, ShippedListsGiveTwelveMonthsAndSevenDaysInOrder) {
  const CalendarWords en = read_calendar_words(find_data_dir(), "en");
  ASSERT_EQ(en.months.size(), 12u);
  ASSERT_EQ(en.weekdays.size(), 7u);
  EXPECT_EQ(en.weekdays[0].front(), "monday");
  EXPECT_EQ(en.weekdays[6].front(), "sunday");
  EXPECT_NE(std::find(en.weekdays[2].begin(), en.weekdays[2].end(), "wed"), en.weekdays[2].end());
  const CalendarWords fr = read_calendar_words(find_data_dir(), "fr");
  ASSERT_EQ(fr.months.size(), 12u);
  EXPECT_EQ(fr.months[7].front(), "août");
}

TEST(CalendarWords, ALanguageWithoutListsHasNoNames) {
  const CalendarWords none = read_calendar_words(find_data_dir(), "xx");
  EXPECT_TRUE(none.months.empty());
  EXPECT_TRUE(none.weekdays.empty());
}

}  // namespace
}  // namespace recoupe::text
