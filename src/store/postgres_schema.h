// The PostgreSQL store's schema: the SQLite schema (store/schema.h) in PostgreSQL's types,
// with the same tables, columns and meanings, and the same migration versions recorded in
// the same `schema_migrations` table, so that a store's version means the same in both.
// What differs, and why:
// - the full-text index is a generated tsvector column of `articles` (`search`, config
//   `recoupe_search`: 'simple' with unaccent when the extension can be created, else
//   'simple') under a GIN index, instead of the FTS5 table `articles_fts`;
// - "any case" lookups (outlet, speaker, entity names) are expression indexes on lower(…)
//   instead of COLLATE NOCASE;
// - the story contents (migration 2) are read from the report with jsonb functions.
#pragma once

#include <string>

#include "store/postgres_connection.h"

namespace recoupe::store {

// The highest version recorded in the database's schema_migrations; 0 without the table.
// Throws PgError.
int postgres_schema_version(PgConnection& db);

// Brings the database to kSchemaVersion (schema.h): in one transaction holding an advisory
// lock (two processes opening one new database migrate it once), runs every migration above
// the database's version, recording each with `applied_at`. Refuses (throws PgError) a
// database at a version above this build's. Returns the version reached. Cost: one read
// when the database is up to date.
int postgres_migrate(PgConnection& db, const std::string& applied_at);

// Replaces the story-contents rows (story_claims, story_quotes, story_entities,
// story_entity_names) of story `id` by those of its report document, as
// store/story_contents.h does for SQLite. Sent in the pipeline the caller opened
// (PgConnection::begin_pipeline); its failure comes out of end_pipeline().
void postgres_write_story_contents(PgConnection& db, const std::string& id,
                                   const std::string& report_json);

}  // namespace recoupe::store
