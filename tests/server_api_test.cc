// The HTTP API of `recoupe serve` (server/server.h, docs/api.md), served for real on a free
// loopback port and asked by cpp-httplib's client: reads, filters and paging, ETags,
// writes with and without the token, and hostile requests that must leave it up; over both
// stores (an SQLite file, a PostgreSQL database: the server is the same).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "article_record.h"
#include "engine/live_stories.h"
#include "ingest_test_util.h"
#include "server/post_body.h"
#include "server/server.h"
#include "shipped_resources.h"
#include "store/store.h"
#include "store_backends.h"

namespace recoupe::server {
namespace {

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";
const std::string kToken = "s3cret-token";

using recoupe::testing::article_record;

// An article that has nothing to do with the seeds (a rocket launch): a story of its own.
const std::string kNewArticle = article_record(
    "api-test-1", "Un ferry immobilisé à Marseille après une avarie",
    "Le ferry Kalliste est resté à quai lundi à Marseille après une avarie de moteur, a "
    "indiqué la compagnie. Les 412 passagers ont été relogés. La réparation doit durer "
    "trois jours selon l'armateur, qui promet un remboursement.");

nlohmann::json parse(const std::string& body) {
  return nlohmann::json::parse(body, nullptr, false);
}

class ServerApiTest : public ::testing::TestWithParam<recoupe::testing::StoreKind> {
 protected:
  void SetUp() override {
    REQUIRE_STORE(GetParam());
    location_ = recoupe::testing::fresh_store(GetParam(), dir_, "api.db");
    ServerOptions options;
    options.db_path = location_;
    options.port = 0;
    options.token = kToken;
    options.max_body_bytes = 1 << 20;
    options.event_heartbeat_seconds = 1;
    auto opened = Server::open(pipeline_, options);
    ASSERT_TRUE(opened) << opened.error().to_string();
    server_ = std::move(*opened);
    auto seeds = server_->ingest(engine::read_batch({kSeeds}, pipeline_));
    ASSERT_TRUE(seeds) << seeds.error().to_string();
    ASSERT_EQ(seeds->counts.added, 5);
    server_->wait_checked();
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().to_string();
    thread_ = std::thread([this] { server_->run(); });
    port_ = *port;
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
    client_->set_read_timeout(60, 0);
    for (int i = 0; i < 200 && !client_->Get("/healthz"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  // The only story id of the seeds.
  std::string seeds_story() {
    auto r = client_->Get("/api/stories");
    EXPECT_TRUE(r);
    auto doc = parse(r->body);
    EXPECT_EQ(doc["stories"].size(), 1u) << r->body;
    return doc["stories"][0]["id"];
  }

  httplib::Result post(const std::string& body, const std::string& token = kToken) {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client_->Post("/api/articles", headers, body, "application/x-ndjson");
  }

  recoupe::testing::TempDir dir_;
  std::string location_;  // the store: a file of dir_ or a PostgreSQL URL
  engine::Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_P(ServerApiTest, HealthzAnswersOk) {
  auto r = client_->Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(parse(r->body)["status"], "ok");
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
}

TEST_P(ServerApiTest, TheSeedsStoryIsListedAndFetchedAsTheStoreHasIt) {
  const std::string id = seeds_story();
  EXPECT_EQ(id, "se2f9f11faca7");
  auto listed = parse(client_->Get("/api/stories")->body);
  EXPECT_EQ(listed["stories"][0]["articles"].size(), 5u);
  EXPECT_TRUE(listed["next_cursor"].is_null());

  auto r = client_->Get("/api/stories/" + id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto db = store::Store::open(location_, store::OpenMode::kReadOnly);
  ASSERT_TRUE(db);
  auto stored = db->story(id);
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ(r->body, (*stored)->report_json);  // what `recoupe story ID --format json` prints
  EXPECT_EQ(parse(r->body)["stories"][0]["id"], id);

  const std::string article = listed["stories"][0]["articles"][0];
  auto a = client_->Get("/api/articles/" + article);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 200);
  auto doc = parse(a->body);
  EXPECT_EQ(doc["id"], article);
  EXPECT_EQ(doc["story"], id);
  ASSERT_EQ(doc["revisions"].size(), 1u);
  EXPECT_EQ(doc["revisions"][0]["revision"], 1);
  EXPECT_FALSE(doc["article"]["text"].get<std::string>().empty());
}

TEST_P(ServerApiTest, FiltersNarrowTheListAndBadParametersAre400) {
  auto ids = [&](const std::string& query) {
    auto r = client_->Get("/api/stories?" + query);
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << query << " " << r->body;
    return parse(r->body)["stories"].size();
  };
  EXPECT_EQ(ids("q=Vostotchny"), 1u);
  EXPECT_EQ(ids("q=Zanzibar"), 0u);
  EXPECT_EQ(ids("lang=fr"), 1u);
  EXPECT_EQ(ids("lang=de"), 0u);
  EXPECT_EQ(ids("until=1999-01-01"), 0u);
  for (const char* bad : {"since=yesterday", "limit=0", "limit=abc", "cursor=xyz", "sort=id"}) {
    auto r = client_->Get(std::string("/api/stories?") + bad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(parse(r->body)["error"].is_string()) << bad << " " << r->body;
  }
}

TEST_P(ServerApiTest, UnknownIdsAndPathsAreJson404AndWrongMethods405) {
  for (const char* path : {"/api/stories/s000000000000", "/api/articles/nope", "/nope", "/api"}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_TRUE(parse(r->body)["error"].is_string()) << path << " " << r->body;
  }
  auto r = client_->Delete("/api/stories");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
  r = client_->Get("/api/articles");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
}

TEST_P(ServerApiTest, WritesNeedTheToken) {
  auto r = post(kNewArticle, "");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_TRUE(parse(r->body)["error"].is_string());
  r = post(kNewArticle, "wrong");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = post(kNewArticle, kToken + "x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(parse(client_->Get("/api/stories")->body)["stories"].size(), 1u);  // nothing stored
}

TEST_P(ServerApiTest, APostedArticleShowsUpInTheStories) {
  auto r = post(kNewArticle);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto summary = parse(r->body);
  EXPECT_EQ(summary["added"], 1);
  ASSERT_EQ(summary["created"].size(), 1u) << r->body;
  const std::string created = summary["created"][0];

  auto listed = parse(client_->Get("/api/stories")->body);
  ASSERT_EQ(listed["stories"].size(), 2u);
  EXPECT_EQ(parse(client_->Get("/api/stories?q=ferry")->body)["stories"][0]["id"], created);
  EXPECT_EQ(parse(client_->Get("/api/stories/" + created)->body)["articles"][0]["id"],
            "api-test-1");

  // The same record again changes nothing; a new text is a revision.
  EXPECT_EQ(parse(post(kNewArticle)->body)["unchanged"], 1);
  std::string edited = kNewArticle;
  edited.replace(edited.find("412"), 3, "413");
  EXPECT_EQ(parse(post(edited)->body)["revised"], 1);
  EXPECT_EQ(parse(client_->Get("/api/articles/api-test-1")->body)["revisions"].size(), 2u);
}

TEST_P(ServerApiTest, PagingWalksEveryStoryOnce) {
  // Three unrelated texts, so three more stories.
  const std::string batch =
      article_record(
          "page-1", "Un incendie ravage un entrepôt de Lyon",
          "Un incendie a détruit dans la nuit un entrepôt de meubles à Lyon. Aucun blessé.") +
      "\n" +
      article_record(
          "page-2", "La récolte de lavande recule en Provence",
          "Les producteurs de lavande annoncent une récolte réduite de moitié cette année.") +
      "\n" +
      article_record(
          "page-3", "Record de fréquentation au musée d'Orsay",
          "Le musée d'Orsay a accueilli un nombre record de visiteurs au mois d'octobre.") +
      "\n";
  auto r = post(batch);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  ASSERT_EQ(parse(r->body)["added"], 3);
  const size_t total = parse(client_->Get("/api/stories")->body)["stories"].size();
  ASSERT_GE(total, 3u);

  std::vector<std::string> walked;
  std::string url = "/api/stories?limit=1";
  for (int guard = 0; guard < 10; ++guard) {
    auto page = parse(client_->Get(url)->body);
    ASSERT_LE(page["stories"].size(), 1u);
    for (const auto& s : page["stories"]) walked.push_back(s["id"]);
    if (page["next_cursor"].is_null()) break;
    url = "/api/stories?limit=1&cursor=" + page["next_cursor"].get<std::string>();
  }
  std::vector<std::string> all;
  const auto listed = parse(client_->Get("/api/stories")->body);
  for (const auto& s : listed["stories"]) all.push_back(s["id"]);
  EXPECT_EQ(all.size(), total);
  EXPECT_EQ(walked, all);
}

TEST_P(ServerApiTest, BadBodiesAre400AndTheServerStaysUp) {
  for (const std::string& body : {std::string("{not json"), std::string("[1, 2]"), std::string(""),
                                  std::string("{\"id\": \"x\"}"), std::string(100000, '[')}) {
    auto r = post(body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << body.substr(0, 20);
    EXPECT_TRUE(parse(r->body)["error"].is_string()) << r->body;
  }
  // A batch with one good and one bad line stores the good one and names the bad one.
  auto r = post("{broken\n" + kNewArticle + "\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto summary = parse(r->body);
  EXPECT_EQ(summary["added"], 1);
  EXPECT_EQ(summary["refused"], 1);
  EXPECT_EQ(summary["errors"][0]["where"], "request:1");
  EXPECT_EQ(client_->Get("/healthz")->status, 200);
}

TEST_P(ServerApiTest, ABodyOverTheLimitIs413) {
  auto r = post(std::string(2 << 20, ' '));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(parse(r->body)["error"].is_string()) << r->body;
  EXPECT_EQ(client_->Get("/healthz")->status, 200);
}

TEST_P(ServerApiTest, ETagRoundTripGives304UntilTheContentChanges) {
  const std::string id = seeds_story();
  for (const std::string& path : {"/api/stories/" + id, std::string("/api/stories")}) {
    auto first = client_->Get(path);
    ASSERT_TRUE(first);
    const std::string etag = first->get_header_value("ETag");
    ASSERT_FALSE(etag.empty()) << path;
    auto again = client_->Get(path, {{"If-None-Match", etag}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304) << path;
    EXPECT_TRUE(again->body.empty());
    auto other = client_->Get(path, {{"If-None-Match", "\"0000\""}});
    EXPECT_EQ(other->status, 200) << path;
  }
  const std::string list_etag = client_->Get("/api/stories")->get_header_value("ETag");
  ASSERT_EQ(post(kNewArticle)->status, 200);
  EXPECT_EQ(client_->Get("/api/stories", {{"If-None-Match", list_etag}})->status, 200);
}

TEST_P(ServerApiTest, MetricsCountArticlesBatchesAndRequests) {
  auto has = [](const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos;
  };
  auto r = client_->Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4");
  EXPECT_TRUE(has(r->body, "recoupe_articles 5")) << r->body;
  EXPECT_TRUE(has(r->body, "recoupe_stories 1")) << r->body;
  EXPECT_TRUE(has(r->body, "recoupe_ingest_batches_total 1")) << r->body;
  EXPECT_TRUE(has(r->body, "# TYPE recoupe_http_requests_total counter")) << r->body;
  ASSERT_EQ(post(kNewArticle)->status, 200);
  ASSERT_EQ(client_->Get("/api/stories/nope")->status, 404);
  // A request is counted once its answer is written, so just after the client has read it.
  std::string after;
  for (int i = 0; i < 200; ++i) {
    after = client_->Get("/metrics")->body;
    if (has(after, "recoupe_http_requests_total{status=\"404\"} 1")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(has(after, "recoupe_articles 6")) << after;
  EXPECT_TRUE(has(after, "recoupe_ingest_batches_total 2")) << after;
  EXPECT_TRUE(has(after, "recoupe_ingest_articles_total{outcome=\"added\"} 6")) << after;
  // Where the batches' time went: the cross-check of two batches took some time.
  const size_t cross = after.find("recoupe_ingest_seconds_total{step=\"cross_check\"} ");
  ASSERT_NE(cross, std::string::npos) << after;
  EXPECT_GT(std::stod(after.substr(cross + 49)), 0.0) << after;
  EXPECT_TRUE(has(after, "recoupe_http_requests_total{status=\"404\"} 1")) << after;
}

// Reads GET `path` as a stream until `wanted` is in it or 20 s have passed; `subscribed`
// turns true with the first bytes.
std::string read_events(int port, const std::string& path, const httplib::Headers& headers,
                        const std::string& wanted, std::atomic<bool>& subscribed) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(30, 0);
  std::string received;
  const auto start = std::chrono::steady_clock::now();
  c.Get(path, headers, [&](const char* data, size_t n) {
    received.append(data, n);
    subscribed = true;
    return received.find(wanted) == std::string::npos &&
           std::chrono::steady_clock::now() - start < std::chrono::seconds(20);
  });
  return received;
}

// Two steps: a POST is answered once its article is stored, its new story is told
// unchecked (listed with the article, checked: false), then told again once cross-checked.
// A client back with Last-Event-ID gets what it missed.
TEST_P(ServerApiTest, EventsTellAStoryStoredThenCrossCheckedAndAReconnectGetsWhatItMissed) {
  std::atomic<bool> subscribed{false};
  std::string received;
  std::thread reader(
      [&] { received = read_events(port_, "/api/events", {}, "\"checked\":true,", subscribed); });
  for (int i = 0; i < 1000 && !subscribed; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(subscribed);
  auto r = post(kNewArticle);
  ASSERT_EQ(r->status, 200);
  const std::string created = parse(r->body)["created"][0];
  reader.join();
  const size_t stored = received.find("event: story.created\ndata: {\"id\":\"" + created +
                                      "\",\"checked\":false}\n\n");
  const size_t checked = received.find("event: story.updated\ndata: {\"id\":\"" + created +
                                       "\",\"checked\":true,\"through\":");
  ASSERT_NE(stored, std::string::npos) << received;
  ASSERT_NE(checked, std::string::npos) << received;
  EXPECT_LT(stored, checked);
  // The check says which events its report covers: the stored one's and those before.
  const size_t stored_id = received.rfind("id: ", stored);
  const size_t through = received.find("\"through\":", checked);
  ASSERT_NE(stored_id, std::string::npos);
  EXPECT_GE(std::stoll(received.substr(through + 10)), std::stoll(received.substr(stored_id + 4)))
      << received;
  // The seeds' batch came before the subscription: not sent to it.
  EXPECT_EQ(received.find("se2f9f11faca7"), std::string::npos) << received;
  auto story = client_->Get("/api/stories/" + created);
  ASSERT_EQ(story->status, 200);
  EXPECT_EQ(story->get_header_value("Recoupe-Checked"), "true");
  EXPECT_TRUE(parse(story->body)["stories"][0].contains("summary")) << story->body;

  // A client back with Last-Event-ID: 0 gets every kept event, the seeds' story first.
  std::atomic<bool> again{false};
  std::string replay = read_events(port_, "/events", {{"Last-Event-ID", "0"}}, created, again);
  const size_t seeds = replay.find(
      "id: 1\nevent: story.created\ndata: {\"id\":\"se2f9f11faca7\",\"checked\":false}");
  ASSERT_NE(seeds, std::string::npos) << replay;
  EXPECT_LT(seeds, replay.find(created));
  EXPECT_EQ(client_->Get("/api/events", {{"Last-Event-ID", "x"}})->status, 400);
}

// POST ?wait=checked is answered once the stories it touched are cross-checked: a read
// right after sees the article in its story's report.
TEST_P(ServerApiTest, APostThatWaitsForTheCrossCheckIsReadInItsStorysReport) {
  httplib::Headers headers{{"Authorization", "Bearer " + kToken}};
  auto r =
      client_->Post("/api/articles?wait=checked", headers, kNewArticle, "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const std::string created = parse(r->body)["created"][0];
  auto story = client_->Get("/api/stories/" + created);
  ASSERT_EQ(story->status, 200);
  EXPECT_EQ(story->get_header_value("Recoupe-Checked"), "true");
  auto report = parse(story->body)["stories"][0];
  EXPECT_TRUE(report.contains("summary")) << story->body;
  EXPECT_EQ(report["articles"], nlohmann::json::array({"api-test-1"}));
  auto listed = parse(client_->Get("/api/stories")->body)["stories"];
  for (const auto& s : listed) EXPECT_TRUE(s["checked"].get<bool>()) << s;
  auto bad = client_->Post("/api/articles?wait=soon", headers, kNewArticle, "application/x-ndjson");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
}

// The server tells its own batch's events from the stories its summary names (not from a
// read of every story): a revision is one story.updated, with the story's id.
TEST_P(ServerApiTest, ARevisionPostedIsStreamedAsItsStorysUpdate) {
  httplib::Headers auth{{"Authorization", "Bearer " + kToken}};
  // Checked before the subscription: its own check is not the update seen below.
  auto r = client_->Post("/api/articles?wait=checked", auth, kNewArticle, "application/x-ndjson");
  ASSERT_EQ(r->status, 200);
  const std::string created = parse(r->body)["created"][0];
  std::atomic<bool> subscribed{false};
  std::string received;
  std::thread reader([&] {
    received = read_events(port_, "/api/events", {}, "event: story.updated", subscribed);
  });
  for (int i = 0; i < 1000 && !subscribed; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(subscribed);
  auto revised =
      post(article_record("api-test-1", "Un ferry immobilisé à Marseille après une avarie",
                          "Le ferry Kalliste est resté à quai lundi à Marseille après une "
                          "avarie de moteur. Les 412 passagers ont été relogés à l'hôtel."));
  ASSERT_EQ(revised->status, 200) << revised->body;
  EXPECT_EQ(parse(revised->body)["revised"], 1);
  reader.join();
  EXPECT_NE(received.find("event: story.updated\ndata: {\"id\":\"" + created +
                          "\",\"checked\":false}\n\n"),
            std::string::npos)
      << received;
  EXPECT_EQ(received.find("story.created"), std::string::npos) << received;
}

TEST_P(ServerApiTest, StoriesAnotherProcessIngestsAreStreamedAndTheServerStillWrites) {
  std::atomic<bool> subscribed{false};
  std::string received;
  std::thread reader([&] {
    received = read_events(port_, "/api/events", {}, "event: story.created", subscribed);
  });
  for (int i = 0; i < 1000 && !subscribed; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(subscribed);
  // Another writer on the same store, as `recoupe ingest` in another process (or on another
  // machine, with PostgreSQL) is.
  std::string created;
  {
    auto other = store::Store::open(location_, store::OpenMode::kReadWrite);
    ASSERT_TRUE(other) << other.error().to_string();
    auto live = engine::LiveStories::open(pipeline_, *other);
    ASSERT_TRUE(live) << live.error().to_string();
    auto done = live->ingest(read_post_body(kNewArticle, pipeline_.config().ingest));
    ASSERT_TRUE(done) << done.error().to_string();
    ASSERT_EQ(done->created.size(), 1u);
    created = done->created[0];
  }
  reader.join();  // read_events stops at the first story.created (or times out)
  // `recoupe ingest` checks in its batch: the story comes checked.
  EXPECT_NE(
      received.find("event: story.created\ndata: {\"id\":\"" + created + "\",\"checked\":true}"),
      std::string::npos)
      << received;
  // The server's own grouper caught up: its next batch is stored beside the other's.
  auto r = post(article_record("api-test-2", "Le ferry Kalliste reprend la mer après sa réparation",
                               "Le ferry Kalliste a quitté Marseille jeudi après trois jours de "
                               "réparation de son moteur, a indiqué la compagnie."));
  ASSERT_EQ(r->status, 200) << r->body;
  auto listed = parse(client_->Get("/api/stories")->body);
  size_t articles = 0;
  for (const auto& story : listed["stories"]) articles += story["articles"].size();
  EXPECT_EQ(articles, 7u) << listed.dump();
}

INSTANTIATE_STORE_TEST_SUITE_P(ServerApiTest);

TEST(ServerOptions, ANonLoopbackAddressNeedsAToken) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.1.2.3"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_TRUE(is_loopback("localhost"));
  EXPECT_FALSE(is_loopback("0.0.0.0"));
  EXPECT_FALSE(is_loopback("::"));
  EXPECT_FALSE(is_loopback("192.168.1.10"));
  EXPECT_FALSE(is_loopback("example.org"));
  ServerOptions options;
  EXPECT_EQ(check_options(options), "");
  options.host = "0.0.0.0";
  EXPECT_NE(check_options(options).find("needs a token"), std::string::npos);
  options.token = "t";
  EXPECT_EQ(check_options(options), "");
}

}  // namespace
}  // namespace recoupe::server
