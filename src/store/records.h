// The values that go in and out of the store (store/store.h): articles with their
// revisions, stories with their report document, the filters of a story listing, and one
// ingest batch's writes. Plain structs; the store owns no pointer into them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/raw_document.h"

namespace recoupe::store {

// One version of an article: the cleaned article and the raw input it came from.
struct ArticleRevision {
  int revision = 1;          // 1 for the first text stored, then 2, 3…
  std::string content_hash;  // content_hash(article): what tells two versions apart
  std::string ingested_at;   // UTC, "2026-12-03T11:20:00Z"
  Article article;
  RawDocument raw;  // content, kind and encoding as read (RawDocument's other fields: unset)
};

// An article as stored now: its current (newest) revision and where it sits.
struct StoredArticle {
  int64_t seq = 0;  // ingest order, from 1: the order the live grouper placed articles
  Article article;  // the current revision
  int revision = 1;
  std::string content_hash;
  std::string ingested_at;  // first stored
  std::string revised_at;   // current revision stored
  std::string story_id;
  std::optional<std::string> duplicate_of;  // id of the article it reprints
};

// What the live grouper needs of every stored article to replay it (LiveStories): the
// revision it was placed with (the first) and what the store says about it now.
struct PlacedArticle {
  int64_t seq = 0;
  Article placed;                  // revision 1
  std::optional<std::string> url;  // current revision's url
  std::string content_hash;        // current revision's
  int revision = 1;                // current revision's number
  std::string story_id;
  std::optional<int64_t> duplicate_of;  // seq of the article it reprints
};

// One story as listed: everything but its report document.
struct StorySummary {
  std::string id;
  std::optional<std::string> title;
  std::optional<std::string> language;
  std::optional<std::string> event_date;  // as in the report: YYYY-MM-DD or XXXX-MM-DD
  // The day filters compare with: event_date when it is a full date, else the earliest
  // publication day of its articles; nullopt when neither is known.
  std::optional<std::string> day;
  std::vector<std::string> sources;  // distinct outlets, in the story's article order
  int64_t article_count = 0;
  int64_t outlet_count = 0;
  std::optional<int64_t> latest_hours;  // latest publication, hours since 1970 (ranking)
  int64_t version = 1;                  // +1 each time the story row is written again
  std::string created_at, updated_at;
  // Whether the report is the cross-check of the story's articles now. False from the
  // moment an article joins the story (or is revised) until its cross-check is stored:
  // the row's articles, outlets and counts are already the new ones, while its title,
  // event date and report are still those of its last cross-check (for a new story: its
  // grouping's, with no cross-check sections). engine/live_stories.h, "Two steps".
  bool checked = true;
  std::vector<std::string> article_ids;  // filled by listings; the report's order
};

// Which state of a story a reader sees: the live id an id names now (itself, or the story
// it was merged into) and that story's version. Equal versions of one id have equal reports.
struct StoryVersion {
  std::string id;
  int64_t version = 1;
  bool checked = true;  // StorySummary::checked
};

// A story with its cross-check: the report document (docs/formats.md) of its articles and
// itself, as `recoupe report --format json` would print it for them.
// Written with summary.checked false (BatchWrite::stories), a story already stored keeps its
// title, event date, day, report and report contents; only its articles, outlets, counts,
// language and latest publication are replaced.
// Written with `report_only`, the other way round: only the story's title, event date, day,
// report and report contents are replaced (from `summary` and `report_json`); its articles,
// outlets, counts and `checked` stay as stored. That is a cross-check of the articles the
// story had when the check began, stored after a later batch added articles that wait for the
// next check (engine/live_stories.h, "Two steps"). The story must be stored already.
// The items of a story's report as the tables of story contents hold them
// (store/story_contents.h): one row per item, in report order (the rank), lists as JSON
// arrays. Null: the report has no such field (a quote without speaker).
struct StoryContents {
  struct Claim {
    std::string text;
    std::string articles_json;
    int64_t outlets = 1;  // corroborated: the independent outlets; single-source: 1
  };
  struct Quote {
    std::optional<std::string> speaker;
    std::string text;
    std::optional<std::string> kind;
    std::string articles_json;
  };
  struct Entity {
    std::string name;
    std::optional<std::string> type;
    int64_t mentions = 0;
    std::vector<std::string> aliases;
    std::string articles_json;
  };
  std::vector<Claim> corroborated, single_source;
  std::vector<Quote> quotes;
  std::vector<Entity> entities;
};

struct StoredStory {
  StorySummary summary;
  std::string report_json;
  bool report_only = false;
  // The rows of its report's items, when the writer has them as values: the SQLite store
  // writes them as given, else reads them from report_json (the same rows, at the cost of
  // parsing the document again: 14 % of a served cross-check's instructions). PostgreSQL
  // reads them from report_json on its side, in one statement.
  std::optional<StoryContents> contents;
};

// Filters of a story listing; each one given narrows it. Days are "YYYY-MM-DD" and compare
// with StorySummary::day (a story without a day is left out when since or until is given).
struct StoryFilter {
  std::optional<std::string> since, until;  // inclusive
  std::optional<std::string> language;
  std::optional<std::string> outlet;  // one of its articles has this outlet (any case)
  // Full text: every word must occur in the title or text of one of its articles
  // (diacritics and case ignored; words, not FTS5 syntax).
  std::optional<std::string> query;
  // Its entities include this name or spelling (any case): "Poutine" finds the story whose
  // entity "Vladimir Poutine" has the alias "Poutine".
  std::optional<std::string> entity;
  std::optional<std::string> speaker;  // one of its quotes is by this speaker (any case)
};

// An old story id that now names another story (the one its articles merged into).
struct Redirect {
  std::string old_id, new_id;
  bool operator==(const Redirect&) const = default;
};

// The counts of one batch, as `recoupe ingest` prints them.
struct BatchCounts {
  int64_t added = 0, revised = 0, unchanged = 0, refused = 0, stories_touched = 0;
};

// Where an article goes: its story and, for a reprint, the article it reprints.
struct Membership {
  int64_t seq = 0;
  std::string story_id;
  std::optional<int64_t> duplicate_of;
};

// Everything one ingest batch writes; Store::apply writes it in one transaction.
// Where a clusterer stood in the bus's logs when it committed a batch (engine/clusterer.h).
struct LogPosition {
  // The cleaned stream's sequence read up to: the next clusterer reads on after it.
  int64_t read_up_to = 0;
  // The first raw stream sequence not placed yet (engine/raw_order.h): the next clusterer
  // places articles in raw order from it, as this one would have. None: not known (a batch
  // stored before schema version 5).
  std::optional<int64_t> next_raw;

  bool operator==(const LogPosition&) const = default;
};

struct BatchWrite {
  // Store::generation() when the batch was computed: apply refuses the batch when another
  // writer committed since (the batch was computed against a stale state).
  int64_t base_generation = 0;
  std::string at;  // UTC time of the batch
  struct NewArticle {
    int64_t seq;  // the next numbers after the store's last
    ArticleRevision first;
  };
  struct NewRevision {
    int64_t seq;
    ArticleRevision revision;  // the next number after the article's current one
  };
  std::vector<NewArticle> articles;
  std::vector<NewRevision> revisions;   // in order: several of one article are applied in turn
  std::vector<StoredStory> stories;     // new or cross-checked again (version counted by the store)
  std::vector<Membership> memberships;  // new, or moved to another story
  std::vector<Redirect> redirects;      // stories merged away: deleted, old id → new id
  BatchCounts counts;
  // Scaled out (engine/clusterer.h): where in the bus's article logs this batch stood,
  // stored with it in the same transaction, so that a clusterer that restarts or takes over
  // resumes right after the last batch committed (Store::log_position). None otherwise.
  std::optional<LogPosition> log_position;
};

}  // namespace recoupe::store
