#include "store/postgres_store.h"

#include <cstdint>
#include <map>
#include <set>

#include <fmt/format.h>

#include "store/columns.h"
#include "store/postgres_schema.h"
#include "store/schema.h"
#include "store/values.h"

namespace recoupe::store {
namespace {

// "$first, $first+1, … " for `count` parameters.
std::string placeholders(int first, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += fmt::format("{}${}", i ? ", " : "", first + i);
  return out;
}

// A PostgreSQL array literal of `values` ({"a","b"}), for a $n::text[] parameter.
std::string text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const std::string& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string int_array(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (int64_t v : values) out += (out.size() > 1 ? "," : "") + std::to_string(v);
  return out + "}";
}

// Adds the kRevisionColumns of `a` to `p`, in that order.
void add_article(PgParams& p, const Article& a) {
  p.add(a.file)
      .add(a.url)
      .add(a.source)
      .add(a.title)
      .add(a.published)
      .add(a.author)
      .add(a.agency)
      .add(a.language)
      .add(a.language_confidence)
      .add(int64_t(a.words))
      .add(a.text)
      .add(json_list(a.paragraphs))
      .add(json_list(a.warnings))
      .add(a.final_url)
      .add(a.fetched_at);
}

int64_t read_generation(PgConnection& db) {
  return db.run("SELECT coalesce(max(id), 0) FROM batches").int64(0, 0);
}

// The batch's new articles and revisions (sqlite_store.cc's write_articles).
void write_articles(PgConnection& db, const BatchWrite& w) {
  const std::string insert_revision = fmt::format(
      "INSERT INTO article_revisions (article_seq, revision, content_hash, ingested_at, raw_kind, "
      "raw_encoding, raw, {}) VALUES ({})",
      bare_columns(kRevisionColumns), placeholders(1, 7 + kRevisionColumnCount));
  auto write_revision = [&](int64_t seq, const ArticleRevision& r) {
    PgParams p;
    p.add(seq)
        .add(r.revision)
        .add(r.content_hash)
        .add(r.ingested_at)
        .add(r.raw.kind == ContentKind::kHtml ? "html" : "text")
        .add(r.raw.encoding)
        .add(r.raw.content);
    add_article(p, r.article);
    db.send(insert_revision, p);
  };
  for (const auto& n : w.articles) {
    const Article& a = n.first.article;
    db.send(
        "INSERT INTO articles (seq, id, url, outlet, title, lang, published_at, text, "
        "content_hash, revision, ingested_at, revised_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $11)",
        PgParams()
            .add(n.seq)
            .add(a.id)
            .add(a.url)
            .add(a.source)
            .add(a.title)
            .add(a.language)
            .add(a.published)
            .add(a.text)
            .add(n.first.content_hash)
            .add(n.first.revision)
            .add(n.first.ingested_at));
    write_revision(n.seq, n.first);
  }
  for (const auto& r : w.revisions) {
    const Article& a = r.revision.article;
    write_revision(r.seq, r.revision);
    db.send(
        "UPDATE articles SET url = $1, outlet = $2, title = $3, lang = $4, published_at = $5, "
        "text = $6, content_hash = $7, revision = $8, revised_at = $9 WHERE seq = $10",
        PgParams()
            .add(a.url)
            .add(a.source)
            .add(a.title)
            .add(a.language)
            .add(a.published)
            .add(a.text)
            .add(r.revision.content_hash)
            .add(r.revision.revision)
            .add(r.revision.ingested_at)
            .add(r.seq));
  }
}

// The stories the batch touched, version + 1 when stored already, with their contents. An
// unchecked story already stored keeps its cross-check (StoredStory): its title, event date,
// day, report and contents.
// `stored`: the ids of w.stories that are stored already (stored_stories).
void write_stories(PgConnection& db, const BatchWrite& w, const std::set<std::string>& stored) {
  constexpr const char* kInsert =
      "INSERT INTO stories (id, title, lang, event_date, day, sources, articles, "
      "article_count, outlet_count, latest_hours, version, created_at, updated_at, report, "
      "checked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11, $12, $13) ON "
      "CONFLICT (id) DO UPDATE SET lang = excluded.lang, sources = excluded.sources, articles = "
      "excluded.articles, article_count = excluded.article_count, outlet_count = "
      "excluded.outlet_count, latest_hours = excluded.latest_hours, version = stories.version + "
      "1, updated_at = excluded.updated_at, checked = excluded.checked";
  static const std::string kUpsertChecked = std::string(kInsert) +
                                            ", title = excluded.title, event_date = "
                                            "excluded.event_date, day = excluded.day, report = "
                                            "excluded.report";
  for (const auto& story : w.stories) {
    const StorySummary& s = story.summary;
    // A story not stored: its contents fail on their foreign key, and the batch is refused
    // anyway as writing a story without articles (story_without_articles).
    if (story.report_only) {
      db.send(
          "UPDATE stories SET title = $2, event_date = $3, day = $4, report = $5, version = "
          "version + 1, updated_at = $6 WHERE id = $1",
          PgParams()
              .add(s.id)
              .add(s.title)
              .add(s.event_date)
              .add(s.day)
              .add(story.report_json)
              .add(w.at));
      postgres_write_story_contents(db, s.id, story.report_json);
      continue;
    }
    // A new unchecked story's provisional report has contents of its own (none); an
    // unchecked one stored already keeps its contents.
    const bool contents = s.checked || !stored.count(s.id);
    db.send(s.checked ? kUpsertChecked : std::string(kInsert),
            PgParams()
                .add(s.id)
                .add(s.title)
                .add(s.language)
                .add(s.event_date)
                .add(s.day)
                .add(json_list(s.sources))
                .add(json_list(s.article_ids))
                .add(s.article_count)
                .add(s.outlet_count)
                .add(s.latest_hours)
                .add(w.at)
                .add(story.report_json)
                .add(int64_t(s.checked ? 1 : 0)));
    if (contents) postgres_write_story_contents(db, s.id, story.report_json);
  }
}

// Which of the batch's unchecked stories are stored already (read before the pipelined
// writes, which cannot wait for an answer).
std::set<std::string> stored_stories(PgConnection& db, const BatchWrite& w) {
  std::vector<std::string> ids;
  for (const auto& story : w.stories)
    if (!story.summary.checked) ids.push_back(story.summary.id);
  std::set<std::string> out;
  if (ids.empty()) return out;
  PgResult r =
      db.run("SELECT id FROM stories WHERE id = ANY($1::text[])", PgParams().add(text_array(ids)));
  for (int i = 0; i < r.rows(); ++i) out.insert(r.text(i, 0));
  return out;
}

void write_memberships(PgConnection& db, const BatchWrite& w) {
  for (const auto& m : w.memberships)
    db.send(
        "INSERT INTO memberships (article_seq, story_id, duplicate_of) VALUES ($1, $2, $3) ON "
        "CONFLICT (article_seq) DO UPDATE SET story_id = excluded.story_id, duplicate_of = "
        "excluded.duplicate_of",
        PgParams().add(m.seq).add(m.story_id).add(m.duplicate_of));
}

// Stories merged into others: the old id (and ids that led to it) redirect to the new one,
// and the old story goes (its deletion fails on the foreign key if an article still names
// it: nothing is orphaned).
void write_redirects(PgConnection& db, const BatchWrite& w) {
  for (const auto& r : w.redirects) {
    db.send("UPDATE story_redirects SET new_id = $1 WHERE new_id = $2",
            PgParams().add(r.new_id).add(r.old_id));
    db.send(
        "INSERT INTO story_redirects (old_id, new_id, merged_at) VALUES ($1, $2, $3) ON "
        "CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id, merged_at = "
        "excluded.merged_at",
        PgParams().add(r.old_id).add(r.new_id).add(w.at));
    db.send("DELETE FROM stories WHERE id = $1", PgParams().add(r.old_id));
  }
}

std::string story_without_articles(PgConnection& db, const BatchWrite& w) {
  std::vector<std::string> ids;
  for (const auto& story : w.stories) ids.push_back(story.summary.id);
  if (ids.empty()) return "";
  auto empty = db.run(
      "SELECT s.id FROM jsonb_array_elements_text($1::jsonb) AS s(id) WHERE NOT EXISTS (SELECT "
      "1 FROM memberships m WHERE m.story_id = s.id) LIMIT 1",
      PgParams().add(json_list(ids)));
  return empty.rows() > 0 ? empty.text(0, 0) : "";
}

void record_batch(PgConnection& db, const BatchWrite& w, int64_t generation) {
  db.run(
      "INSERT INTO batches (id, committed_at, added, revised, unchanged, refused, "
      "stories_touched, log_position, next_raw_sequence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9)",
      PgParams()
          .add(generation)
          .add(w.at)
          .add(w.counts.added)
          .add(w.counts.revised)
          .add(w.counts.unchanged)
          .add(w.counts.refused)
          .add(w.counts.stories_touched)
          .add(w.log_position ? std::optional(w.log_position->read_up_to) : std::nullopt)
          .add(w.log_position ? w.log_position->next_raw : std::nullopt));
}

// Whether batch `generation` is `w` committed already (its acknowledgement lost): the same
// time and counts, and every article and revision of `w` stored with its number and content
// hash. A batch without articles or revisions cannot be told apart: never recognized.
bool already_applied(PgConnection& db, const BatchWrite& w, int64_t generation) {
  if (w.articles.empty() && w.revisions.empty()) return false;
  PgResult batch = db.run("SELECT committed_at, added, revised FROM batches WHERE id = $1",
                          PgParams().add(generation));
  if (batch.rows() != 1 || batch.text(0, 0) != w.at || batch.int64(0, 1) != w.counts.added ||
      batch.int64(0, 2) != w.counts.revised)
    return false;
  std::vector<int64_t> seqs, numbers;
  std::vector<std::string> hashes;
  auto expect = [&](int64_t seq, const ArticleRevision& r) {
    seqs.push_back(seq);
    numbers.push_back(r.revision);
    hashes.push_back(r.content_hash);
  };
  for (const auto& n : w.articles) expect(n.seq, n.first);
  for (const auto& r : w.revisions) expect(r.seq, r.revision);
  PgResult found = db.run(
      "SELECT count(*) FROM article_revisions r JOIN unnest($1::bigint[], $2::int[], "
      "$3::text[]) AS b(seq, revision, hash) ON r.article_seq = b.seq AND r.revision = "
      "b.revision AND r.content_hash = b.hash",
      PgParams().add(int_array(seqs)).add(int_array(numbers)).add(text_array(hashes)));
  return found.int64(0, 0) == int64_t(seqs.size());
}

// The one-line reason of a failure; the usual server errors of a write said plainly.
std::string reason(const PgError& e) {
  if (e.sqlstate() == "53100") return "disk full: nothing of this batch was stored";
  if (e.sqlstate() == "25006") return "cannot write: this connection is read-only";
  if (e.sqlstate() == "55P03")
    return "another writer held the store's write lock past the lock timeout; nothing written";
  return e.what();
}

}  // namespace

Expected<std::unique_ptr<Backend>> PostgresStore::open(const std::string& url, OpenMode mode,
                                                       const StoreOptions& options,
                                                       const std::string& now) {
  const std::string location = without_password(url);
  try {
    std::string setup = fmt::format("SET lock_timeout = {}; SET client_min_messages = warning",
                                    options.busy_timeout_ms);
    if (mode == OpenMode::kReadOnly) setup += "; SET default_transaction_read_only = on";
    PgConnection db = PgConnection::connect(url, options.connect_timeout_s, setup);
    const int version = postgres_schema_version(db);
    if (mode == OpenMode::kReadWrite) {
      // Another program's database is never taken over: only an empty one gets our tables.
      const int64_t tables =
          db.exec("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").int64(0, 0);
      if (version == 0 && tables > 0)
        return Error{location, "not a recoupe store (a database of something else)"};
      postgres_migrate(db, now);
    } else {
      if (version == 0) return Error{location, "no store here yet (no schema_migrations table)"};
      if (version < kSchemaVersion)
        return Error{location, fmt::format("schema version {} is older than this recoupe's {}; "
                                           "run recoupe ingest on it once to upgrade it",
                                           version, kSchemaVersion)};
      if (version > kSchemaVersion)
        return Error{location, fmt::format("schema version {} was written by a newer recoupe "
                                           "(this one knows up to {})",
                                           version, kSchemaVersion)};
    }
    return std::unique_ptr<Backend>(new PostgresStore(std::move(db), location));
  } catch (const PgError& e) {
    return Error{location, e.what()};
  }
}

template <typename Work>
auto PostgresStore::attempt(Work work) -> Expected<typename Unwrapped<decltype(work())>::type> {
  try {
    if (db_.broken()) db_.reconnect();
    return work();
  } catch (const PgError& e) {
    if (!e.connection_lost()) return Error{location_, reason(e)};
  }
  try {
    db_.reconnect();
    return work();
  } catch (const PgError& e) {
    return Error{location_, reason(e)};
  }
}

Expected<int> PostgresStore::schema_version() {
  return attempt([&] { return postgres_schema_version(db_); });
}

Expected<int64_t> PostgresStore::generation() {
  return attempt([&] { return read_generation(db_); });
}

Expected<LogPosition> PostgresStore::log_position() {
  return attempt([&] {
    PgResult last = db_.exec(
        "SELECT log_position, next_raw_sequence FROM batches WHERE log_position IS NOT NULL "
        "ORDER BY log_position DESC LIMIT 1");
    LogPosition position;
    if (last.rows() == 0) return position;
    position.read_up_to = last.int64(0, 0);
    position.next_raw = last.optional_int64(0, 1);
    return position;
  });
}

Expected<bool> PostgresStore::hold_lead(const std::string& name) {
  return attempt([&] {
    // An advisory lock belongs to the session: held while the backend process that took
    // it serves this connection, gone with it (a reconnect opens another session).
    const int64_t session = db_.exec("SELECT pg_backend_pid()").int64(0, 0);
    if (lead_session_ == session && lead_name_ == name) return true;
    const bool taken =
        db_.run("SELECT pg_try_advisory_lock(hashtext($1))", PgParams().add(name)).text(0, 0) ==
        "t";
    if (taken) {
      lead_session_ = session;
      lead_name_ = name;
    }
    return taken;
  });
}

Expected<std::optional<StoryVersion>> PostgresStore::story_version(const std::string& id) {
  return attempt([&] {
    PgResult r = db_.run(
        "SELECT s.id, s.version, s.checked FROM stories s WHERE s.id = coalesce((SELECT new_id "
        "FROM story_redirects WHERE old_id = $1), $1)",
        PgParams().add(id));
    if (r.rows() == 0) return std::optional<StoryVersion>();
    return std::optional<StoryVersion>(
        StoryVersion{r.text(0, 0), r.int64(0, 1), r.int64(0, 2) != 0});
  });
}

Expected<std::vector<PlacedArticle>> PostgresStore::placed_articles() {
  return attempt([&] {
    PgResult r = db_.run(fmt::format(
        "SELECT a.seq, a.id, a.url, a.content_hash, a.revision, m.story_id, m.duplicate_of, {} "
        "FROM articles a JOIN article_revisions r ON r.article_seq = a.seq AND r.revision = 1 "
        "LEFT JOIN memberships m ON m.article_seq = a.seq ORDER BY a.seq",
        kRevisionColumns));
    std::vector<PlacedArticle> out;
    out.reserve(size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
      const PgRow s = r.row(i);
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
  });
}

Expected<std::vector<std::string>> PostgresStore::used_story_ids() {
  return attempt([&] {
    PgResult r = db_.run("SELECT id FROM stories UNION SELECT old_id FROM story_redirects");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  });
}

Expected<std::vector<std::pair<std::string, int64_t>>> PostgresStore::story_versions() {
  return attempt([&] {
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    PgResult r = db_.run("SELECT id, version FROM stories ORDER BY id COLLATE \"C\"");
    std::vector<std::pair<std::string, int64_t>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0), r.int64(i, 1));
    return out;
  });
}

