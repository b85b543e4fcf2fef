// The store's schema and migrations (store/schema.h) and how it opens (store/store.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "ingest_test_util.h"
#include "store/columns.h"
#include "store/schema.h"
#include "store/store.h"

namespace recoupe::store {
namespace {

std::vector<std::string> column(Database& db, const std::string& sql) {
  Statement s(db, sql);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

TEST(StoreSchema, NewStoreIsCreatedAtTheLastVersion) {
  recoupe::testing::TempDir dir;
  const std::string path = (dir.path() / "new.db").string();
  auto store = Store::open(path, OpenMode::kReadWrite, {}, "2026-01-01T00:00:00Z");
  ASSERT_TRUE(store) << store.error().to_string();
  EXPECT_EQ(*store->schema_version(), kSchemaVersion);
  EXPECT_EQ(*store->generation(), 0);

  Database db = Database::open(path, OpenMode::kReadOnly, 1000);
  auto tables = column(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  for (const char* t : {"articles", "article_revisions", "stories", "memberships",
                        "story_redirects", "batches", "schema_migrations", "articles_fts",
                        "story_claims", "story_quotes", "story_entities", "story_entity_names"})
    EXPECT_NE(std::find(tables.begin(), tables.end(), t), tables.end()) << t;
  EXPECT_EQ(column(db, "PRAGMA journal_mode"), std::vector<std::string>{"wal"});
  EXPECT_EQ(column(db, "SELECT DISTINCT applied_at FROM schema_migrations"),
            std::vector<std::string>{"2026-01-01T00:00:00Z"});
  EXPECT_EQ(column(db, "PRAGMA user_version"),
            std::vector<std::string>{std::to_string(kSchemaVersion)});
}

// A page of the listing reads its own rows through the ranking index, not every story
// sorted: the index's expression must stay the listing's.
TEST(StoreSchema, TheStoryListingIsReadInRankOrderFromItsIndex) {
  recoupe::testing::TempDir dir;
  const std::string path = (dir.path() / "rank.db").string();
  ASSERT_TRUE(Store::open(path, OpenMode::kReadWrite, {}, "2026-01-01T00:00:00Z"));
  Database db = Database::open(path, OpenMode::kReadOnly, 1000);
  Statement explain(db, "EXPLAIN QUERY PLAN " + ranked_stories_sql("1"));
  std::string plan;
  while (explain.step()) plan += explain.text(3) + " | ";  // the `detail` column
  EXPECT_NE(plan.find("USING INDEX stories_by_rank"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

// A list of this build's migrations followed by test steps.
std::vector<Migration> with_steps(std::initializer_list<Migration> more) {
  std::vector<Migration> steps(migrations().begin(), migrations().end());
  steps.insert(steps.end(), more);
  return steps;
}

TEST(StoreSchema, MigrationsRunInOrderOnceEach) {
  recoupe::testing::TempDir dir;
  const std::string path = (dir.path() / "m.db").string();
  Database db = Database::open(path, OpenMode::kReadWrite, 1000);
  EXPECT_EQ(schema_version(db), 0);
  EXPECT_EQ(migrate(db, migrations(), "t1"), kSchemaVersion);
  db.exec(
      "INSERT INTO batches (committed_at, added, revised, unchanged, refused, stories_touched) "
      "VALUES ('t1', 1, 0, 0, 0, 1)");
  const int next = kSchemaVersion + 1;
  const auto steps =
      with_steps({{next, "extra table", "CREATE TABLE extra (a INTEGER)"},
                  {next + 1, "extra column", "ALTER TABLE extra ADD COLUMN b TEXT"}});
  EXPECT_EQ(migrate(db, steps, "t2"), next + 1);  // the second needs the first's table
  EXPECT_EQ(
      column(db, "SELECT version || ':' || applied_at FROM schema_migrations ORDER BY version"),
      [&] {
        std::vector<std::string> applied;
        for (int v = 1; v <= kSchemaVersion; ++v) applied.push_back(std::to_string(v) + ":t1");
        applied.push_back(std::to_string(next) + ":t2");
        applied.push_back(std::to_string(next + 1) + ":t2");
        return applied;
      }());
  EXPECT_EQ(migrate(db, steps, "t3"), next + 1);  // up to date: nothing runs again
  EXPECT_EQ(column(db, "SELECT count(*) FROM schema_migrations"),
            std::vector<std::string>{std::to_string(next + 1)});
  EXPECT_EQ(column(db, "SELECT count(*) FROM batches"),
            std::vector<std::string>{"1"});  // data kept
}

TEST(StoreSchema, AFailingMigrationLeavesTheDatabaseAsItWas) {
  recoupe::testing::TempDir dir;
  Database db = Database::open((dir.path() / "f.db").string(), OpenMode::kReadWrite, 1000);
  migrate(db, migrations(), "t1");
  const int next = kSchemaVersion + 1;
  const auto steps = with_steps({{next, "good", "CREATE TABLE extra (a INTEGER)"},
                                 {next + 1, "bad", "ALTER TABLE no_such_table ADD COLUMN b TEXT"}});
  try {
    migrate(db, steps, "t2");
    FAIL() << "a failing migration must throw";
  } catch (const SqlError& e) {
    EXPECT_NE(std::string(e.what()).find(fmt::format("schema migration {} failed", next + 1)),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(schema_version(db), kSchemaVersion);
  EXPECT_TRUE(column(db, "SELECT name FROM sqlite_schema WHERE name = 'extra'").empty());
}

TEST(StoreSchema, ANewerSchemaIsRefused) {
  recoupe::testing::TempDir dir;
  const std::string path = (dir.path() / "newer.db").string();
  {
    Database db = Database::open(path, OpenMode::kReadWrite, 1000);
    migrate(db, with_steps({{kSchemaVersion + 1, "future", "CREATE TABLE future (a INTEGER)"}}),
            "t");
  }
  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    auto store = Store::open(path, mode);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().where, path);
    EXPECT_NE(store.error().message.find("newer recoupe"), std::string::npos)
        << store.error().message;
  }
}

TEST(StoreOpen, AMissingFolderOrNoStoreIsOneClearError) {
  recoupe::testing::TempDir dir;
  const std::string missing = (dir.path() / "no" / "such" / "folder" / "x.db").string();
  auto store = Store::open(missing, OpenMode::kReadWrite);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().where, missing);
  EXPECT_NE(store.error().message.find("does not exist"), std::string::npos)
      << store.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "no"));

  const std::string absent = (dir.path() / "absent.db").string();
  auto reader = Store::open(absent, OpenMode::kReadOnly);
  ASSERT_FALSE(reader);
  EXPECT_NE(reader.error().message.find("recoupe ingest creates it"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(absent));  // a reader never creates a store

  const std::string other = (dir.path() / "other.db").string();
  Database(Database::open(other, OpenMode::kReadWrite, 1000)).exec("CREATE TABLE mine (a INTEGER)");
  auto foreign = Store::open(other, OpenMode::kReadWrite);
  ASSERT_FALSE(foreign);
  EXPECT_NE(foreign.error().message.find("not a recoupe store"), std::string::npos);

  const std::string text_file = dir.write("notes.db", "not a database at all, just some text\n");
  auto not_db = Store::open(text_file, OpenMode::kReadOnly);
  ASSERT_FALSE(not_db);
  EXPECT_NE(not_db.error().message.find("not a recoupe store"), std::string::npos)
      << not_db.error().message;
}

TEST(StoreOpen, AReadOnlyFolderIsOneClearError) {
  // Root writes through permission bits, so the read-only folder is then one of procfs.
  recoupe::testing::TempDir dir;
  std::string path = "/proc/recoupe-test.db";
  if (::geteuid() != 0) {
    std::filesystem::create_directories(dir.path() / "ro");
    std::filesystem::permissions(
        dir.path() / "ro", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    path = (dir.path() / "ro" / "x.db").string();
  }
  auto store = Store::open(path, OpenMode::kReadWrite);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().where, path);
  EXPECT_NE(store.error().message.find("read-only"), std::string::npos) << store.error().message;
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
}

}  // namespace
}  // namespace recoupe::store
