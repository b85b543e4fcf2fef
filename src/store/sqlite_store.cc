#include "store/sqlite_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <set>

#include <fmt/format.h>

#include "core/calendar.h"
#include "store/columns.h"
#include "store/schema.h"
#include "store/story_contents.h"
#include "store/values.h"

namespace recoupe::store {
namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Binds the revision columns of kRevisionColumns from `a` at parameters first, first+1….
void bind_article(Statement& s, int first, const Article& a) {
  s.bind(first, std::string_view(a.file))
      .bind(first + 1, a.url)
      .bind(first + 2, a.source)
      .bind(first + 3, a.title)
      .bind(first + 4, a.published)
      .bind(first + 5, a.author)
      .bind(first + 6, a.agency)
      .bind(first + 7, a.language)
      .bind(first + 8, a.language_confidence)
      .bind(first + 9, int64_t(a.words))
      .bind(first + 10, std::string_view(a.text))
      .bind(first + 11, std::string_view(json_list(a.paragraphs)))
      .bind(first + 12, std::string_view(json_list(a.warnings)))
      .bind(first + 13, a.final_url)
      .bind(first + 14, a.fetched_at);
}

// The user's words as an FTS5 query: each whitespace-separated word a quoted string (so
// that no character of it is FTS5 syntax), all of them required.
std::string fts_query(const std::string& text) {
  std::string out;
  for (const std::string& word : query_words(text)) {
    std::string quoted = "\"";
    for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "" : " ") + quoted + "\"";
  }
  return out;
}

// Resets a kept statement (Database::prepared) at the end of its use: a SELECT left on a
// row would hold its read transaction open, and the connection's next reads would see that
// old snapshot instead of the batches committed since.
class ResetAtEnd {
 public:
  explicit ResetAtEnd(Statement& s) : s_(s) {}
  ResetAtEnd(const ResetAtEnd&) = delete;
  ResetAtEnd& operator=(const ResetAtEnd&) = delete;
  ~ResetAtEnd() { s_.reset(); }

 private:
  Statement& s_;
};

int64_t read_generation(Database& db) {
  Statement& s = db.prepared("SELECT coalesce(max(id), 0) FROM batches");
  ResetAtEnd done(s);
  s.step();
  return s.int64(0);
}

// The batch's new articles and revisions: the articles table holds each article's latest
// text, article_revisions every version with its raw input.
void write_articles(Database& db, const BatchWrite& w) {
  Statement& insert_article = db.prepared(
      "INSERT INTO articles (seq, id, url, outlet, title, lang, published_at, text, "
      "content_hash, revision, ingested_at, revised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?)");
  Statement& insert_revision = db.prepared(
      fmt::format("INSERT INTO article_revisions (article_seq, revision, content_hash, "
                  "ingested_at, raw_kind, raw_encoding, raw, {}) VALUES (?, ?, ?, ?, ?, ?, "
                  "?{})",
                  bare_columns(kRevisionColumns), repeat(", ?", kRevisionColumnCount)));
  Statement& update_article = db.prepared(
      "UPDATE articles SET url = ?, outlet = ?, title = ?, lang = ?, published_at = ?, text = ?, "
      "content_hash = ?, revision = ?, revised_at = ? WHERE seq = ?");
  auto write_revision = [&](int64_t seq, const ArticleRevision& r) {
    insert_revision.bind(1, seq)
        .bind(2, int64_t(r.revision))
        .bind(3, std::string_view(r.content_hash))
        .bind(4, std::string_view(r.ingested_at))
        .bind(5, std::string_view(r.raw.kind == ContentKind::kHtml ? "html" : "text"))
        .bind(6, std::string_view(r.raw.encoding))
        .bind(7, std::string_view(r.raw.content));
    bind_article(insert_revision, 8, r.article);
    insert_revision.run();
  };
  for (const auto& n : w.articles) {
    const Article& a = n.first.article;
    insert_article.bind(1, n.seq)
        .bind(2, std::string_view(a.id))
        .bind(3, a.url)
        .bind(4, a.source)
        .bind(5, a.title)
        .bind(6, a.language)
        .bind(7, a.published)
        .bind(8, std::string_view(a.text))
        .bind(9, std::string_view(n.first.content_hash))
        .bind(10, int64_t(n.first.revision))
        .bind(11, std::string_view(n.first.ingested_at))
        .bind(12, std::string_view(n.first.ingested_at));
    insert_article.run();
    write_revision(n.seq, n.first);
  }
  for (const auto& r : w.revisions) {
    const Article& a = r.revision.article;
    write_revision(r.seq, r.revision);
    update_article.bind(1, a.url)
        .bind(2, a.source)
        .bind(3, a.title)
        .bind(4, a.language)
        .bind(5, a.published)
        .bind(6, std::string_view(a.text))
        .bind(7, std::string_view(r.revision.content_hash))
        .bind(8, int64_t(r.revision.revision))
        .bind(9, std::string_view(r.revision.ingested_at))
        .bind(10, r.seq);
    update_article.run();
  }
}