Expected<std::vector<std::string>> PostgresStore::unchecked_stories() {
  return attempt([&] {
    PgResult r =
        db_.run("SELECT id FROM stories WHERE checked = 0 ORDER BY updated_at, id COLLATE \"C\"");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  });
}

Expected<std::vector<StoredArticle>> PostgresStore::current_articles(
    const std::vector<int64_t>& seqs) {
  return attempt([&] {
    // One round trip for all of them, then back in the order asked.
    PgResult r = db_.run(stored_article_select("a.seq = ANY($1::bigint[])"),
                         PgParams().add(int_array(seqs)));
    std::map<int64_t, int> row_of;
    for (int i = 0; i < r.rows(); ++i) row_of[r.int64(i, 0)] = i;
    std::vector<StoredArticle> out;
    for (int64_t seq : seqs)
      if (auto found = row_of.find(seq); found != row_of.end())
        out.push_back(read_stored_article(r.row(found->second)));
    return out;
  });
}

Expected<std::optional<StoredArticle>> PostgresStore::article(const std::string& id) {
  return attempt([&] {
    PgResult r = db_.run(stored_article_select("a.id = $1"), PgParams().add(id));
    if (r.rows() == 0) return std::optional<StoredArticle>();
    return std::optional<StoredArticle>(read_stored_article(r.row(0)));
  });
}

