#include <gtest/gtest.h>

#include "text/edits.h"

namespace recoupe::text {
namespace {

TEST(Edits, CountsInsertionsDeletionsReplacementsAndSwaps) {
  EXPECT_FALSE(edits_beyond("wolfe", "wolfe", 0));
  EXPECT_FALSE(edits_beyond("wolfe", "wolff", 1));  // one replaced
  EXPECT_TRUE(edits_beyond("wolfe", "wolff", 0));
  EXPECT_FALSE(edits_beyond("michel", "mchel", 1));   // one deleted
  EXPECT_FALSE(edits_beyond("miaoke", "miakoe", 1));  // two neighbours swapped
  EXPECT_FALSE(edits_beyond("betty", "bettie", 2));   // one replaced, one inserted
  EXPECT_TRUE(edits_beyond("betty", "bettie", 1));
  EXPECT_TRUE(edits_beyond("jean-luc", "jean-louis", 2));
  EXPECT_TRUE(edits_beyond("rob", "nick", 2));
  EXPECT_TRUE(edits_beyond("", "abc", 2));  // the lengths alone tell
  EXPECT_FALSE(edits_beyond("", "ab", 2));
}

}  // namespace
}  // namespace recoupe::text
