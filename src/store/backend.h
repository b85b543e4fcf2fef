// Backend: what one kind of database does for store::Store (store/store.h). Store keeps the
// public methods and their contract; it opens the backend its location names and hands each
// call to it: SqliteStore (store/sqlite_store.h, a file: the default, embedded) or
// PostgresStore (store/postgres_store.h, a postgresql:// URL: one store shared by many
// machines). An abstract class rather than a variant so that each backend is one file with
// its own connection type, and a new one needs no edit of the others; the virtual call is
// nothing beside a statement. Every method has the meaning of the Store method of the same
// name, returns failures as Errors whose `where` is location(), and never throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/expected.h"
#include "store/records.h"

namespace recoupe::store {

class Backend {
 public:
  virtual ~Backend() = default;

  // The file path, or the URL without its password: what errors name.
  virtual const std::string& location() const = 0;

  virtual Expected<int> schema_version() = 0;
  virtual Expected<int64_t> generation() = 0;
  virtual Expected<LogPosition> log_position() = 0;
  virtual Expected<bool> hold_lead(const std::string& name) = 0;
  virtual Expected<std::optional<StoryVersion>> story_version(const std::string& id) = 0;
  virtual Expected<std::vector<PlacedArticle>> placed_articles() = 0;
  virtual Expected<std::vector<std::string>> used_story_ids() = 0;
  virtual Expected<std::vector<StoredArticle>> current_articles(
      const std::vector<int64_t>& seqs) = 0;
  virtual Expected<std::optional<StoredArticle>> article(const std::string& id) = 0;
  virtual Expected<std::vector<ArticleRevision>> revisions(const std::string& id) = 0;
  virtual Expected<std::optional<StoredStory>> story(const std::string& id) = 0;
  virtual Expected<std::vector<std::pair<std::string, int64_t>>> story_versions() = 0;
  virtual Expected<std::vector<std::string>> unchecked_stories() = 0;
  virtual Expected<std::vector<StorySummary>> stories(const StoryFilter& filter,
                                                      size_t max_count) = 0;
  virtual Expected<int64_t> apply(const BatchWrite& write) = 0;
};

}  // namespace recoupe::store