Expected<std::vector<ArticleRevision>> PostgresStore::revisions(const std::string& id) {
  return attempt([&] {
    PgResult r = db_.run(fmt::format("SELECT r.revision, r.content_hash, r.ingested_at, "
                                     "r.raw_kind, r.raw_encoding, r.raw, {} FROM "
                                     "article_revisions r JOIN articles a ON a.seq = "
                                     "r.article_seq WHERE a.id = $1 ORDER BY r.revision",
                                     kRevisionColumns),
                         PgParams().add(id));
    std::vector<ArticleRevision> out;
    for (int i = 0; i < r.rows(); ++i) {
      const PgRow s = r.row(i);
      ArticleRevision rev;
      rev.revision = int(s.int64(0));
      rev.content_hash = s.text(1);
      rev.ingested_at = s.text(2);
      rev.raw.kind = s.text(3) == "html" ? ContentKind::kHtml : ContentKind::kText;
      rev.raw.encoding = s.text(4);
      rev.raw.content = s.text(5);
      rev.article = read_article(s, 6, id);
      rev.raw.id = id;
      rev.raw.file = rev.article.file;
      out.push_back(std::move(rev));
    }
    return out;
  });
}

Expected<std::optional<StoredStory>> PostgresStore::story(const std::string& id) {
  return attempt([&] {
    PgResult r = db_.run(fmt::format("SELECT {}, s.report FROM stories s WHERE s.id = "
                                     "coalesce((SELECT new_id FROM story_redirects WHERE old_id "
                                     "= $1), $1)",
                                     kSummaryColumns),
                         PgParams().add(id));
    if (r.rows() == 0) return std::optional<StoredStory>();
    return std::optional<StoredStory>(
        StoredStory{read_summary(r.row(0)), r.text(0, kSummaryColumnCount)});
  });
}

