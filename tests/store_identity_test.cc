// Stable story ids across re-groupings (store/story_identity.h).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

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

TEST(StoryIdentity, FirstArticlesNumberAStoryByItsFirstArticle) {
  EXPECT_EQ(first_articles({0, 1, 0, 2, 1}), (std::vector<uint32_t>{0, 1, 0, 3, 1}));
  EXPECT_TRUE(first_articles({}).empty());
}

TEST(StoryIdentity, AffectedArticlesAreTheWholeStoriesABatchTouched) {
  // Stored: {0,1} {2,3} {4}. Now article 5 joins {2,3}, and {4} is untouched.
  EXPECT_EQ(affected_articles({0, 0, 2, 2, 4}, {0, 0, 1, 1, 2, 1}), (std::vector<size_t>{2, 3, 5}));
  // {0,1} and {4} merge (the key of 4 changes): both stories, nothing else.
  EXPECT_EQ(affected_articles({0, 0, 2, 2, 4}, {0, 0, 1, 1, 0}), (std::vector<size_t>{0, 1, 4}));
  // Article 1 leaves {0,1} for {2,3}, which then merges with nothing else: {0,1} and {2,3}.
  EXPECT_EQ(affected_articles({0, 0, 2, 2, 4}, {0, 1, 1, 1, 2}), (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_TRUE(affected_articles({0, 0, 2}, {0, 0, 1}).empty());
}

// Naming only the affected articles gives them the ids, and the redirects, that naming the
// whole store gives; the whole-store naming keeps every other article's id. Random stored
// partitions, each followed by random moves, merges, splits and new articles.
TEST(StoryIdentity, NamingTheAffectedArticlesEqualsNamingTheWholeStore) {
  std::mt19937 rng(13);
  size_t nonempty = 0;
  for (int round = 0; round < 300; ++round) {
    const size_t old_n = 1 + rng() % 40;
    const uint32_t old_stories = 1 + rng() % 12;
    std::vector<uint32_t> old_labels;
    for (size_t i = 0; i < old_n; ++i) old_labels.push_back(rng() % old_stories);
    std::vector<std::string> old_story_of;
    std::set<std::string> taken = {"new3", "gone"};
    for (uint32_t l : old_labels) {
      old_story_of.push_back("S" + std::to_string(l));
      taken.insert(old_story_of.back());
    }
    // The change: some articles move to another story, some stories merge, new articles
    // join an existing story or start one.
    std::vector<uint32_t> raw = old_labels;
    const int moves = rng() % 4;
    for (int k = 0; k < moves; ++k) raw[rng() % old_n] = rng() % (old_stories + 2);
    if (rng() % 3 == 0) {
      const uint32_t a = rng() % old_stories, b = rng() % old_stories;
      for (auto& l : raw)
        if (l == b) l = a;
    }
    const size_t added = rng() % 5;
    for (size_t k = 0; k < added; ++k) raw.push_back(rng() % (old_stories + 3));
    // Dense labels numbered by first article, as the grouper gives them.
    std::map<uint32_t, uint32_t> dense;
    std::vector<uint32_t> labels;
    for (uint32_t l : raw)
      labels.push_back(dense.try_emplace(l, uint32_t(dense.size())).first->second);

    const auto whole = assign_story_ids(old_story_of, labels, name, taken);
    const std::vector<size_t> affected = affected_articles(first_articles(old_labels), labels);
    const auto part = assign_story_ids(old_story_of, labels, name, taken, &affected);
    ASSERT_EQ(part.story_of.size(), affected.size());
    size_t k = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
      if (k < affected.size() && affected[k] == i) {
        EXPECT_EQ(part.story_of[k], whole.story_of[i]) << "round " << round << " article " << i;
        ++k;
      } else {
        EXPECT_EQ(whole.story_of[i], old_story_of[i]) << "round " << round << " article " << i;
      }
    }
    EXPECT_EQ(part.redirects, whole.redirects) << "round " << round;
    nonempty += !affected.empty();
  }
  EXPECT_GT(nonempty, 200u);  // the rounds did change stories
}

}  // namespace
}  // namespace recoupe::store
