// Store: recoupe's articles and stories, the only code that speaks SQL. By default one
// SQLite file (./recoupe.db), embedded; given a postgresql:// URL, a PostgreSQL 15 database
// that API servers and workers on many machines share (docs/store.md, "PostgreSQL"). Both
// keep every article with all its revisions and the raw input of each, the stories with
// their cross-check (the report document of docs/formats.md), which story holds each
// article, the redirects left by merged stories, and a full-text index over article titles
// and texts, in the same tables. docs/store.md describes the schema.
//
//   auto store = store::Store::open("recoupe.db", store::OpenMode::kReadOnly);
//   if (!store) { print(store.error().to_string()); return; }
//   auto listed = store->stories({.language = "fr", .query = "Vostotchny"});
//   auto story = store->story(listed->front().id);   // its report JSON in story->report_json
//
// Guarantees: one ingest batch is one transaction (Store::apply), so a reader sees all of a
// batch or none of it, and a failure (a full disk, a killed process, a lost connection)
// loses no batch already committed; foreign keys hold (a membership names a stored story and
// article, a redirect a live story); readers do not block the writer (SQLite's WAL,
// PostgreSQL's MVCC). The store does not decide anything: what a batch writes is computed by
// LiveStories (engine/live_stories.h).
//
// Failure: every method returns an Error whose `where` is the database file or URL (without
// its password) and whose message says what failed in one line ("cannot open for writing:
// the file or its folder is read-only", "database is locked", "cannot connect: …"); nothing
// throws. Not thread-safe: one Store per thread (several processes may open one store:
// SQLite's locks and the busy timeout, or PostgreSQL's row locks, serialize the writers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <memory>
#include "core/expected.h"

#include "store/backend.h"
#include "store/database.h"
#include "store/records.h"

namespace recoupe::store {

struct StoreOptions {
  // How long a statement waits for another process's lock before failing: long enough for
  // a writer's batch of a few thousand articles, short enough that a stuck writer is
  // reported instead of hanging a reader.
  // PostgreSQL: how long a statement waits for another writer's lock (lock_timeout).
  int busy_timeout_ms = 5000;
  // PostgreSQL: how long connecting may take before "cannot connect" (unless the URL sets
  // connect_timeout itself).
  int connect_timeout_s = 5;
};

// Whether `location` names a PostgreSQL database (postgresql:// or postgres://) rather than
// an SQLite file.
bool is_postgres_location(const std::string& location);
// `location` as messages show it: a URL without its password, a file path as it is.
std::string shown_location(const std::string& location);

// The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ" (the store's timestamps).
std::string utc_now();

class Store {
 public:
  // Opens `location`: a postgresql:// or postgres:// URL is a PostgreSQL database
  // (store/postgres_store.h), anything else the path of an SQLite file. kReadWrite creates
  // the file when missing (a PostgreSQL database must exist; its tables are created) and
  // brings its schema to kSchemaVersion (schema.h; `now` stamps the migrations); kReadOnly
  // needs an existing store at kSchemaVersion (an older one: "run recoupe ingest to upgrade
  // it"). Fails with one line naming the file or URL for: a folder that does not exist, a
  // read-only file or folder (read-write), no file (read-only), a server that cannot be
  // reached or refuses the login, a file or database that is not a recoupe store, a schema
  // newer than this build's.
  static Expected<Store> open(const std::string& location, OpenMode mode,
                              const StoreOptions& options = {}, const std::string& now = utc_now());

  // The file path or the URL without its password.
  const std::string& path() const { return backend_->location(); }

