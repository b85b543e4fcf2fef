// The PostgreSQL store (store/postgres_store.h) against a real PostgreSQL 15
// (store_postgres_server.h): its schema versions, a batch applied twice after a lost
// acknowledgement, read-only sessions, a server restarted or killed between two batches,
// and the errors of a bad URL or a server that is down. The contract both backends share
// is tested over both in store_redirect_test.cc, store_listing_test.cc and
// store_reader_freshness_test.cc; the equivalence of whole runs in
// store_postgres_equivalence_test.cc.
#include <gtest/gtest.h>

#include "engine/batch.h"
#include "engine/live_stories.h"
#include "shipped_resources.h"
#include "store/postgres_connection.h"
#include "store/schema.h"
#include "store/store.h"
#include "store_postgres_server.h"

namespace recoupe::store {
namespace {

using recoupe::testing::shared_postgres;

BatchWrite::NewArticle article(int64_t seq, const std::string& id, const std::string& text) {
  ArticleRevision r;
  r.content_hash = "h" + id;
  r.ingested_at = "t";
  r.article.id = id;
  r.article.file = id + ".txt";
  r.article.title = "Title " + id;
  r.article.text = text;
  r.raw.content = text;
  return {seq, r};
}

StoredStory story(const std::string& id, std::vector<std::string> articles) {
  StoredStory s;
  s.summary.id = id;
  s.summary.article_ids = articles;
  s.summary.article_count = int64_t(articles.size());
  s.report_json = "{}";
  return s;
}

// Two articles in two stories, against an empty store.
BatchWrite first_batch() {
  BatchWrite w;
  w.at = "t1";
  w.articles = {article(1, "a", "Les crues de Porto Alegre"), article(2, "b", "Le vote à Mexico")};
  w.stories = {story("A", {"a"}), story("B", {"b"})};
  w.memberships = {{1, "A", {}}, {2, "B", {}}};
  w.counts.added = 2;
  return w;
}

Store open(const std::string& url, OpenMode mode = OpenMode::kReadWrite) {
  auto store = Store::open(url, mode);
  EXPECT_TRUE(store) << store.error().to_string();
  return std::move(*store);
}

TEST(StorePostgres, MigratesToTheVersionsAndDescriptionsOfTheSqliteSchema) {
  REQUIRE_POSTGRES();
  const std::string url = shared_postgres().new_database();
  auto absent = Store::open(url, OpenMode::kReadOnly);  // readers never create a store
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().where, url);
  EXPECT_NE(absent.error().message.find("no store here yet"), std::string::npos);

  Store store = open(url);
  EXPECT_EQ(*store.schema_version(), kSchemaVersion);
  PgConnection db = PgConnection::connect(url, 5, "");
  PgResult rows = db.exec("SELECT version, description FROM schema_migrations ORDER BY version");
  ASSERT_EQ(rows.rows(), int(migrations().size()));
  for (int i = 0; i < rows.rows(); ++i) {
    EXPECT_EQ(rows.int64(i, 0), migrations()[size_t(i)].version);
    EXPECT_EQ(rows.text(i, 1), migrations()[size_t(i)].description);
  }
  EXPECT_TRUE(Store::open(url, OpenMode::kReadWrite));  // up to date: nothing to do
  EXPECT_TRUE(Store::open(url, OpenMode::kReadOnly));

  // Another program's database is not taken over.
  const std::string other = shared_postgres().new_database();
  PgConnection::connect(other, 5, "").exec("CREATE TABLE invoices (id INTEGER)");
  auto refused = Store::open(other, OpenMode::kReadWrite);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("not a recoupe store"), std::string::npos);
}

// The writer committed but its acknowledgement was lost (the connection broke at COMMIT, or
// a redelivered message computed the batch again against the same base): applying the same
// batch again stores nothing twice and returns the generation it made.
TEST(StorePostgres, TheSameBatchAppliedTwiceIsStoredOnce) {
  REQUIRE_POSTGRES();
  Store store = open(shared_postgres().new_database());
  const BatchWrite w = first_batch();
  ASSERT_EQ(*store.apply(w), 1);
  auto again = store.apply(w);
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(*again, 1);
  EXPECT_EQ(*store.generation(), 1);
  EXPECT_EQ(store.placed_articles()->size(), 2u);
  EXPECT_EQ(store.story("A")->value().summary.version, 1);  // not cross-checked twice

  // Another batch computed against the same old base is still refused.
  BatchWrite other = w;
  other.at = "t2";
  other.articles = {article(3, "c", "Un autre texte")};
  other.stories = {story("C", {"c"})};
  other.memberships = {{3, "C", {}}};
  auto refused = store.apply(other);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("another writer committed batch 1"), std::string::npos);
  EXPECT_FALSE(store.article("c")->has_value());
}

// A batch's writes go to the server pipelined, hundreds at a time (PgConnection::send). A
// statement failing deep inside (the server refuses it, after a first chunk was answered) or
// a value refused before it is sent writes nothing of the batch, names the failure, and
// leaves the connection ready for the next batch.
TEST(StorePostgres, AWriteFailingInsideALargeBatchWritesNothingAndTheNextBatchGoesThrough) {
  REQUIRE_POSTGRES();
  Store store = open(shared_postgres().new_database());
  BatchWrite large;
  large.at = "t1";
  std::vector<std::string> ids;
  for (int64_t seq = 1; seq <= 300; ++seq) {  // 600 article statements: more than one chunk
    ids.push_back("a" + std::to_string(seq));
    large.articles.push_back(article(seq, ids.back(), "Texte " + ids.back()));
    large.memberships.push_back({seq, "A", {}});
  }
  large.stories = {story("A", ids)};
  BatchWrite refused_by_server = large;
  refused_by_server.articles.back().first.article.id = "a1";  // an id stored twice
  auto refused = store.apply(refused_by_server);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("articles_id_key"), std::string::npos)
      << refused.error().to_string();
  BatchWrite refused_before_sending = large;
  refused_before_sending.articles[250].first.article.text = std::string("a\0b", 3);
  refused = store.apply(refused_before_sending);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("NUL character"), std::string::npos)
      << refused.error().to_string();
  EXPECT_EQ(*store.generation(), 0);
  EXPECT_TRUE(store.placed_articles()->empty());

  auto stored = store.apply(large);
  ASSERT_TRUE(stored) << stored.error().to_string();
  EXPECT_EQ(*stored, 1);
  EXPECT_EQ(store.placed_articles()->size(), 300u);
  EXPECT_EQ(store.story("A")->value().summary.article_count, 300);
}

