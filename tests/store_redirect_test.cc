// Store::apply (store/store.h): batches, redirects after a merge, and refused batches; over
// both backends (SQLite, PostgreSQL).
#include <gtest/gtest.h>

#include "ingest_test_util.h"
#include "store/store.h"
#include "store_backends.h"

namespace recoupe::store {
namespace {

BatchWrite::NewArticle article(int64_t seq, const std::string& id, const std::string& text) {
  ArticleRevision r;
  r.content_hash = "h" + id;
  r.ingested_at = "t";
  r.article.id = id;
  r.article.file = id + ".txt";
  r.article.title = "Title " + id;
  r.article.text = text;
  r.raw.content = text;
  return {seq, r};
}

StoredStory story(const std::string& id, std::vector<std::string> articles) {
  StoredStory s;
  s.summary.id = id;
  s.summary.title = "Story " + id;
  s.summary.article_ids = articles;
  s.summary.article_count = int64_t(articles.size());
  s.report_json = "{}";
  return s;
}

using recoupe::testing::StoreKind;

class StoreBatches : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    REQUIRE_STORE(GetParam());
    auto opened =
        Store::open(recoupe::testing::fresh_store(GetParam(), dir_), OpenMode::kReadWrite);
    ASSERT_TRUE(opened) << opened.error().to_string();
    store_.emplace(std::move(*opened));
    // Two stories: A holds article a, B holds article b.
    BatchWrite w;
    w.at = "t1";
    w.articles = {article(1, "a", "The floods in Porto Alegre"),
                  article(2, "b", "The vote in Mexico")};
    w.stories = {story("A", {"a"}), story("B", {"b"})};
    w.memberships = {{1, "A", {}}, {2, "B", {}}};
    ASSERT_TRUE(store_->apply(w));
  }
  recoupe::testing::TempDir dir_;
  std::optional<Store> store_;
};

TEST_P(StoreBatches, AMergedIdLeadsToItsSuccessorEvenAfterAnotherMerge) {
  BatchWrite merge;
  merge.base_generation = 1;
  merge.at = "t2";
  merge.stories = {story("A", {"a", "b"})};
  merge.memberships = {{2, "A", 1}};
  merge.redirects = {{"B", "A"}};
  auto g = store_->apply(merge);
  ASSERT_TRUE(g) << g.error().to_string();
  EXPECT_EQ(*g, 2);
  auto b = store_->story("B");
  ASSERT_TRUE(b && *b);
  EXPECT_EQ((*b)->summary.id, "A");
  EXPECT_EQ((*b)->summary.version, 2);
  EXPECT_EQ((*b)->summary.article_ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(store_->stories({})->size(), 1u);
  EXPECT_EQ(store_->article("b")->value().duplicate_of, "a");
  auto used = *store_->used_story_ids();
  EXPECT_NE(std::find(used.begin(), used.end(), "B"), used.end());

  // A then merges into C: B, redirected to A, now leads to C in one hop.
  BatchWrite again;
  again.base_generation = 2;
  again.at = "t3";
  again.articles = {article(3, "c", "Porto Alegre under water")};
  again.stories = {story("C", {"a", "b", "c"})};
  again.memberships = {{3, "C", {}}, {1, "C", {}}, {2, "C", 1}};
  again.redirects = {{"A", "C"}};
  ASSERT_TRUE(store_->apply(again));
  EXPECT_EQ(store_->story("B")->value().summary.id, "C");
  EXPECT_EQ(store_->story("A")->value().summary.id, "C");
  EXPECT_FALSE(store_->story("D")->has_value());
}

TEST_P(StoreBatches, ABatchThatWouldOrphanAnArticleIsRefusedWhole) {
  BatchWrite bad;
  bad.base_generation = 1;
  bad.at = "t2";
  bad.articles = {article(3, "c", "Another text")};
  bad.stories = {story("C", {"c"})};
  bad.memberships = {{3, "C", {}}};
  bad.redirects = {{"B", "C"}};  // but article b is still in B
  auto g = store_->apply(bad);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().where, store_->path());
  EXPECT_EQ(*store_->generation(), 1);
  EXPECT_FALSE(store_->article("c")->has_value());  // rolled back with the rest
  EXPECT_EQ(store_->story("B")->value().summary.id, "B");

  BatchWrite no_story;  // a new article must be placed in a story
  no_story.base_generation = 1;
  no_story.articles = {article(3, "c", "Another text")};
  EXPECT_FALSE(store_->apply(no_story));

  BatchWrite stale;  // computed against an older state than the store's
  stale.base_generation = 0;
  stale.at = "t2";
  stale.stories = {story("A", {"a"})};
  auto refused = store_->apply(stale);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("another writer"), std::string::npos);
  EXPECT_EQ(store_->story("A")->value().summary.version, 1);
}

// A check stored one batch behind (StoredStory::report_only): the story's cross-check parts
// are replaced, its articles, counts and "checked" stay as the later batch wrote them.
TEST_P(StoreBatches, AReportStoredBehindReplacesTheCrossCheckOnly) {
  BatchWrite grow;  // article c joins A: stored unchecked
  grow.base_generation = 1;
  grow.at = "t2";
  grow.articles = {article(3, "c", "The floods in Porto Alegre, day two")};
  StoredStory grown = story("A", {"a", "c"});
  grown.summary.checked = false;
  grow.stories = {grown};
  grow.memberships = {{3, "A", {}}};
  ASSERT_TRUE(store_->apply(grow));

  BatchWrite behind;  // the check of A as it was before c
  behind.base_generation = 2;
  behind.at = "t3";
  StoredStory checked = story("A", {"a"});
  checked.summary.title = "Floods in Porto Alegre";
  checked.summary.event_date = "2024-05-03";
  checked.report_json = R"({"articles": [], "stories": [{"title": "Floods in Porto Alegre"}]})";
  checked.report_only = true;
  behind.stories = {checked};
  auto g = store_->apply(behind);
  ASSERT_TRUE(g) << g.error().to_string();
  auto a = store_->story("A");
  ASSERT_TRUE(a && *a);
  EXPECT_EQ((*a)->summary.title, "Floods in Porto Alegre");
  EXPECT_EQ((*a)->summary.event_date, "2024-05-03");
  EXPECT_EQ((*a)->report_json, checked.report_json);
  EXPECT_EQ((*a)->summary.article_ids, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ((*a)->summary.article_count, 2);
  EXPECT_FALSE((*a)->summary.checked);
  EXPECT_EQ((*a)->summary.version, 3);

  BatchWrite gone;  // a story that is not stored: the whole batch is refused
  gone.base_generation = *g;
  gone.at = "t4";
  StoredStory missing = checked;
  missing.summary.id = "Z";
  gone.stories = {checked, missing};
  EXPECT_FALSE(store_->apply(gone));
  EXPECT_EQ(*store_->generation(), *g);
  EXPECT_EQ(store_->story("A")->value().summary.version, 3);
}

INSTANTIATE_STORE_TEST_SUITE_P(StoreBatches);

}  // namespace
}  // namespace recoupe::store
