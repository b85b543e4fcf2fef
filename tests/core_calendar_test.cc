#include "core/calendar.h"

#include <gtest/gtest.h>

namespace recoupe {
namespace {

TEST(Calendar, DayNumbersRoundTrip) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  for (int64_t z = -800000; z <= 800000; z += 997)
    EXPECT_EQ(days_from_civil(civil_from_days(z)), z);
  EXPECT_EQ(format_iso(civil_from_days(days_from_civil({2024, 2, 28}) + 1)), "2024-02-29");
  EXPECT_EQ(format_iso(civil_from_days(days_from_civil({2023, 2, 28}) + 1)), "2023-03-01");
}

TEST(Calendar, Weekdays) {
  EXPECT_EQ(days_since_monday({2023, 9, 13}), 2);  // a Wednesday
  EXPECT_EQ(iso_weekday({2023, 9, 13}), 3);
  EXPECT_EQ(iso_weekday({2000, 1, 1}), 6);    // a Saturday
  EXPECT_EQ(iso_weekday({1969, 12, 28}), 7);  // a Sunday, before the epoch
}

TEST(Calendar, Validity) {
  EXPECT_TRUE(is_valid_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_date(2023, 2, 29));
  EXPECT_FALSE(is_valid_date(1900, 2, 29));  // not leap: divisible by 100
  EXPECT_TRUE(is_valid_date(2000, 2, 29));   // leap: divisible by 400
  EXPECT_FALSE(is_valid_date(2023, 4, 31));
  EXPECT_FALSE(is_valid_date(2023, 13, 1));
  EXPECT_FALSE(is_valid_date(0, 1, 1));
  EXPECT_EQ(days_in_month(2023, 0), 0);
}

TEST(Calendar, IsoParseAndFormat) {
  EXPECT_EQ(parse_iso_date("2023-09-13"), (CivilDate{2023, 9, 13}));
  EXPECT_EQ(parse_iso_date("2023-09-13T10:00:00Z"), (CivilDate{2023, 9, 13}));
  EXPECT_FALSE(parse_iso_date("2023-02-30"));
  EXPECT_FALSE(parse_iso_date("2023-09-130"));
  EXPECT_FALSE(parse_iso_date("13/09/2023"));
  EXPECT_FALSE(parse_iso_date("2023-9-13"));
  EXPECT_EQ(format_iso({987, 1, 2}), "0987-01-02");
}

TEST(Calendar, IsoDateTimeIsWholeAndValid) {
  for (const char* ok : {"2023-09-13", "2023-09-13T10", "2023-09-13T10:30", "2023-09-13 10:30:59",
                         "2023-09-13T10:30:00Z", "2023-09-13T10:30:00.123+02:00",
                         "2023-09-13T23:59:60-0530", "2023-09-13T10:30+14"})
    EXPECT_TRUE(is_iso_date_time(ok)) << ok;
  for (const char* bad :
       {"9999999999-99-99", "2023-02-30", "2023-09-13x", "2023-09-13T", "2023-09-13T24:00",
        "2023-09-13T10:60", "2023-09-13T10:30:00.", "2023-09-13T10:30:00+15:00",
        "2023-09-13T10:30Zjunk", "13/09/2023", "Wed, 13 Sep 2023 10:00:00 GMT", ""})
    EXPECT_FALSE(is_iso_date_time(bad)) << bad;
}

TEST(Calendar, PublicationTime) {
  auto day = parse_publication_time("1970-01-02");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->date, (CivilDate{1970, 1, 2}));
  EXPECT_EQ(day->utc_hour, 36);  // noon when the hour is unknown
  EXPECT_EQ(parse_publication_time("1970-01-01T10:00:00+02:00")->utc_hour, 8);
  EXPECT_EQ(parse_publication_time("1970-01-01 10:30-05:00")->utc_hour, 15);
  EXPECT_EQ(parse_publication_time("1970-01-01T10:00:00+02:00")->date, (CivilDate{1970, 1, 1}));
  EXPECT_EQ(parse_publication_time("1970-01-01T99:00")->utc_hour, 12);  // bad hour: noon
  EXPECT_FALSE(parse_publication_time("yesterday"));
  EXPECT_FALSE(parse_publication_time("2023-02-30"));
}

}  // namespace
}  // namespace recoupe
