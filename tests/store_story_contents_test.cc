// The cross-check's items as tables (store/story_contents.h): written with each story,
// searchable by entity spelling and speaker, and backfilled on a store of version 1.
#include "store/story_contents.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/live_stories.h"
#include "ingest_test_util.h"
#include "shipped_resources.h"
#include "store/schema.h"
#include "store/store.h"

namespace recoupe::store {
namespace {

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";

std::string rows(const std::string& path) {
  Database db = Database::open(path, OpenMode::kReadOnly, 1000);
  std::string out;
  for (const char* table :
       {"story_claims", "story_quotes", "story_entities", "story_entity_names"}) {
    Statement s(db, std::string("SELECT * FROM ") + table + " ORDER BY 1, 2, 3");
    while (s.step()) {
      out += table;
      for (int c = 0; c < s.columns(); ++c) out += "|" + s.text(c);
      out += "\n";
    }
  }
  return out;
}

std::vector<std::string> ids(Store& store, const StoryFilter& filter) {
  auto listed = store.stories(filter);
  EXPECT_TRUE(listed) << listed.error().to_string();
  std::vector<std::string> out;
  for (const auto& s : *listed) out.push_back(s.id);
  return out;
}

class StoryContentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::open(path_, OpenMode::kReadWrite);
    ASSERT_TRUE(store) << store.error().to_string();
    auto live = engine::LiveStories::open(pipeline_, *store);
    ASSERT_TRUE(live) << live.error().to_string();
    auto done = live->ingest(engine::read_batch({kSeeds}, pipeline_));
    ASSERT_TRUE(done) << done.error().to_string();
  }
  recoupe::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "contents.db").string();
  engine::Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
};

TEST_F(StoryContentsTest, AStoryIsFoundByAnySpellingOfItsEntitiesAndByItsSpeakers) {
  auto store = Store::open(path_, OpenMode::kReadOnly);
  ASSERT_TRUE(store);
  const std::vector<std::string> seeds{"se2f9f11faca7"};
  StoryFilter f;
  f.entity = "Vladimir Poutine";
  EXPECT_EQ(ids(*store, f), seeds);
  f.entity = "poutine";  // an alias merged into the entity, in another case
  EXPECT_EQ(ids(*store, f), seeds);
  f.entity = "Poutin";  // a name, not a word search: no prefix match
  EXPECT_TRUE(ids(*store, f).empty());
  f.entity.reset();
  f.speaker = "vladimir poutine";
  EXPECT_EQ(ids(*store, f), seeds);
  f.speaker = "Emmanuel Macron";
  EXPECT_TRUE(ids(*store, f).empty());

  // The rows follow the report: each corroborated claim, quote and entity has one.
  auto story = store->story("se2f9f11faca7");
  ASSERT_TRUE(story && *story);
  const auto report = nlohmann::json::parse((*story)->report_json)["stories"][0];
  Database db = Database::open(path_, OpenMode::kReadOnly, 1000);
  auto count = [&](const std::string& sql) {
    Statement s(db, sql);
    s.step();
    return size_t(s.int64(0));
  };
  EXPECT_EQ(count("SELECT count(*) FROM story_claims WHERE kind = 'corroborated'"),
            report["corroborated"].size());
  EXPECT_EQ(count("SELECT count(*) FROM story_quotes"), report["quotes"].size());
  EXPECT_EQ(count("SELECT count(*) FROM story_entities"), report["entities"].size());
  EXPECT_GT(report["quotes"].size(), 0u);
}

TEST_F(StoryContentsTest, AStoreOfVersionOneIsFilledWhenItIsUpgraded) {
  const std::string written = rows(path_);
  ASSERT_NE(written.find("story_entity_names|Poutine|se2f9f11faca7"), std::string::npos) << written;
  {
    // Back to version 1: the tables of migration 2, the columns of migrations 3 to 5, the
    // index of migration 6 and the column and index of migration 7 dropped, their records
    // removed.
    Database db = Database::open(path_, OpenMode::kReadWrite, 1000);
    db.exec(
        "DROP TABLE story_entity_names; DROP TABLE story_entities; DROP TABLE story_quotes; "
        "DROP TABLE story_claims; DROP INDEX stories_by_rank; DROP INDEX stories_unchecked; "
        "ALTER TABLE stories DROP COLUMN checked; ALTER TABLE article_revisions "
        "DROP COLUMN final_url; ALTER "
        "TABLE article_revisions DROP COLUMN fetched_at; DROP INDEX batches_by_log_position; "
        "ALTER TABLE batches DROP COLUMN next_raw_sequence; ALTER TABLE batches DROP COLUMN "
        "log_position; DELETE FROM schema_migrations WHERE "
        "version >= 2; PRAGMA user_version = 1");
  }
  auto upgraded = Store::open(path_, OpenMode::kReadWrite);
  ASSERT_TRUE(upgraded) << upgraded.error().to_string();
  EXPECT_EQ(*upgraded->schema_version(), kSchemaVersion);
  EXPECT_EQ(rows(path_), written);  // the backfill gives the rows the writes gave
}

// The rows written from the report's items as values (StoredStory::contents) are the rows
// its JSON gives (the backfill's reading): over both dev sets, where quotes lack speakers,
// entities have several spellings and claims many articles.
TEST(StoryContentsRows, RowsWrittenFromTheItemsAreThoseTheReportsJsonGives) {
  const std::string data = std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering/";
  const std::vector<std::string> sets = {data + "rpm2-fr-dev.jsonl", data + "ecbplus-dev.jsonl"};
  for (const auto& set : sets)
    if (!std::filesystem::exists(set)) GTEST_SKIP() << "no ../shared/data";
  recoupe::testing::TempDir dir;
  const std::string path = (dir.path() / "rows.db").string();
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  {
    auto store = Store::open(path, OpenMode::kReadWrite);
    ASSERT_TRUE(store) << store.error().to_string();
    auto live = engine::LiveStories::open(pipeline, *store);
    ASSERT_TRUE(live) << live.error().to_string();
    ASSERT_TRUE(live->ingest(engine::read_batch(sets, pipeline)));
  }
  const std::string written = rows(path);
  ASSERT_NE(written.find("story_quotes|"), std::string::npos);
  ASSERT_NE(written.find("story_entity_names|"), std::string::npos);
  {
    Database db = Database::open(path, OpenMode::kReadWrite, 1000);
    db.exec(
        "DELETE FROM story_claims; DELETE FROM story_quotes; DELETE FROM story_entities; "
        "DELETE FROM story_entity_names");
    fill_story_contents(db);
  }
  EXPECT_EQ(rows(path), written);
}

}  // namespace
}  // namespace recoupe::store
