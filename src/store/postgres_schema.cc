#include "store/postgres_schema.h"

#include <fmt/format.h>

#include "store/schema.h"

namespace recoupe::store {
namespace {

// Version 1: store/schema.cc's kSchemaV1. The text search configuration comes first (the
// generated column names it); without the unaccent extension (no contrib package, or no
// right to create it) it is plain 'simple': case is still ignored, diacritics are not.
constexpr const char* kSchemaV1 = R"sql(
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE TEXT SEARCH CONFIGURATION recoupe_search (COPY = simple);
  ALTER TEXT SEARCH CONFIGURATION recoupe_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, simple;
EXCEPTION WHEN others THEN
  CREATE TEXT SEARCH CONFIGURATION recoupe_search (COPY = simple);
END $$;

CREATE TABLE articles (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  outlet TEXT,
  title TEXT,
  lang TEXT,
  published_at TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  ingested_at TEXT NOT NULL,
  revised_at TEXT NOT NULL,
  search TSVECTOR GENERATED ALWAYS AS
    (to_tsvector('recoupe_search', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_by_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_by_outlet ON articles(lower(outlet));
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE article_revisions (
  article_seq BIGINT NOT NULL REFERENCES articles(seq),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  content_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  file TEXT NOT NULL,
  url TEXT,
  outlet TEXT,
  title TEXT,
  published_at TEXT,
  author TEXT,
  agency TEXT,
  lang TEXT,
  lang_confidence DOUBLE PRECISION NOT NULL,
  words INTEGER NOT NULL,
  text TEXT NOT NULL,
  paragraphs TEXT NOT NULL,
  warnings TEXT NOT NULL,
  raw_kind TEXT NOT NULL CHECK (raw_kind IN ('text', 'html')),
  raw_encoding TEXT NOT NULL,
  raw TEXT NOT NULL,
  PRIMARY KEY (article_seq, revision)
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT,
  lang TEXT,
  event_date TEXT,
  day TEXT,
  sources TEXT NOT NULL,
  articles TEXT NOT NULL,
  article_count BIGINT NOT NULL,
  outlet_count BIGINT NOT NULL,
  latest_hours BIGINT,
  version BIGINT NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  report TEXT NOT NULL
);
CREATE INDEX stories_by_day ON stories(day);

CREATE TABLE memberships (
  article_seq BIGINT PRIMARY KEY REFERENCES articles(seq),
  story_id TEXT NOT NULL REFERENCES stories(id),
  duplicate_of BIGINT REFERENCES articles(seq)
);
CREATE INDEX memberships_by_story ON memberships(story_id);

CREATE TABLE story_redirects (
  old_id TEXT PRIMARY KEY,
  new_id TEXT NOT NULL REFERENCES stories(id),
  merged_at TEXT NOT NULL
);
CREATE INDEX story_redirects_by_new ON story_redirects(new_id);

CREATE TABLE batches (
  id BIGINT PRIMARY KEY,
  committed_at TEXT NOT NULL,
  added BIGINT NOT NULL,
  revised BIGINT NOT NULL,
  unchanged BIGINT NOT NULL,
  refused BIGINT NOT NULL,
  stories_touched BIGINT NOT NULL
);
)sql";

// Version 2: store/story_contents.cc's tables. recoupe_array() is a JSON value if it is an
// array, else an empty one: SQLite's json_each over a missing path gives no row, where
// jsonb_array_elements would fail.
constexpr const char* kSchemaV2 = R"sql(
CREATE FUNCTION recoupe_array(j JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END $$;
CREATE TABLE story_claims (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('corroborated', 'single_source')),
  rank INTEGER NOT NULL,
  text TEXT NOT NULL,
  articles TEXT NOT NULL,
  outlets BIGINT,
  PRIMARY KEY (story_id, kind, rank)
);
CREATE TABLE story_quotes (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  speaker TEXT,
  text TEXT NOT NULL,
  kind TEXT,
  articles TEXT NOT NULL,
  PRIMARY KEY (story_id, rank)
);
CREATE INDEX story_quotes_by_speaker ON story_quotes(lower(speaker));
CREATE TABLE story_entities (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT,
  mentions BIGINT,
  aliases TEXT NOT NULL,
  articles TEXT NOT NULL,
  PRIMARY KEY (story_id, rank)
);
CREATE TABLE story_entity_names (
  name TEXT NOT NULL,
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL
);
CREATE UNIQUE INDEX story_entity_names_key ON story_entity_names(lower(name), story_id, rank);
CREATE INDEX story_entity_names_by_story ON story_entity_names(story_id);
)sql";

// Version 3: store/schema.cc's kFetchColumns.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE article_revisions ADD COLUMN final_url TEXT;
ALTER TABLE article_revisions ADD COLUMN fetched_at TEXT;
)sql";

// One statement for the four tables, reading each story's report once from `{source}` (a
// query giving the columns id and story: the report's "stories"[0] as jsonb), as
// store/story_contents.cc's kFill: ranks count from 0 like json_each's keys, JSON arrays are
// kept as JSON text.
constexpr const char* kFill = R"sql(WITH s AS MATERIALIZED ({source}),
claims AS (
  INSERT INTO story_claims (story_id, kind, rank, text, articles, outlets)
  SELECT s.id, k.kind, c.ord - 1, c.value->>'claim', coalesce(c.value->'articles', '[]')::text,
         CASE WHEN k.kind = 'single_source' THEN 1
              ELSE (c.value->>'outlets')::numeric::bigint END
  FROM s, (VALUES ('corroborated'), ('single_source')) k(kind),
       jsonb_array_elements(recoupe_array(s.story -> k.kind)) WITH ORDINALITY c(value, ord)
  WHERE c.value->>'claim' IS NOT NULL),
quotes AS (
  INSERT INTO story_quotes (story_id, rank, speaker, text, kind, articles)
  SELECT s.id, q.ord - 1, q.value->>'speaker', q.value->>'text', q.value->>'kind',
         coalesce(q.value->'articles', '[]')::text
  FROM s, jsonb_array_elements(recoupe_array(s.story -> 'quotes')) WITH ORDINALITY q(value, ord)
  WHERE q.value->>'text' IS NOT NULL),
entities AS (
  INSERT INTO story_entities (story_id, rank, name, type, mentions, aliases, articles)
  SELECT s.id, e.ord - 1, e.value->>'name', e.value->>'type',
         (e.value->>'mentions')::numeric::bigint, coalesce(e.value->'aliases', '[]')::text,
         coalesce(e.value->'articles', '[]')::text
  FROM s, jsonb_array_elements(recoupe_array(s.story -> 'entities')) WITH ORDINALITY e(value, ord)
  WHERE e.value->>'name' IS NOT NULL)
INSERT INTO story_entity_names (name, story_id, rank)
  SELECT n.name, s.id, e.ord - 1
  FROM s, jsonb_array_elements(recoupe_array(s.story -> 'entities')) WITH ORDINALITY e(value, ord),
       LATERAL (SELECT e.value->>'name' AS name
                UNION ALL
                SELECT a.value #>> '{{}}' FROM jsonb_array_elements(recoupe_array(e.value->'aliases')) a
                WHERE jsonb_typeof(a.value) = 'string') n
  WHERE e.value->>'name' IS NOT NULL
  ON CONFLICT DO NOTHING)sql";

std::string fill_from(std::string_view source) {
  return fmt::format(fmt::runtime(kFill), fmt::arg("source", source));
}

// Migration 2 on a store of version 1: the contents of every stored story.
void fill_all_story_contents(PgConnection& db) {
  db.exec(fill_from("SELECT id, report::jsonb -> 'stories' -> 0 AS story FROM stories"));
}

constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE batches ADD COLUMN log_position BIGINT;
)sql";

constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE batches ADD COLUMN next_raw_sequence BIGINT;
CREATE INDEX batches_by_log_position ON batches(log_position) WHERE log_position IS NOT NULL;
)sql";

// The listing's ranking, written as PostgresStore::stories orders by (the same expression).
constexpr const char* kSchemaV6 = R"sql(
CREATE INDEX stories_by_rank ON stories(outlet_count DESC, article_count DESC,
  coalesce(latest_hours, -9223372036854775808) DESC, id COLLATE "C");
)sql";

// Whether a story's report is the cross-check of its articles now (schema.cc, version 7).
constexpr const char* kSchemaV7 = R"sql(
ALTER TABLE stories ADD COLUMN checked INTEGER NOT NULL DEFAULT 1 CHECK (checked IN (0, 1));
CREATE INDEX stories_unchecked ON stories(updated_at) WHERE checked = 0;
)sql";

const char* const kSteps[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4,
                              kSchemaV5, kSchemaV6, kSchemaV7};
static_assert(std::size(kSteps) == kSchemaVersion);

}  // namespace

int postgres_schema_version(PgConnection& db) {
  PgResult has = db.exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (has.text(0, 0) != "t") return 0;
  return int(db.exec("SELECT coalesce(max(version), 0) FROM schema_migrations").int64(0, 0));
}

int postgres_migrate(PgConnection& db, const std::string& applied_at) {
  const int last = kSchemaVersion;
  int current = postgres_schema_version(db);
  if (current > last)
    throw PgError(fmt::format("schema version {} was written by a newer recoupe (this one knows "
                              "up to {}); use that version",
                              current, last),
                  "", false);
  if (current == last) return current;
  db.exec("BEGIN");
  try {
    // Read again under the lock: another process may have migrated meanwhile.
    db.exec("SELECT pg_advisory_xact_lock(7245031)");  // any number, the same in every recoupe
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description "
        "TEXT NOT NULL, applied_at TEXT NOT NULL)");
    current = postgres_schema_version(db);
    for (const Migration& m : migrations()) {
      if (m.version <= current) continue;
      try {
        db.exec(kSteps[m.version - 1]);
        if (m.version == 2) fill_all_story_contents(db);
      } catch (const PgError& e) {
        throw PgError(fmt::format("schema migration {} failed: {}", m.version, e.what()),
                      e.sqlstate(), e.connection_lost());
      }
      db.run(
          "INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, "
          "$3)",
          PgParams().add(m.version).add(m.description).add(applied_at));
      current = m.version;
    }
    db.exec("COMMIT");
  } catch (const PgError&) {
    try {
      if (!db.broken()) db.exec("ROLLBACK");
    } catch (const PgError&) {
      // The first failure is the one to report.
    }
    throw;
  }
  return current;
}

void postgres_write_story_contents(PgConnection& db, const std::string& id,
                                   const std::string& report_json) {
  db.send(
      "WITH claims AS (DELETE FROM story_claims WHERE story_id = $1), quotes AS (DELETE FROM "
      "story_quotes WHERE story_id = $1), entities AS (DELETE FROM story_entities WHERE story_id "
      "= $1) DELETE FROM story_entity_names WHERE story_id = $1",
      PgParams().add(id));
  // The story from the parameters, its report parsed once.
  db.send(fill_from("SELECT $1::text AS id, $2::jsonb -> 'stories' -> 0 AS story"),
          PgParams().add(id).add(report_json));
}

}  // namespace recoupe::store
