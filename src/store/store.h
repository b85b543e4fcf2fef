// Store: recoupe's articles and stories in one SQLite file (./recoupe.db by default), the
// only code that speaks SQL. It keeps every article with all its revisions and the raw
// input of each, the stories with their cross-check (the report document of docs/formats.md),
// which story holds each article, the redirects left by merged stories, and a full-text
// index over article titles and texts. docs/store.md describes the schema.
//
//   auto store = store::Store::open("recoupe.db", store::OpenMode::kReadOnly);
//   if (!store) { print(store.error().to_string()); return; }
//   auto listed = store->stories({.language = "fr", .query = "Vostotchny"});
//   auto story = store->story(listed->front().id);   // its report JSON in story->report_json
//
// Guarantees: one ingest batch is one transaction (Store::apply), so a reader sees all of a
// batch or none of it, and a failure (a full disk, a killed process) loses no batch already
// committed; foreign keys hold (a membership names a stored story and article, a redirect a
// live story); readers do not block the writer (WAL). The store does not decide anything:
// what a batch writes is computed by LiveStories (engine/live_stories.h).
//
// Failure: every method returns an Error whose `where` is the database file and whose
// message says what failed in one line ("cannot open for writing: the file or its folder is
// read-only", "database is locked"…); nothing throws. Not thread-safe: one Store per thread
// (several processes may open one file: SQLite's locks and the busy timeout serialize them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/expected.h"
#include "store/database.h"
#include "store/records.h"

namespace recoupe::store {

struct StoreOptions {
  // How long a statement waits for another process's lock before failing: long enough for
  // a writer's batch of a few thousand articles, short enough that a stuck writer is
  // reported instead of hanging a reader.
  int busy_timeout_ms = 5000;
};

// The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ" (the store's timestamps).
std::string utc_now();

class Store {
 public:
  // Opens `path`. kReadWrite creates the file when missing and brings its schema to
  // kSchemaVersion (schema.h; `now` stamps the migrations); kReadOnly needs an existing
  // store at kSchemaVersion (an older one: "run recoupe ingest to upgrade it"). Fails with
  // one line naming the file for: a folder that does not exist, a read-only file or folder
  // (read-write), no file (read-only), a file that is not a recoupe store, a schema newer
  // than this build's.
  static Expected<Store> open(const std::string& path, OpenMode mode,
                              const StoreOptions& options = {}, const std::string& now = utc_now());

  const std::string& path() const { return db_.path(); }

  Expected<int> schema_version();
  // Counts the batches committed so far; grows by one with each apply(). Cost: one read.
  Expected<int64_t> generation();
  // The id and version of the story `id` names now (following a redirect), without reading
  // its report: what a reader checks before reusing an answer made from an earlier read.
  // nullopt when no story has had the id. Cost: two index lookups.
  Expected<std::optional<StoryVersion>> story_version(const std::string& id);

  // Every article in ingest order, as placed (revision 1), with its current state: what the
  // live grouper replays after a restart. Cost: reads every first revision.
  Expected<std::vector<PlacedArticle>> placed_articles();
  // Every id a story has had: the live ones and the old ids of redirects (a new story must
  // not take one of them).
  Expected<std::vector<std::string>> used_story_ids();

  // The current revision of each article of `seqs` (in that order; unknown seqs are left out).
  Expected<std::vector<StoredArticle>> current_articles(const std::vector<int64_t>& seqs);
  // An article by id; nullopt when there is none.
  Expected<std::optional<StoredArticle>> article(const std::string& id);
  // Every revision of an article, oldest first, raw input included (empty: unknown id).
  Expected<std::vector<ArticleRevision>> revisions(const std::string& id);

  // A story by id; an id merged away is followed to the story that holds its articles now
  // (the returned summary's id says which). nullopt when no story has had the id.
  Expected<std::optional<StoredStory>> story(const std::string& id);
  // Every live story's id and version (no report): what a reader compares across
  // generations to tell which stories another writer's batches created or changed.
  Expected<std::vector<std::pair<std::string, int64_t>>> story_versions();
  // The stories that pass `filter`, most important first (the order of `recoupe report`:
  // distinct outlets, then articles, then the latest publication, then the id), with
  // article_ids filled. Cost: one query; the full text filter reads the FTS5 index.
  Expected<std::vector<StorySummary>> stories(const StoryFilter& filter,
                                              size_t max_count = SIZE_MAX);
  // With `max_count`, only the first that many are read (a first page: the rest of the
  // listing is sorted by SQLite but not decoded).

  // Writes one batch in one transaction (articles and revisions, stories upserted with
  // version + 1, memberships, redirects with older redirects to a merged story moved to its
  // successor, a row in `batches`) and returns the new generation. Refused without writing
  // anything when generation() is no longer write.base_generation (another writer
  // committed since the batch was computed), or when the batch breaks an invariant (a new
  // article without a membership, a stored story left without articles). Any failure rolls
  // the whole batch back.
  Expected<int64_t> apply(const BatchWrite& write);

 private:
  explicit Store(Database db) : db_(std::move(db)) {}
  Error failure(const std::exception& e) const { return Error{path(), e.what()}; }

  Database db_;
};

}  // namespace recoupe::store