Expected<std::vector<StorySummary>> PostgresStore::stories(const StoryFilter& filter,
                                                           size_t max_count) {
  std::string where = "true";
  PgParams params;
  auto add = [&](const std::string& condition, const std::string& value) {
    params.add(value);
    where += " AND " + fmt::format(fmt::runtime(condition), params.size());
  };
  if (filter.since) add("s.day >= ${}", *filter.since);
  if (filter.until) add("s.day <= ${}", *filter.until);
  if (filter.language) add("s.lang = ${}", *filter.language);
  if (filter.outlet)
    add("EXISTS (SELECT 1 FROM memberships m JOIN articles a ON a.seq = m.article_seq WHERE "
        "m.story_id = s.id AND lower(a.outlet) = lower(${}))",
        *filter.outlet);
  if (filter.entity)
    add("s.id IN (SELECT story_id FROM story_entity_names WHERE lower(name) = lower(${}))",
        *filter.entity);
  if (filter.speaker)
    add("s.id IN (SELECT story_id FROM story_quotes WHERE lower(speaker) = lower(${}))",
        *filter.speaker);
  if (filter.query) {
    // Each word a phrase of the tokens it holds (as FTS5's quoted strings), all required.
    const std::vector<std::string> words = query_words(*filter.query);
    if (words.empty()) return std::vector<StorySummary>();  // no word: nothing can match
    std::string query;
    for (const std::string& word : words) {
      params.add(word);
      query += fmt::format("{}phraseto_tsquery('recoupe_search', ${})", query.empty() ? "" : " && ",
                           params.size());
    }
    where +=
        " AND s.id IN (SELECT m.story_id FROM articles a JOIN memberships m ON "
        "m.article_seq = a.seq WHERE a.search @@ (" +
        query + "))";
  }
  std::string sql = ranked_stories_sql(where, " COLLATE \"C\"");  // ids in byte order
  if (max_count != SIZE_MAX) sql += fmt::format(" LIMIT {}", max_count);
  return attempt([&] {
    PgResult r = db_.run_once(sql, params);
    std::vector<StorySummary> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_summary(r.row(i)));
    return out;
  });
}

