#include "store/story_contents.h"

#include <string>

#include <fmt/format.h>

#include "store/values.h"

namespace recoupe::store {
namespace {

// One INSERT … SELECT per table, reading the report with SQLite's JSON functions from
// `{source}`: a table or subquery with the columns `id` and `report`. The migration reads
// `stories`; a write reads the one story given as parameters. Same SQL, same rows.
constexpr const char* kFill = R"sql(
INSERT INTO story_claims (story_id, kind, rank, text, articles, outlets)
  SELECT s.id, 'corroborated', c.key, json_extract(c.value, '$.claim'),
         coalesce(json_extract(c.value, '$.articles'), '[]'), json_extract(c.value, '$.outlets')
  FROM {source} s, json_each(s.report, '$.stories[0].corroborated') c
  WHERE json_extract(c.value, '$.claim') IS NOT NULL;
INSERT INTO story_claims (story_id, kind, rank, text, articles, outlets)
  SELECT s.id, 'single_source', c.key, json_extract(c.value, '$.claim'),
         coalesce(json_extract(c.value, '$.articles'), '[]'), 1
  FROM {source} s, json_each(s.report, '$.stories[0].single_source') c
  WHERE json_extract(c.value, '$.claim') IS NOT NULL;
INSERT INTO story_quotes (story_id, rank, speaker, text, kind, articles)
  SELECT s.id, q.key, json_extract(q.value, '$.speaker'), json_extract(q.value, '$.text'),
         json_extract(q.value, '$.kind'), coalesce(json_extract(q.value, '$.articles'), '[]')
  FROM {source} s, json_each(s.report, '$.stories[0].quotes') q
  WHERE json_extract(q.value, '$.text') IS NOT NULL;
INSERT INTO story_entities (story_id, rank, name, type, mentions, aliases, articles)
  SELECT s.id, e.key, json_extract(e.value, '$.name'), json_extract(e.value, '$.type'),
         json_extract(e.value, '$.mentions'), coalesce(json_extract(e.value, '$.aliases'), '[]'),
         coalesce(json_extract(e.value, '$.articles'), '[]')
  FROM {source} s, json_each(s.report, '$.stories[0].entities') e
  WHERE json_extract(e.value, '$.name') IS NOT NULL;
INSERT OR IGNORE INTO story_entity_names (name, story_id, rank)
  SELECT json_extract(e.value, '$.name'), s.id, e.key
  FROM {source} s, json_each(s.report, '$.stories[0].entities') e
  WHERE json_extract(e.value, '$.name') IS NOT NULL
  UNION ALL
  SELECT a.value, s.id, e.key
  FROM {source} s, json_each(s.report, '$.stories[0].entities') e, json_each(e.value, '$.aliases') a
  WHERE json_extract(e.value, '$.name') IS NOT NULL AND a.type = 'text';
)sql";

std::string fill_from(std::string_view source) {
  return fmt::format(fmt::runtime(kFill), fmt::arg("source", source));
}

}  // namespace

const char* const kStoryContentsSchema = R"sql(
CREATE TABLE story_claims (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('corroborated', 'single_source')),
  rank INTEGER NOT NULL,
  text TEXT NOT NULL,
  articles TEXT NOT NULL,
  outlets INTEGER,
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
CREATE INDEX story_quotes_by_speaker ON story_quotes(speaker COLLATE NOCASE);
CREATE TABLE story_entities (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT,
  mentions INTEGER,
  aliases TEXT NOT NULL,
  articles TEXT NOT NULL,
  PRIMARY KEY (story_id, rank)
);
CREATE TABLE story_entity_names (
  name TEXT NOT NULL COLLATE NOCASE,
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  PRIMARY KEY (name, story_id, rank)
) WITHOUT ROWID;
CREATE INDEX story_entity_names_by_story ON story_entity_names(story_id);
)sql";

// Runs each statement of the fill over `source`, binding `bind` to each.
template <typename Bind>
void run_fill(Database& db, std::string_view source, const Bind& bind) {
  const std::string sql = fill_from(source);
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find(";\n", start);
    if (end == std::string::npos) end = sql.size();
    const std::string one = sql.substr(start, end - start);
    start = end + 2;
    if (one.find_first_not_of(" \n") == std::string::npos) continue;
    Statement& fill = db.prepared(one);
    bind(fill);
    fill.run();
  }
}

void fill_story_contents(Database& db) {
  run_fill(db, "stories", [](Statement&) {});
}

// Removes the rows of story `id` from the four tables.
void clear_story_contents(Database& db, std::string_view id) {
  for (const char* table :
       {"story_claims", "story_quotes", "story_entities", "story_entity_names"}) {
    Statement& clear = db.prepared(fmt::format("DELETE FROM {} WHERE story_id = ?", table));
    clear.bind(1, id).run();
  }
}

void write_story_contents(Database& db, std::string_view id, std::string_view report_json) {
  clear_story_contents(db, id);
  // Each statement of the fill reads the story from its parameters.
  run_fill(db, "(SELECT ?1 AS id, ?2 AS report)",
           [&](Statement& fill) { fill.bind(1, id).bind(2, report_json); });
}

void write_story_contents(Database& db, std::string_view id, const StoryContents& contents) {
  clear_story_contents(db, id);
  Statement& claim = db.prepared(
      "INSERT INTO story_claims (story_id, kind, rank, text, articles, outlets) VALUES (?, ?, "
      "?, ?, ?, ?)");
  auto claims = [&](const char* kind, const std::vector<StoryContents::Claim>& items) {
    for (size_t rank = 0; rank < items.size(); ++rank)
      claim.bind(1, id)
          .bind(2, kind)
          .bind(3, int64_t(rank))
          .bind(4, items[rank].text)
          .bind(5, items[rank].articles_json)
          .bind(6, items[rank].outlets)
          .run();
  };
  claims("corroborated", contents.corroborated);
  claims("single_source", contents.single_source);
  Statement& quote = db.prepared(
      "INSERT INTO story_quotes (story_id, rank, speaker, text, kind, articles) VALUES (?, ?, ?, "
      "?, ?, ?)");
  for (size_t rank = 0; rank < contents.quotes.size(); ++rank) {
    const StoryContents::Quote& q = contents.quotes[rank];
    quote.bind(1, id)
        .bind(2, int64_t(rank))
        .bind(3, q.speaker)
        .bind(4, q.text)
        .bind(5, q.kind)
        .bind(6, q.articles_json)
        .run();
  }
  Statement& entity = db.prepared(
      "INSERT INTO story_entities (story_id, rank, name, type, mentions, aliases, articles) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  Statement& name = db.prepared(
      "INSERT OR IGNORE INTO story_entity_names (name, story_id, rank) VALUES (?, ?, ?)");
  for (size_t rank = 0; rank < contents.entities.size(); ++rank) {
    const StoryContents::Entity& e = contents.entities[rank];
    entity.bind(1, id)
        .bind(2, int64_t(rank))
        .bind(3, e.name)
        .bind(4, e.type)
        .bind(5, e.mentions)
        .bind(6, json_list(e.aliases))
        .bind(7, e.articles_json)
        .run();
    name.bind(1, e.name).bind(2, id).bind(3, int64_t(rank)).run();
    for (const std::string& alias : e.aliases)
      name.bind(1, alias).bind(2, id).bind(3, int64_t(rank)).run();
  }
}

}  // namespace recoupe::store
