// The store's two backends as a test parameter: the contract tests of store/store.h run
// once over an SQLite file and once over a database of the shared test PostgreSQL server
// (store_postgres_server.h), and must pass the same way.
//
//   class MyStoreTest : public ::testing::TestWithParam<StoreKind> {
//     void SetUp() override { location_ = fresh_store(GetParam(), dir_); } …
//   INSTANTIATE_STORE_TEST_SUITE_P(MyStoreTest);
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "ingest_test_util.h"
#include "store_postgres_server.h"

namespace recoupe::testing {

enum class StoreKind { kSqlite, kPostgres };

// "Sqlite" / "Postgres": the test name's suffix.
inline std::string store_kind_name(const ::testing::TestParamInfo<StoreKind>& info) {
  return info.param == StoreKind::kSqlite ? "Sqlite" : "Postgres";
}

// A location for a new, empty store: a file of `dir`, or a new database of the shared
// PostgreSQL server (call REQUIRE_STORE(kind) first).
inline std::string fresh_store(StoreKind kind, const TempDir& dir,
                               const std::string& file = "store.db") {
  if (kind == StoreKind::kSqlite) return (dir.path() / file).string();
  return shared_postgres().new_database();
}

}  // namespace recoupe::testing

// Skips a PostgreSQL-backed test when PostgreSQL is not installed.
#define REQUIRE_STORE(kind)                                                     \
  do {                                                                          \
    if ((kind) == ::recoupe::testing::StoreKind::kPostgres) REQUIRE_POSTGRES(); \
  } while (0)

#define INSTANTIATE_STORE_TEST_SUITE_P(Suite)                                           \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                             \
                           ::testing::Values(::recoupe::testing::StoreKind::kSqlite,    \
                                             ::recoupe::testing::StoreKind::kPostgres), \
                           ::recoupe::testing::store_kind_name)
