// Feed dates (RFC 822 in RSS) into the ISO 8601 the engine reads.
#include <gtest/gtest.h>

#include "feeds/feed_date.h"

namespace recoupe::feeds {
namespace {

TEST(FeedDate, Rfc822BecomesIso) {
  EXPECT_EQ(feed_date_to_iso("Wed, 13 Sep 2023 09:30:00 +0200"), "2023-09-13T09:30:00+02:00");
  EXPECT_EQ(feed_date_to_iso("13 Sep 2023 09:30 GMT"), "2023-09-13T09:30:00Z");
  EXPECT_EQ(feed_date_to_iso("Wed, 13 Sep 23 09:30:00 EST"), "2023-09-13T09:30:00-05:00");
  EXPECT_EQ(feed_date_to_iso("Wed, 13 September 2023"), "2023-09-13");
  EXPECT_EQ(feed_date_to_iso("Wed, 13 Sep 2023 09:30:00 XYZ"), "2023-09-13T09:30:00");
}

TEST(FeedDate, IsoKeptOthersRefused) {
  EXPECT_EQ(feed_date_to_iso("2023-09-13T11:00:00+02:00"), "2023-09-13T11:00:00+02:00");
  EXPECT_EQ(feed_date_to_iso(" 2023-09-13 "), "2023-09-13");
  EXPECT_FALSE(feed_date_to_iso("yesterday"));
  EXPECT_FALSE(feed_date_to_iso("31 Feb 2023 10:00:00 GMT"));
  EXPECT_FALSE(feed_date_to_iso("13 Foo 2023"));
  EXPECT_FALSE(feed_date_to_iso(""));
}

}  // namespace
}  // namespace recoupe::feeds