// The stories the batch touched (created, or updated with their version bumped), with the
// contents their report lists. An unchecked story already stored keeps its cross-check
// (StoredStory): its title, event date, day, report and contents.
void write_stories(Database& db, const BatchWrite& w) {
  constexpr const char* kInsert =
      "INSERT INTO stories (id, title, lang, event_date, day, sources, articles, article_count, "
      "outlet_count, latest_hours, version, created_at, updated_at, report, checked) VALUES (?1, "
      "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11, ?12, ?13) ON CONFLICT (id) DO UPDATE SET "
      "lang = excluded.lang, sources = excluded.sources, articles = excluded.articles, "
      "article_count = excluded.article_count, outlet_count = excluded.outlet_count, "
      "latest_hours = excluded.latest_hours, version = stories.version + 1, updated_at = "
      "excluded.updated_at, checked = excluded.checked";
  Statement& upsert_checked = db.prepared(std::string(kInsert) +
                                          ", title = excluded.title, event_date = "
                                          "excluded.event_date, day = excluded.day, report = "
                                          "excluded.report");
  Statement& upsert_unchecked = db.prepared(kInsert);
  Statement& report_only = db.prepared(
      "UPDATE stories SET title = ?2, event_date = ?3, day = ?4, report = ?5, version = "
      "version + 1, updated_at = ?6 WHERE id = ?1");
  Statement& existed = db.prepared("SELECT 1 FROM stories WHERE id = ?");
  for (const auto& story : w.stories) {
    const StorySummary& s = story.summary;
    if (story.report_only) {
      report_only.bind(1, std::string_view(s.id))
          .bind(2, s.title)
          .bind(3, s.event_date)
          .bind(4, s.day)
          .bind(5, std::string_view(story.report_json))
          .bind(6, std::string_view(w.at));
      report_only.run();
      if (sqlite3_changes(db.handle()) != 1)  // the live state is wrong: nothing is written
        throw SqlError("a cross-check of story " + s.id + ", which is not stored",
                       SQLITE_CONSTRAINT);
      if (story.contents)
        write_story_contents(db, s.id, *story.contents);
      else
        write_story_contents(db, s.id, story.report_json);
      continue;
    }
    bool contents = s.checked;
    if (!s.checked) {  // a new story's provisional report has contents of its own (none)
      existed.bind(1, std::string_view(s.id));
      contents = !existed.step();
      existed.reset();
    }
    Statement& upsert = s.checked ? upsert_checked : upsert_unchecked;
    upsert.bind(1, std::string_view(s.id))
        .bind(2, s.title)
        .bind(3, s.language)
        .bind(4, s.event_date)
        .bind(5, s.day)
        .bind(6, std::string_view(json_list(s.sources)))
        .bind(7, std::string_view(json_list(s.article_ids)))
        .bind(8, s.article_count)
        .bind(9, s.outlet_count)
        .bind(10, s.latest_hours)
        .bind(11, std::string_view(w.at))
        .bind(12, std::string_view(story.report_json))
        .bind(13, int64_t(s.checked ? 1 : 0));
    upsert.run();
    if (contents && story.contents)
      write_story_contents(db, s.id, *story.contents);
    else if (contents)
      write_story_contents(db, s.id, story.report_json);
  }
}

// Which story each placed article belongs to now, and which article it reprints.
void write_memberships(Database& db, const BatchWrite& w) {
  Statement& set_membership = db.prepared(
      "INSERT INTO memberships (article_seq, story_id, duplicate_of) VALUES (?, ?, ?) ON "
      "CONFLICT "
      "(article_seq) DO UPDATE SET story_id = excluded.story_id, duplicate_of = "
      "excluded.duplicate_of");
  for (const auto& m : w.memberships) {
    set_membership.bind(1, m.seq).bind(2, std::string_view(m.story_id)).bind(3, m.duplicate_of);
    set_membership.run();
  }
}

