// AnswerCache (server/answer_cache.h): answers kept by key and store state, with their ETag,
// within a byte budget; and the server's reads, which use it, against a store that another
// writer changes (as `recoupe ingest` in another process does).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "engine/live_stories.h"
#include "ingest/reader.h"
#include "ingest_test_util.h"
#include "server/answer_cache.h"
#include "server/http_reply.h"
#include "server/server.h"
#include "shipped_resources.h"
#include "store/store.h"

namespace recoupe::server {
namespace {

TEST(AnswerCache, GivesBackAnAnswerOnlyForTheStateItWasMadeFrom) {
  AnswerCache cache(1 << 20);
  EXPECT_FALSE(cache.find("story:s1", 1));
  AnswerCache::Answer kept = cache.put("story:s1", 1, "{\"v\": 1}\n");
  EXPECT_EQ(*kept.body, "{\"v\": 1}\n");
  EXPECT_EQ(kept.etag, etag_of("{\"v\": 1}\n"));
  auto hit = cache.find("story:s1", 1);
  ASSERT_TRUE(hit);
  EXPECT_EQ(*hit->body, "{\"v\": 1}\n");
  EXPECT_EQ(hit->etag, kept.etag);
  EXPECT_FALSE(cache.find("story:s1", 2));  // the story changed since
  EXPECT_FALSE(cache.find("story:s2", 1));

  cache.put("story:s1", 2, "{\"v\": 2}\n");  // replaces the older answer
  EXPECT_FALSE(cache.find("story:s1", 1));
  ASSERT_TRUE(cache.find("story:s1", 2));
  EXPECT_EQ(*cache.find("story:s1", 2)->body, "{\"v\": 2}\n");
  EXPECT_EQ(cache.bytes(), std::string("story:s1").size() + std::string("{\"v\": 2}\n").size());
}

TEST(AnswerCache, DropsTheLeastRecentlyUsedPastItsBudget) {
  const std::string body(100, 'x');
  const size_t one = std::string("k1").size() + body.size();
  AnswerCache cache(3 * one);
  cache.put("k1", 1, body);
  cache.put("k2", 1, body);
  cache.put("k3", 1, body);
  EXPECT_TRUE(cache.find("k1", 1));  // k1 is now the most recently used; k2 the least
  cache.put("k4", 1, body);
  EXPECT_FALSE(cache.find("k2", 1));
  EXPECT_TRUE(cache.find("k1", 1));
  EXPECT_TRUE(cache.find("k3", 1));
  EXPECT_TRUE(cache.find("k4", 1));
  EXPECT_EQ(cache.bytes(), 3 * one);

  // An answer bigger than the whole budget is given back but not kept, and keeps the rest.
  AnswerCache::Answer big = cache.put("big", 1, std::string(4 * one, 'y'));
  EXPECT_EQ(big.body->size(), 4 * one);
  EXPECT_FALSE(cache.find("big", 1));
  EXPECT_TRUE(cache.find("k4", 1));
}

TEST(AnswerCache, ReadersThatMissTogetherMakeTheAnswerOnce) {
  AnswerCache cache(1 << 20);
  std::atomic<int> made{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 8; ++t)
    readers.emplace_back([&] {
      if (cache.find("list", 7)) return;
      auto making = cache.maker_lock("list");
      if (cache.find("list", 7)) return;
      ++made;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a slow listing
      cache.put("list", 7, "{}");
    });
  for (auto& r : readers) r.join();
  EXPECT_EQ(made, 1);
  EXPECT_TRUE(cache.find("list", 7));
}

TEST(AnswerCache, AnAnswerHandedOutOutlivesItsEviction) {
  AnswerCache cache(10);
  AnswerCache::Answer first = cache.put("a", 1, "12345678");
  cache.put("b", 1, "12345678");  // evicts "a"
  EXPECT_FALSE(cache.find("a", 1));
  EXPECT_EQ(*first.body, "12345678");  // a request still sending it is not cut short
}

// One article record in the format `recoupe ingest` reads.
engine::IngestBatch one_record(const std::string& id, const std::string& title,
                               const std::string& text) {
  engine::IngestBatch batch;
  const std::string line = nlohmann::json{{"id", id},       {"source", "Le Quotidien du Port"},
                                          {"lang", "fr"},   {"published", "2026-11-30T08:00:00Z"},
                                          {"title", title}, {"text", text}}
                               .dump();
  auto doc = ingest::parse_jsonl_record(line, "test:1", {});
  EXPECT_TRUE(doc);
  batch.documents.push_back(std::move(*doc));
  return batch;
}

TEST(ServerAnswers, ReadsFollowAnotherWritersBatchesDespiteTheAnswersKept) {
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "cache.db").string();
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  ServerOptions options;
  options.db_path = db;
  options.port = 0;
  auto server = Server::open(pipeline, options);
  ASSERT_TRUE(server) << server.error().to_string();
  ASSERT_TRUE((*server)->ingest(engine::read_batch({RECOUPE_EXAMPLES_DIR "/vostochny"}, pipeline)));
  (*server)->wait_checked();  // the seeds' story: stored (version 1), then checked (2)
  auto port = (*server)->bind();
  ASSERT_TRUE(port);
  std::thread serving([&] { (*server)->run(); });
  httplib::Client client("127.0.0.1", *port);
  client.set_read_timeout(60, 0);
  for (int i = 0; i < 200 && !client.Get("/healthz"); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  auto stories = [&] { return nlohmann::json::parse(client.Get("/api/stories")->body)["stories"]; };
  ASSERT_EQ(stories().size(), 1u);
  ASSERT_EQ(stories().size(), 1u);  // asked twice: the second answer is the kept one

  // Another writer on the same file adds a story, then revises its article.
  auto other = store::Store::open(db, store::OpenMode::kReadWrite);
  ASSERT_TRUE(other);
  auto writer = engine::LiveStories::open(pipeline, *other);
  ASSERT_TRUE(writer);
  const std::string text =
      "Le ferry Kalliste est resté à quai lundi à Marseille après une avarie de moteur, a "
      "indiqué la compagnie. Les 412 passagers ont été relogés.";
  auto added = writer->ingest(one_record("cache-1", "Un ferry immobilisé à Marseille", text));
  ASSERT_TRUE(added) << added.error().to_string();
  ASSERT_EQ(added->created.size(), 1u);
  const std::string id = added->created[0];
  ASSERT_EQ(stories().size(), 2u);
  // Each listing is kept under its own parameters: a filter is never answered with another's.
  auto count = [&](const std::string& query) {
    return nlohmann::json::parse(client.Get("/api/stories?" + query)->body)["stories"].size();
  };
  for (int twice = 0; twice < 2; ++twice) {
    EXPECT_EQ(count("q=ferry"), 1u);
    EXPECT_EQ(count("q=ferry&limit="), 1u);  // an empty value is no parameter
    EXPECT_EQ(count("q=nowhere"), 0u);
    EXPECT_EQ(count("limit=1"), 1u);
    EXPECT_EQ(count("lang=fr"), 2u);
  }

  auto first = client.Get("/api/stories/" + id);
  ASSERT_EQ(first->status, 200);
  ASSERT_EQ(client.Get("/api/stories/" + id)->body, first->body);
  std::string edited = text;
  edited.replace(edited.find("412"), 3, "413");
  auto revised = writer->ingest(one_record("cache-1", "Un ferry immobilisé à Marseille", edited));
  ASSERT_TRUE(revised) << revised.error().to_string();
  ASSERT_EQ(revised->counts.revised, 1);

  auto second = client.Get("/api/stories/" + id);
  ASSERT_EQ(second->status, 200);
  EXPECT_NE(second->body, first->body);
  EXPECT_NE(second->get_header_value("ETag"), first->get_header_value("ETag"));
  auto stored = other->story(id);
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->summary.version, 2);
  EXPECT_EQ(second->body, (*stored)->report_json);
  EXPECT_EQ(stories()[0]["version"].get<int>() + stories()[1]["version"].get<int>(), 4);

  (*server)->stop();
  serving.join();
}

}  // namespace
}  // namespace recoupe::server
