// PostgresStore: the store in a PostgreSQL 15 database (`--store postgresql://…`), shared by
// API servers and workers on many machines; store/store.h's contract, the SQLite store's
// tables (store/postgres_schema.h). What PostgreSQL adds to the contract:
// - a lost connection (the server restarted, the network dropped) is reconnected once by
//   the next call, which then runs as usual; a read that lost its connection midway is run
//   again on the new one;
// - apply() serializes writers on an exclusive lock of `batches` (readers are not blocked)
//   and, when its connection broke before the commit was acknowledged, tries once more: a
//   batch that did commit is recognized (the next generation holds exactly its articles and
//   revisions, same time) and returns its generation without writing anything again, so a
//   lost acknowledgement never duplicates a batch;
// - errors name the URL without its password.
#pragma once

#include <memory>
#include <string>

#include "store/backend.h"
#include "store/database.h"
#include "store/postgres_connection.h"
#include "store/store.h"

namespace recoupe::store {

class PostgresStore : public Backend {
 public:
  // Store::open's contract for a postgresql:// URL: the database must exist; read-write
  // creates or migrates the tables, read-only sessions are read-only on the server too.
  static Expected<std::unique_ptr<Backend>> open(const std::string& url, OpenMode mode,
                                                 const StoreOptions& options,
                                                 const std::string& now);

  const std::string& location() const override { return location_; }
  Expected<int> schema_version() override;
  Expected<int64_t> generation() override;
  Expected<LogPosition> log_position() override;
  Expected<bool> hold_lead(const std::string& name) override;
  Expected<std::optional<StoryVersion>> story_version(const std::string& id) override;
  Expected<std::vector<PlacedArticle>> placed_articles() override;
  Expected<std::vector<std::string>> used_story_ids() override;
  Expected<std::vector<StoredArticle>> current_articles(const std::vector<int64_t>& seqs) override;
  Expected<std::optional<StoredArticle>> article(const std::string& id) override;
  Expected<std::vector<ArticleRevision>> revisions(const std::string& id) override;
  Expected<std::optional<StoredStory>> story(const std::string& id) override;
  Expected<std::vector<std::pair<std::string, int64_t>>> story_versions() override;
  Expected<std::vector<std::string>> unchecked_stories() override;
  Expected<std::vector<StorySummary>> stories(const StoryFilter& filter, size_t max_count) override;
  Expected<int64_t> apply(const BatchWrite& write) override;

 private:
  PostgresStore(PgConnection db, std::string location)
      : db_(std::move(db)), location_(std::move(location)) {}
  // Runs `work` (which reads or writes through db_ and may throw PgError), reconnecting
  // first when the connection is known broken, and once more on a new connection when it
  // broke during `work`; a PgError becomes an Error naming the location.
  // `work` returns a value or an Expected of it.
  template <typename T>
  struct Unwrapped {
    using type = T;
  };
  template <typename T>
  struct Unwrapped<Expected<T>> {
    using type = T;
  };
  template <typename Work>
  auto attempt(Work work) -> Expected<typename Unwrapped<decltype(work())>::type>;
  Expected<int64_t> apply_once(const BatchWrite& write);

  PgConnection db_;
  // The session that took the lead, and its name (hold_lead); -1: none taken.
  int64_t lead_session_ = -1;
  std::string lead_name_;
  std::string location_;
};

}  // namespace recoupe::store