// Stories merged into others: the old id redirects to the new one (and so do ids that
// redirected to the old one), and the old story goes.
void write_redirects(Database& db, const BatchWrite& w) {
  Statement& retarget = db.prepared("UPDATE story_redirects SET new_id = ?1 WHERE new_id = ?2");
  Statement& redirect = db.prepared(
      "INSERT INTO story_redirects (old_id, new_id, merged_at) VALUES (?, ?, ?) ON "
      "CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id, merged_at = "
      "excluded.merged_at");
  Statement& remove_story = db.prepared("DELETE FROM stories WHERE id = ?");
  for (const auto& r : w.redirects) {
    retarget.bind(1, std::string_view(r.new_id)).bind(2, std::string_view(r.old_id)).run();
    redirect.bind(1, std::string_view(r.old_id))
        .bind(2, std::string_view(r.new_id))
        .bind(3, std::string_view(w.at))
        .run();
    // Fails on the foreign key if an article still names the story: nothing is orphaned.
    remove_story.bind(1, std::string_view(r.old_id)).run();
  }
}

// The id of a story the batch wrote that no article belongs to any more, or "" when
// every one has members.
std::string story_without_articles(Database& db, const BatchWrite& w) {
  Statement& members = db.prepared("SELECT count(*) FROM memberships WHERE story_id = ?");
  for (const auto& story : w.stories) {
    members.bind(1, std::string_view(story.summary.id));
    members.step();
    const int64_t n = members.int64(0);
    members.reset();
    if (n == 0) return story.summary.id;
  }
  return "";
}

// The batch's line in the batches table: what it added, revised and touched.
void record_batch(Database& db, const BatchWrite& w) {
  Statement& batch = db.prepared(
      "INSERT INTO batches (committed_at, added, revised, unchanged, refused, "
      "stories_touched, log_position, next_raw_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  batch.bind(1, std::string_view(w.at))
      .bind(2, w.counts.added)
      .bind(3, w.counts.revised)
      .bind(4, w.counts.unchanged)
      .bind(5, w.counts.refused)
      .bind(6, w.counts.stories_touched)
      .bind(7, w.log_position ? std::optional(w.log_position->read_up_to) : std::nullopt)
      .bind(8, w.log_position ? w.log_position->next_raw : std::nullopt)
      .run();
}

}  // namespace

Expected<std::unique_ptr<Backend>> SqliteStore::open(const std::string& path, OpenMode mode,
                                                     int busy_timeout_ms, const std::string& now) {
  try {
    Database db = Database::open(path, mode, busy_timeout_ms);
    if (mode == OpenMode::kReadWrite) {
      // Another program's database is never taken over: only an empty file gets our tables.
      Statement tables(db, "SELECT count(*) FROM sqlite_schema");
      tables.step();
      if (store::schema_version(db) == 0 && tables.int64(0) > 0)
        return Error{path, "not a recoupe store (an SQLite database of something else)"};
      tables.reset();
      migrate(db, migrations(), now);
    } else {
      const int version = store::schema_version(db);
      if (version == 0) return Error{path, "not a recoupe store (no schema_migrations table)"};
      if (version < kSchemaVersion)
        return Error{path, fmt::format("schema version {} is older than this recoupe's {}; run "
                                       "recoupe ingest on it once to upgrade it",
                                       version, kSchemaVersion)};
      if (version > kSchemaVersion)
        return Error{path, fmt::format("schema version {} was written by a newer recoupe (this "
                                       "one knows up to {})",
                                       version, kSchemaVersion)};
    }
    return std::unique_ptr<Backend>(new SqliteStore(std::move(db)));
  } catch (const SqlError& e) {
    if (e.code() == SQLITE_NOTADB) return Error{path, "not a recoupe store (not an SQLite file)"};
    return Error{path, e.what()};
  }
}

