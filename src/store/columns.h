// The column lists both backends read and write in the same order, and how a row of them is read
// (store/sqlite_store.cc, store/postgres_store.cc): the fields of an Article in a revision row, and
// the fields of a StorySummary in a stories row. One list, so the two backends cannot drift apart.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "core/article.h"
#include "core/calendar.h"
#include "store/records.h"
#include "store/values.h"

namespace recoupe::store {

// The columns of a revision row that make an Article, in this order (prefix "r.").
inline constexpr const char* kRevisionColumns =
    "r.file, r.url, r.outlet, r.title, r.published_at, r.author, r.agency, r.lang, "
    "r.lang_confidence, r.words, r.text, r.paragraphs, r.warnings, r.final_url, r.fetched_at";
inline constexpr int kRevisionColumnCount = 15;

// The columns of a stories row that make a StorySummary, in this order (prefix "s.").
inline constexpr const char* kSummaryColumns =
    "s.id, s.title, s.lang, s.event_date, s.day, s.sources, s.articles, s.article_count, "
    "s.outlet_count, s.latest_hours, s.version, s.created_at, s.updated_at, s.checked";
inline constexpr int kSummaryColumnCount = 14;

// The story listing ranked as engine/batch.h ranks stories: most outlets, then most
// articles, then latest publication (undated stories count as the oldest), then id (`collate`
// names the byte-order collation where the backend needs one). The expression is the one of
// the index stories_by_rank (schema version 6), so a page reads only its own rows.
inline std::string ranked_stories_sql(std::string_view where, std::string_view collate = "") {
  return fmt::format(
      "SELECT {} FROM stories s WHERE {} ORDER BY s.outlet_count DESC, s.article_count DESC, "
      "coalesce(s.latest_hours, {}) DESC, s.id{}",
      kSummaryColumns, where, INT64_MIN, collate);
}

// "r.file, r.url" → "file, url": the same columns named in an INSERT.
inline std::string bare_columns(std::string_view prefixed) {
  std::string out;
  for (size_t i = 0; i < prefixed.size(); ++i) {
    if (prefixed.substr(i, 2) == "r." && (i == 0 || prefixed[i - 1] == ' ')) {
      ++i;
      continue;
    }
    out += prefixed[i];
  }
  return out;
}

// The Article of the revision columns starting at `first` of a row `s` (SQLite's Statement,
// PostgreSQL's PgRow: text, optional_text, int64, real by column); `id` is its stored id.
template <typename Row>
Article read_article(const Row& s, int first, std::string id) {
  Article a;
  a.id = std::move(id);
  a.file = s.text(first);
  a.url = s.optional_text(first + 1);
  a.source = s.optional_text(first + 2);
  a.title = s.optional_text(first + 3);
  a.published = s.optional_text(first + 4);
  // The same parse the extractor made (extract/extractor.cc): a stored date always parses.
  if (a.published) a.published_at = parse_publication_time(*a.published);
  a.author = s.optional_text(first + 5);
  a.agency = s.optional_text(first + 6);
  a.language = s.optional_text(first + 7);
  a.language_confidence = s.real(first + 8);
  a.words = int(s.int64(first + 9));
  a.text = s.text(first + 10);
  a.paragraphs = parse_list(s.text(first + 11));
  a.warnings = parse_list(s.text(first + 12));
  a.final_url = s.optional_text(first + 13);
  a.fetched_at = s.optional_text(first + 14);
  return a;
}

// `a` as read_article gives it back once written: the store keeps every field but the
// gold label `event`, and parses `published` again.
inline Article as_read_back(Article a) {
  a.event.reset();
  a.published_at.reset();
  if (a.published) a.published_at = parse_publication_time(*a.published);
  return a;
}

// The StorySummary of the kSummaryColumns of a row (as read_article).
template <typename Row>
StorySummary read_summary(const Row& s) {
  StorySummary out;
  out.id = s.text(0);
  out.title = s.optional_text(1);
  out.language = s.optional_text(2);
  out.event_date = s.optional_text(3);
  out.day = s.optional_text(4);
  out.sources = parse_list(s.text(5));
  out.article_ids = parse_list(s.text(6));
  out.article_count = s.int64(7);
  out.outlet_count = s.int64(8);
  out.latest_hours = s.optional_int64(9);
  out.version = s.int64(10);
  out.created_at = s.text(11);
  out.updated_at = s.text(12);
  out.checked = s.int64(13) != 0;
  return out;
}

// SELECT of a StoredArticle: the article, its current revision, its story and reprint mark,
// for the rows where `where` holds (a condition in the backend's own placeholder syntax).
inline std::string stored_article_select(const std::string& where) {
  return fmt::format(
      "SELECT a.seq, a.id, a.revision, a.content_hash, a.ingested_at, a.revised_at, m.story_id, "
      "d.id, {} FROM articles a JOIN article_revisions r ON r.article_seq = a.seq AND "
      "r.revision = a.revision LEFT JOIN memberships m ON m.article_seq = a.seq LEFT JOIN "
      "articles d ON d.seq = m.duplicate_of WHERE {}",
      kRevisionColumns, where);
}

// The StoredArticle of a row of stored_article_select (as read_article).
template <typename Row>
StoredArticle read_stored_article(const Row& s) {
  StoredArticle out;
  out.seq = s.int64(0);
  out.revision = int(s.int64(2));
  out.content_hash = s.text(3);
  out.ingested_at = s.text(4);
  out.revised_at = s.text(5);
  out.story_id = s.text(6);
  out.duplicate_of = s.optional_text(7);
  out.article = read_article(s, 8, s.text(1));
  return out;
}

}  // namespace recoupe::store
