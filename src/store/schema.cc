#include "store/schema.h"

#include "store/story_contents.h"

#include <fmt/format.h>

namespace recoupe::store {
namespace {

// Version 1. Articles are numbered by `seq` in the order they were first stored: the order
// the live grouper placed them, and so the order it replays them after a restart. The
// `articles` row holds the current revision (what readers and the full-text index see);
// `article_revisions` holds every revision, the first (the one the grouper placed) and the
// current included, each with the raw input it was cleaned from.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
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
  revised_at TEXT NOT NULL
);
CREATE INDEX articles_by_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_by_outlet ON articles(outlet COLLATE NOCASE);

CREATE TABLE article_revisions (
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
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
  lang_confidence REAL NOT NULL,
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
  article_count INTEGER NOT NULL,
  outlet_count INTEGER NOT NULL,
  latest_hours INTEGER,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  report TEXT NOT NULL
);
CREATE INDEX stories_by_day ON stories(day);

CREATE TABLE memberships (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq),
  story_id TEXT NOT NULL REFERENCES stories(id),
  duplicate_of INTEGER REFERENCES articles(seq)
);
CREATE INDEX memberships_by_story ON memberships(story_id);

CREATE TABLE story_redirects (
  old_id TEXT PRIMARY KEY,
  new_id TEXT NOT NULL REFERENCES stories(id),
  merged_at TEXT NOT NULL
);
CREATE INDEX story_redirects_by_new ON story_redirects(new_id);

CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  committed_at TEXT NOT NULL,
  added INTEGER NOT NULL,
  revised INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  refused INTEGER NOT NULL,
  stories_touched INTEGER NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
)sql";

// Version 3. A page fetched from the web (recoupe watch, recoupe fetch | recoupe ingest)
// keeps where it was read after redirects and when; NULL for an article read from a file.
constexpr const char* kFetchColumns = R"sql(
ALTER TABLE article_revisions ADD COLUMN final_url TEXT;
ALTER TABLE article_revisions ADD COLUMN fetched_at TEXT;
)sql";

constexpr const char* kLogPosition = R"sql(
ALTER TABLE batches ADD COLUMN log_position INTEGER;
)sql";

// Version 5. The first raw sequence a clusterer had not placed yet (engine/raw_order.h),
// so that one taking over places articles in the order the last one would have.
constexpr const char* kNextRaw = R"sql(
ALTER TABLE batches ADD COLUMN next_raw_sequence INTEGER;
CREATE INDEX batches_by_log_position ON batches(log_position) WHERE log_position IS NOT NULL;
)sql";

// Version 6. The listing's ranking (SqliteStore::stories: outlets, articles, latest
// publication, id) as an index, so that a page of the listing reads its own rows, not every
// story: after each batch the first page was made again from all of them (33 ms on 2,700
// stories, 28 times a second with one article a POST).
constexpr const char* kStoryRank = R"sql(
CREATE INDEX stories_by_rank ON stories(outlet_count DESC, article_count DESC,
  coalesce(latest_hours, -9223372036854775808) DESC, id);
)sql";

// Version 7. Whether a story's report is the cross-check of its articles now (a story
// update in two steps: engine/live_stories.h); every story stored before was checked.
constexpr const char* kStoryChecked = R"sql(
ALTER TABLE stories ADD COLUMN checked INTEGER NOT NULL DEFAULT 1 CHECK (checked IN (0, 1));
CREATE INDEX stories_unchecked ON stories(updated_at) WHERE checked = 0;
)sql";

const Migration kMigrations[] = {
    {1, "articles, revisions, stories, memberships, redirects, batches, full-text index",
     kSchemaV1},
    {2, "claims, quotes, entities and entity spellings of each story (from its report)",
     kStoryContentsSchema, fill_story_contents},
    {3, "the address after redirects and fetch time of a revision fetched from the web",
     kFetchColumns},
    {4, "the position in the bus's article log each batch read up to (scaled out)", kLogPosition},
    {5, "the first raw article a clusterer had not placed yet, with each batch (scaled out)",
     kNextRaw},
    {6, "the listing's ranking as an index", kStoryRank},
    {7, "whether each story's report is the cross-check of its articles now", kStoryChecked},
};
static_assert(std::size(kMigrations) == kSchemaVersion);

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int schema_version(Database& db) {
  Statement has(db,
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
  if (!has.step()) return 0;
  Statement max(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
  max.step();
  return int(max.int64(0));
}

int migrate(Database& db, std::span<const Migration> steps, const std::string& applied_at) {
  for (size_t i = 0; i < steps.size(); ++i)
    if (steps[i].version != int(i) + 1)
      throw SqlError(fmt::format("migration list out of order at version {}", steps[i].version),
                     SQLITE_MISUSE);
  const int last = int(steps.size());
  int current = schema_version(db);
  if (current > last)
    throw SqlError(fmt::format("schema version {} was written by a newer recoupe (this one knows "
                               "up to {}); use that version",
                               current, last),
                   SQLITE_MISMATCH);
  if (current == last) return current;
  Transaction tx(db);
  // Read again under the write lock: another process may have migrated meanwhile.
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description "
      "TEXT NOT NULL, applied_at TEXT NOT NULL)");
  current = schema_version(db);
  Statement record(
      db, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)");
  for (const Migration& m : steps) {
    if (m.version <= current) continue;
    try {
      db.exec(m.sql);
      if (m.then) m.then(db);
    } catch (const SqlError& e) {
      throw SqlError(fmt::format("schema migration {} failed: {}", m.version, e.what()), e.code());
    }
    record.bind(1, int64_t(m.version)).bind(2, std::string_view(m.description)).bind(3, applied_at);
    record.run();
    current = m.version;
  }
  db.exec(fmt::format("PRAGMA user_version = {}", current));
  tx.commit();
  return current;
}

}  // namespace recoupe::store
