// Statements kept prepared on a connection (store/database.h, Database::prepared).
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "ingest_test_util.h"
#include "store/database.h"

namespace recoupe::store {
namespace {

Database open_db(const recoupe::testing::TempDir& dir) {
  Database db =
      Database::open((dir.path() / "p.db").string(), OpenMode::kReadWrite, /*busy_timeout_ms=*/0);
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
  return db;
}

TEST(StorePrepared, TheSameSqlGivesTheSameStatementReadyToBind) {
  recoupe::testing::TempDir dir;
  Database db = open_db(dir);
  Statement& insert = db.prepared("INSERT INTO t (k, v) VALUES (?, ?)");
  insert.bind(1, int64_t{1}).bind(2, "one").run();
  Statement& again = db.prepared("INSERT INTO t (k, v) VALUES (?, ?)");
  EXPECT_EQ(&insert, &again);
  again.bind(1, int64_t{2}).bind(2, "two").run();
  Statement& count = db.prepared("SELECT count(*) FROM t");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.int64(0), 2);
}

TEST(StorePrepared, AStatementLeftMidWayStartsOverAndFailuresDoNotStick) {
  recoupe::testing::TempDir dir;
  Database db = open_db(dir);
  db.exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
  Statement& rows = db.prepared("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(rows.step());  // left on the first row, as an early return would
  Statement& same = db.prepared("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(same.step());
  EXPECT_EQ(same.int64(0), 1);  // from the start again
  Statement& insert = db.prepared("INSERT INTO t (k, v) VALUES (?, ?)");
  EXPECT_THROW(insert.bind(1, int64_t{1}).bind(2, "dup").run(), SqlError);  // primary key
  db.prepared("INSERT INTO t (k, v) VALUES (?, ?)").bind(1, int64_t{3}).bind(2, "c").run();
  EXPECT_THROW(db.prepared("SELECT nothing FROM nowhere"), SqlError);
}

TEST(StorePrepared, AMovedConnectionPreparesAgain) {
  recoupe::testing::TempDir dir;
  Database db = open_db(dir);
  db.prepared("INSERT INTO t (k, v) VALUES (?, ?)").bind(1, int64_t{1}).bind(2, "a").run();
  Database moved = std::move(db);
  moved.prepared("INSERT INTO t (k, v) VALUES (?, ?)").bind(1, int64_t{2}).bind(2, "b").run();
  Statement& count = moved.prepared("SELECT count(*) FROM t");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.int64(0), 2);
}

}  // namespace
}  // namespace recoupe::store
