// The store's schema and its migrations. A database records every migration applied to it
// in `schema_migrations` (version, description, time); opening a store applies the missing
// ones, in version order, all in one transaction, so a database is always at one version
// of the list below and never between two. docs/store.md describes the tables.
#pragma once

#include <span>
#include <string>

#include "store/database.h"

namespace recoupe::store {

// One step of the schema. `version` counts from 1 without gaps; `sql` may hold several
// statements. A migration, once released, never changes: a new need is a new migration.
struct Migration {
  int version;
  const char* description;
  const char* sql;
  void (*then)(Database&) = nullptr;  // run after `sql`, in its transaction (a backfill)
};

// Every migration of this build, in order. kSchemaVersion is the last one's version.
std::span<const Migration> migrations();
inline constexpr int kSchemaVersion = 7;

// The highest version recorded in `db`'s schema_migrations; 0 for a database without the
// table (a new file). Throws SqlError.
int schema_version(Database& db);

// Brings `db` to the last version of `steps`: creates schema_migrations when missing, then,
// inside one BEGIN IMMEDIATE transaction, runs every step whose version is above the
// database's, in order, recording each with `applied_at`; PRAGMA user_version follows the
// version (for the sqlite3 shell). A failing step rolls everything back: the database
// keeps its version and its data. A database at a version above the last of `steps` was
// written by a newer recoupe and is refused (throws SqlError naming both versions); so is
// a list whose versions do not count 1, 2, 3…. Returns the version reached. Cost: nothing
// when the database is up to date (one read).
int migrate(Database& db, std::span<const Migration> steps, const std::string& applied_at);

}  // namespace recoupe::store