Expected<int> SqliteStore::schema_version() {
  try {
    return store::schema_version(db_);
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<int64_t> SqliteStore::generation() {
  try {
    return read_generation(db_);
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<LogPosition> SqliteStore::log_position() {
  try {
    Statement& s = db_.prepared(
        "SELECT log_position, next_raw_sequence FROM batches WHERE log_position IS NOT NULL "
        "ORDER BY log_position DESC LIMIT 1");
    LogPosition position;
    if (s.step()) {
      position.read_up_to = s.int64(0);
      position.next_raw = s.optional_int64(1);
    }
    s.reset();
    return position;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<bool> SqliteStore::hold_lead(const std::string& name) {
  auto it = lead_files_.find(name);
  if (it == lead_files_.end()) {
    const std::string lock_path = path() + "-" + name + ".lock";
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Error{path(), "cannot open " + lock_path + ": " + std::strerror(errno)};
    it = lead_files_.emplace(name, fd).first;
    held_leads_.erase(name);
  }
  if (held_leads_.count(name)) return true;
  if (::flock(it->second, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) return false;
    return Error{path(), std::string("cannot lock the lead file: ") + std::strerror(errno)};
  }
  held_leads_.insert(name);
  return true;
}

SqliteStore::~SqliteStore() {
  for (const auto& [name, fd] : lead_files_) ::close(fd);  // lets the leads go
}

Expected<std::optional<StoryVersion>> SqliteStore::story_version(const std::string& id) {
  try {
    Statement& s = db_.prepared(
        "SELECT s.id, s.version, s.checked FROM stories s WHERE s.id = coalesce((SELECT new_id "
        "FROM story_redirects WHERE old_id = ?1), ?1)");
    ResetAtEnd done(s);
    s.bind(1, std::string_view(id));
    if (!s.step()) return std::optional<StoryVersion>();
    return std::optional<StoryVersion>(StoryVersion{s.text(0), s.int64(1), s.int64(2) != 0});
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::vector<PlacedArticle>> SqliteStore::placed_articles() {
  try {
    Statement s(db_, fmt::format("SELECT a.seq, a.id, a.url, a.content_hash, a.revision, "
                                 "m.story_id, m.duplicate_of, {} FROM articles a JOIN "
                                 "article_revisions r ON r.article_seq = a.seq AND r.revision = 1 "
                                 "LEFT JOIN memberships m ON m.article_seq = a.seq ORDER BY a.seq",
                                 kRevisionColumns));
    std::vector<PlacedArticle> out;
    while (s.step()) {
      PlacedArticle p;
      p.seq = s.int64(0);
      p.url = s.optional_text(2);
      p.content_hash = s.text(3);
      p.revision = int(s.int64(4));
      p.story_id = s.text(5);
      p.duplicate_of = s.optional_int64(6);
      p.placed = read_article(s, 7, s.text(1));
      out.push_back(std::move(p));
    }
    return out;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::vector<std::string>> SqliteStore::used_story_ids() {
  try {
    Statement s(db_, "SELECT id FROM stories UNION SELECT old_id FROM story_redirects");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::vector<std::pair<std::string, int64_t>>> SqliteStore::story_versions() {
  try {
    Statement s(db_, "SELECT id, version FROM stories ORDER BY id");
    std::vector<std::pair<std::string, int64_t>> out;
    while (s.step()) out.emplace_back(s.text(0), s.int64(1));
    return out;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::vector<std::string>> SqliteStore::unchecked_stories() {
  try {
    Statement s(db_, "SELECT id FROM stories WHERE checked = 0 ORDER BY updated_at, id");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::vector<StoredArticle>> SqliteStore::current_articles(
    const std::vector<int64_t>& seqs) {
  try {
    Statement& s = db_.prepared(stored_article_select("a.seq = ?"));
    ResetAtEnd done(s);
    std::vector<StoredArticle> out;
    for (int64_t seq : seqs) {
      s.bind(1, seq);
      if (s.step()) out.push_back(read_stored_article(s));
      s.reset();
    }
    return out;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::optional<StoredArticle>> SqliteStore::article(const std::string& id) {
  try {
    Statement s(db_, stored_article_select("a.id = ?"));
    s.bind(1, std::string_view(id));
    if (!s.step()) return std::optional<StoredArticle>();
    return std::optional<StoredArticle>(read_stored_article(s));
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::vector<ArticleRevision>> SqliteStore::revisions(const std::string& id) {
  try {
    Statement s(db_, fmt::format("SELECT r.revision, r.content_hash, r.ingested_at, r.raw_kind, "
                                 "r.raw_encoding, r.raw, {} FROM article_revisions r JOIN articles "
                                 "a ON a.seq = r.article_seq WHERE a.id = ? ORDER BY r.revision",
                                 kRevisionColumns));
    s.bind(1, std::string_view(id));
    std::vector<ArticleRevision> out;
    while (s.step()) {
      ArticleRevision r;
      r.revision = int(s.int64(0));
      r.content_hash = s.text(1);
      r.ingested_at = s.text(2);
      r.raw.kind = s.text(3) == "html" ? ContentKind::kHtml : ContentKind::kText;
      r.raw.encoding = s.text(4);
      r.raw.content = s.text(5);
      r.article = read_article(s, 6, id);
      r.raw.id = id;
      r.raw.file = r.article.file;
      out.push_back(std::move(r));
    }
    return out;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::optional<StoredStory>> SqliteStore::story(const std::string& id) {
  try {
    // Redirects are kept one hop long (apply moves older ones to the successor).
    Statement s(db_, fmt::format("SELECT {}, s.report FROM stories s WHERE s.id = coalesce((SELECT "
                                 "new_id FROM story_redirects WHERE old_id = ?1), ?1)",
                                 kSummaryColumns));
    s.bind(1, std::string_view(id));
    if (!s.step()) return std::optional<StoredStory>();
    StoredStory out{read_summary(s), s.text(kSummaryColumnCount)};
    return std::optional<StoredStory>(std::move(out));
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<std::vector<StorySummary>> SqliteStore::stories(const StoryFilter& filter,
                                                         size_t max_count) {
  try {
    std::string where = "1";
    std::vector<std::string> values;
    auto add = [&](const std::string& condition, const std::string& value) {
      where += " AND " + condition;
      values.push_back(value);
    };
    if (filter.since) add("s.day >= ?", *filter.since);
    if (filter.until) add("s.day <= ?", *filter.until);
    if (filter.language) add("s.lang = ?", *filter.language);
    if (filter.outlet)
      add("EXISTS (SELECT 1 FROM memberships m JOIN articles a ON a.seq = m.article_seq WHERE "
          "m.story_id = s.id AND a.outlet = ? COLLATE NOCASE)",
          *filter.outlet);
    if (filter.entity)
      add("s.id IN (SELECT story_id FROM story_entity_names WHERE name = ?)", *filter.entity);
    if (filter.speaker)
      add("s.id IN (SELECT story_id FROM story_quotes WHERE speaker = ? COLLATE NOCASE)",
          *filter.speaker);
    if (filter.query) {
      std::string q = fts_query(*filter.query);
      if (q.empty()) return std::vector<StorySummary>();  // no word: nothing can match
      add("s.id IN (SELECT m.story_id FROM articles_fts f JOIN memberships m ON m.article_seq = "
          "f.rowid WHERE articles_fts MATCH ?)",
          q);
    }
    Statement s(db_, ranked_stories_sql(where));
    for (size_t i = 0; i < values.size(); ++i) s.bind(int(i) + 1, std::string_view(values[i]));
    std::vector<StorySummary> out;
    while (out.size() < max_count && s.step()) out.push_back(read_summary(s));
    return out;
  } catch (const SqlError& e) {
    return failure(e);
  }
}

Expected<int64_t> SqliteStore::apply(const BatchWrite& w) {
  try {
    Transaction tx(db_);
    const int64_t generation = read_generation(db_);
    if (generation != w.base_generation)
      return Error{path(), fmt::format("another writer committed batch {} since this batch was "
                                       "prepared (against batch {}); nothing written",
                                       generation, w.base_generation)};
    std::set<int64_t> placed;
    for (const auto& m : w.memberships) placed.insert(m.seq);
    for (const auto& a : w.articles)
      if (!placed.count(a.seq))
        return Error{path(),
                     fmt::format("article {} has no story; nothing written", a.first.article.id)};
    write_articles(db_, w);
    write_stories(db_, w);
    write_memberships(db_, w);
    write_redirects(db_, w);
    if (const std::string id = story_without_articles(db_, w); !id.empty())
      return Error{path(), fmt::format("story {} would have no article; nothing written", id)};
    record_batch(db_, w);
    tx.commit();
    return generation + 1;
  } catch (const SqlError& e) {
    if ((e.code() & 0xff) == SQLITE_FULL)
      return Error{path(), "disk full: nothing of this batch was stored"};
    if ((e.code() & 0xff) == SQLITE_READONLY)
      return Error{path(), "cannot write: the file or its folder is read-only"};
    return failure(e);
  }
}

}  // namespace recoupe::store