Expected<int64_t> PostgresStore::apply(const BatchWrite& w) {
  std::set<int64_t> placed;
  for (const auto& m : w.memberships) placed.insert(m.seq);
  for (const auto& a : w.articles)
    if (!placed.count(a.seq))
      return Error{location_,
                   fmt::format("article {} has no story; nothing written", a.first.article.id)};
  return attempt([&] { return apply_once(w); });
}

Expected<int64_t> PostgresStore::apply_once(const BatchWrite& w) {
  db_.exec("BEGIN");
  try {
    // One writer at a time; readers (ACCESS SHARE) are not blocked.
    db_.exec("LOCK TABLE batches IN EXCLUSIVE MODE");
    const int64_t generation = read_generation(db_);
    if (generation != w.base_generation) {
      const bool done = generation == w.base_generation + 1 && already_applied(db_, w, generation);
      db_.exec("ROLLBACK");
      if (done) return generation;
      return Error{location_, fmt::format("another writer committed batch {} since this batch "
                                          "was prepared (against batch {}); nothing written",
                                          generation, w.base_generation)};
    }
    const std::set<std::string> stored = stored_stories(db_, w);
    db_.begin_pipeline();  // the writes need no answer: one round trip for hundreds
    write_articles(db_, w);
    write_stories(db_, w, stored);
    write_memberships(db_, w);
    write_redirects(db_, w);
    db_.end_pipeline();
    if (const std::string id = story_without_articles(db_, w); !id.empty()) {
      db_.exec("ROLLBACK");
      return Error{location_, fmt::format("story {} would have no article; nothing written", id)};
    }
    record_batch(db_, w, generation + 1);
    db_.exec("COMMIT");
    return generation + 1;
  } catch (const PgError&) {
    db_.abandon_pipeline();
    try {
      if (!db_.broken()) db_.exec("ROLLBACK");
    } catch (const PgError&) {
      // The first failure is the one to report.
    }
    throw;
  }
}

}  // namespace recoupe::store