TEST(StorePostgres, AReadOnlySessionCannotWrite) {
  REQUIRE_POSTGRES();
  const std::string url = shared_postgres().new_database();
  open(url);
  Store reader = open(url, OpenMode::kReadOnly);
  auto refused = reader.apply(first_batch());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().to_string(), url + ": cannot write: this connection is read-only");
  EXPECT_EQ(*reader.generation(), 0);
}

// A restart of the server between two batches (a fast shutdown, then a crash) loses
// nothing: the next batch reconnects and goes through, and readers reconnect too.
TEST(StorePostgres, ARestartBetweenTwoBatchesLosesNothing) {
  REQUIRE_POSTGRES();
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  engine::IngestBatch seeds = engine::read_batch({RECOUPE_EXAMPLES_DIR "/vostochny"}, pipeline);
  ASSERT_EQ(seeds.documents.size(), 5u);
  engine::IngestBatch first, second;
  first.documents.assign(seeds.documents.begin(), seeds.documents.begin() + 3);
  second.documents.assign(seeds.documents.begin() + 3, seeds.documents.end());

  const std::string url = shared_postgres().new_database();
  Store store = open(url);
  Store reader = open(url, OpenMode::kReadOnly);
  auto live = engine::LiveStories::open(pipeline, store);
  ASSERT_TRUE(live) << live.error().to_string();
  ASSERT_TRUE(live->ingest(std::move(first)));
  ASSERT_EQ(reader.stories({})->size(), 1u);

  shared_postgres().restart();
  auto done = live->ingest(std::move(second));
  ASSERT_TRUE(done) << done.error().to_string();
  EXPECT_EQ(done->counts.added, 2);
  EXPECT_EQ(*store.generation(), 2);
  auto listed = reader.stories({});
  ASSERT_TRUE(listed) << listed.error().to_string();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().article_count, 5);

  shared_postgres().kill_hard();
  shared_postgres().start();
  auto again = live->ingest(engine::read_batch({RECOUPE_EXAMPLES_DIR "/vostochny"}, pipeline));
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(again->counts.unchanged, 5);
  EXPECT_EQ(reader.placed_articles()->size(), 5u);
  EXPECT_EQ(*reader.generation(), 2);
}

TEST(StorePostgres, ABadUrlOrAServerThatIsDownIsOneLineNamingTheUrlWithoutItsPassword) {
  REQUIRE_POSTGRES();
  // Port 1: nothing listens there.
  auto down = Store::open("postgresql://recoupe:secret@127.0.0.1:1/recoupe", OpenMode::kReadWrite,
                          {.connect_timeout_s = 2});
  ASSERT_FALSE(down);
  EXPECT_EQ(down.error().where, "postgresql://recoupe@127.0.0.1:1/recoupe");
  EXPECT_TRUE(down.error().message.starts_with("cannot connect: ")) << down.error().message;
  EXPECT_EQ(down.error().to_string().find('\n'), std::string::npos);
  EXPECT_EQ(down.error().to_string().find("secret"), std::string::npos);

  auto no_database = Store::open(shared_postgres().url("absent"), OpenMode::kReadOnly);
  ASSERT_FALSE(no_database);
  EXPECT_NE(no_database.error().message.find("\"absent\" does not exist"), std::string::npos)
      << no_database.error().message;

  auto garbled = Store::open("postgresql://127.0.0.1:port/x", OpenMode::kReadOnly);
  ASSERT_FALSE(garbled);
  EXPECT_TRUE(garbled.error().message.starts_with("cannot connect: "));

  // A server that goes down under an open store: the next call says so, naming the URL;
  // once it is back, the store works again.
  const std::string url = shared_postgres().new_database();
  Store store = open(url);
  shared_postgres().stop();
  auto lost = store.generation();
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().where, url);
  EXPECT_EQ(lost.error().to_string().find('\n'), std::string::npos);
  shared_postgres().start();
  auto back = store.generation();
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(*back, 0);
}

TEST(StorePostgres, APasswordIsLeftOutOfTheLocation) {
  EXPECT_EQ(without_password("postgresql://u:p%40ss@db.example:5432/r"),
            "postgresql://u@db.example:5432/r");
  EXPECT_EQ(without_password("postgres://u@h/r?password=x&sslmode=require"),
            "postgres://u@h/r?sslmode=require");
  EXPECT_EQ(without_password("postgresql://h/r?sslmode=require&password=x"),
            "postgresql://h/r?sslmode=require");
  EXPECT_EQ(without_password("postgresql:///r"), "postgresql:///r");
  EXPECT_EQ(shown_location("postgres://u:x@h/r"), "postgres://u@h/r");
  EXPECT_EQ(shown_location("/data/u:x@h.db"), "/data/u:x@h.db");  // a file: as it is
}

}  // namespace
}  // namespace recoupe::store
