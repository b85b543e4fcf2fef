// Stable story ids across re-groupings (store/story_identity.h).
#include <gtest/gtest.h>

#include "store/story_identity.h"

namespace recoupe::store {
namespace {

// New stories are named after their first article: "new<i>".
std::string name(size_t first) { return "new" + std::to_string(first); }

TEST(StoryIdentity, AGrowingStoryKeepsItsId) {
  auto ids = assign_story_ids({"A", "A", "B"}, {0, 0, 1, 0, 2}, name, {"A", "B"});
  EXPECT_EQ(ids.story_of, (std::vector<std::string>{"A", "A", "B", "A", "new4"}));
  EXPECT_TRUE(ids.redirects.empty());
}

TEST(StoryIdentity, AMergeKeepsTheBiggerStoryAndRedirectsTheOther) {
  // B (2 articles, older) and A (3 articles) merge: A brought more, it names the result.
  auto ids = assign_story_ids({"B", "A", "A", "B", "A"}, {0, 0, 0, 0, 0, 0}, name, {"A", "B"});
  EXPECT_EQ(ids.story_of, std::vector<std::string>(6, "A"));
  ASSERT_EQ(ids.redirects.size(), 1u);
  EXPECT_EQ(ids.redirects[0].old_id, "B");
  EXPECT_EQ(ids.redirects[0].new_id, "A");

  // On a tie the older story (first article first) names the result.
  auto tie = assign_story_ids({"B", "A", "A", "B"}, {0, 0, 0, 0}, name, {"A", "B"});
  EXPECT_EQ(tie.story_of, std::vector<std::string>(4, "B"));
  ASSERT_EQ(tie.redirects.size(), 1u);
  EXPECT_EQ(tie.redirects[0].old_id, "A");
}

TEST(StoryIdentity, ASplitKeepsTheIdOnTheBiggerSideAndNamesTheOther) {
  // Article 0 founded A and leaves with article 1: "new0" would be A's name again if the
  // store named stories after their first article: it must not be reused.
  auto ids = assign_story_ids({"A", "A", "A", "A", "A"}, {1, 1, 0, 0, 0},
                              [](size_t) { return std::string("A"); }, {"A"});
  EXPECT_EQ(ids.story_of, (std::vector<std::string>{"A-2", "A-2", "A", "A", "A"}));
  EXPECT_TRUE(ids.redirects.empty());
}

TEST(StoryIdentity, TakenNamesAreNotReused) {
  auto ids = assign_story_ids({}, {0, 1}, [](size_t) { return std::string("X"); }, {"X", "X-2"});
  EXPECT_EQ(ids.story_of, (std::vector<std::string>{"X-3", "X-4"}));
}

}  // namespace
}  // namespace recoupe::store
