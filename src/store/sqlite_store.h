// SqliteStore: the store in one SQLite file (store/store.h's default backend), embedded in
// the process. Its reads go through statements kept prepared on the connection
// (Database::prepared) where a request runs them at high rates.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "store/backend.h"
#include "store/database.h"

namespace recoupe::store {

class SqliteStore : public Backend {
 public:
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  // Store::open's contract for a file path; `busy_timeout_ms` as in StoreOptions.
  static Expected<std::unique_ptr<Backend>> open(const std::string& path, OpenMode mode,
                                                 int busy_timeout_ms, const std::string& now);

  const std::string& location() const override { return db_.path(); }
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
  explicit SqliteStore(Database db) : db_(std::move(db)) {}
  const std::string& path() const { return db_.path(); }
  Error failure(const std::exception& e) const { return Error{path(), e.what()}; }

  // Lead lock files by lead name, open for the store's life, and the leads held.
  std::map<std::string, int> lead_files_;
  std::set<std::string> held_leads_;
  Database db_;
};

}  // namespace recoupe::store