  Expected<int> schema_version() { return backend_->schema_version(); }
  // Counts the batches committed so far; grows by one with each apply(). Cost: one read.
  Expected<int64_t> generation() { return backend_->generation(); }
  // The furthest BatchWrite::log_position committed (read_up_to 0 and no next_raw when no
  // batch recorded one): where a clusterer resumes reading the bus. Cost: one read.
  Expected<LogPosition> log_position() { return backend_->log_position(); }
  // Takes, or checks that this Store still holds, the lead called `name`: true for the one
  // Store holding it, false for every other one meanwhile (any process, any machine). What
  // keeps one clusterer active and the others standing by (engine/clusterer.h). It is let
  // go when this Store is closed or its process dies (for PostgreSQL, once the server has
  // seen the session end: a moment later): an advisory lock of the store's session (lost
  // with the session: after a reconnect it is taken again, if free);
  // for a file, an exclusive lock (flock) on "<file>-<name>.lock" beside it.
  // Cost: one round trip to PostgreSQL, a system call for a file.
  Expected<bool> hold_lead(const std::string& name) { return backend_->hold_lead(name); }
  // The id and version of the story `id` names now (following a redirect), without reading
  // its report: what a reader checks before reusing an answer made from an earlier read.
  // nullopt when no story has had the id. Cost: two index lookups.
  Expected<std::optional<StoryVersion>> story_version(const std::string& id) {
    return backend_->story_version(id);
  }

  // Every article in ingest order, as placed (revision 1), with its current state: what the
  // live grouper replays after a restart. Cost: reads every first revision.
  Expected<std::vector<PlacedArticle>> placed_articles() { return backend_->placed_articles(); }
  // Every id a story has had: the live ones and the old ids of redirects (a new story must
  // not take one of them).
  Expected<std::vector<std::string>> used_story_ids() { return backend_->used_story_ids(); }

  // The current revision of each article of `seqs` (in that order; unknown seqs are left out).
  Expected<std::vector<StoredArticle>> current_articles(const std::vector<int64_t>& seqs) {
    return backend_->current_articles(seqs);
  }
  // An article by id; nullopt when there is none.
  Expected<std::optional<StoredArticle>> article(const std::string& id) {
    return backend_->article(id);
  }
  // Every revision of an article, oldest first, raw input included (empty: unknown id).
  Expected<std::vector<ArticleRevision>> revisions(const std::string& id) {
    return backend_->revisions(id);
  }

  // A story by id; an id merged away is followed to the story that holds its articles now
  // (the returned summary's id says which). nullopt when no story has had the id.
  Expected<std::optional<StoredStory>> story(const std::string& id) { return backend_->story(id); }
  // Every live story's id and version (no report): what a reader compares across
  // generations to tell which stories another writer's batches created or changed.
  Expected<std::vector<std::pair<std::string, int64_t>>> story_versions() {
    return backend_->story_versions();
  }
  // The ids of the stories whose cross-check is to come (StorySummary::checked false), the
  // longest waiting first: what a writer that restarts checks first. Cost: one scan of the
  // story rows.
  Expected<std::vector<std::string>> unchecked_stories() { return backend_->unchecked_stories(); }
  // The stories that pass `filter`, most important first (the order of `recoupe report`:
  // distinct outlets, then articles, then the latest publication, then the id), with
  // article_ids filled. Cost: one query; the full text filter reads the FTS5 index.
  Expected<std::vector<StorySummary>> stories(const StoryFilter& filter,
                                              size_t max_count = SIZE_MAX) {
    return backend_->stories(filter, max_count);
  }
  // With `max_count`, only the first that many are read (a first page: the rest of the
  // listing is sorted by SQLite but not decoded).

  // Writes one batch in one transaction (articles and revisions, stories upserted with
  // version + 1 (an unchecked one keeping its stored cross-check: StoredStory), memberships,
  // redirects with older redirects to a merged story moved to its successor, a row in `batches`)
  // and returns the new generation. Refused without writing anything when generation() is no longer
  // write.base_generation (another writer committed since the batch was computed), or when the
  // batch breaks an invariant (a new article without a membership, a stored story left without
  // articles). Any failure rolls the whole batch back. PostgreSQL: a lost connection is reconnected
  // and the batch tried once more, and a batch found committed already (its acknowledgement was
  // lost: the next generation holds exactly its articles and revisions) returns that generation
  // without writing anything again (store/postgres_store.h).
  Expected<int64_t> apply(const BatchWrite& write) { return backend_->apply(write); }

 private:
  explicit Store(std::unique_ptr<Backend> backend) : backend_(std::move(backend)) {}

  std::unique_ptr<Backend> backend_;  // never null
};

}  // namespace recoupe::store
