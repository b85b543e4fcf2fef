// Group commit (server/group_commit.h, server/shared_batch.h): batches that arrive while
// another is being stored are stored together as one batch, each caller answered with its
// own part; over a real LiveStories, and POSTs to a real server on loopback.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <thread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "article_record.h"
#include "engine/config.h"
#include "engine/live_stories.h"
#include "ingest_test_util.h"
#include "server/group_commit.h"
#include "server/http_server.h"
#include "server/post_body.h"
#include "server/server.h"
#include "server/shared_batch.h"
#include "shipped_resources.h"
#include "store/store.h"

namespace recoupe::server {
namespace {

using engine::DocumentOutcome;
using engine::IngestBatch;
using engine::IngestSummary;

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";
const std::string kDevSet =
    std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering/rpm2-fr-dev.jsonl";
const std::string kToken = "group-token";

using recoupe::testing::article_record;

// Unrelated events, one story each.
const std::string kFerry = article_record(
    "group-ferry", "Un ferry immobilisé à Marseille après une avarie",
    "Le ferry Kalliste est resté à quai lundi à Marseille après une avarie de moteur, a "
    "indiqué la compagnie. Les 412 passagers ont été relogés. La réparation doit durer "
    "trois jours selon l'armateur, qui promet un remboursement.");
const std::string kBridge = article_record(
    "group-bridge", "Le pont de Tancarville fermé pour une inspection",
    "Le pont de Tancarville sera fermé à la circulation mardi pendant six heures pour une "
    "inspection de ses câbles, a annoncé la direction des routes. Une déviation par le "
    "pont de Normandie est prévue pour les poids lourds.");
const std::string kHarvest = article_record(
    "group-harvest", "Vendanges précoces dans le Bordelais",
    "Les vendanges ont commencé avec dix jours d'avance dans le Bordelais, selon la "
    "chambre d'agriculture de la Gironde. La chaleur de l'été a mûri les raisins plus "
    "tôt que prévu et les volumes attendus sont en baisse de 8 %.");

IngestBatch body(const std::string& text) { return read_post_body(text, engine::Config{}.ingest); }

bool wait_until(const std::function<bool()>& done) {
  for (int i = 0; i < 2000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

TEST(SharedBatchTest, EachRequestGetsItsOwnCountsAndStoriesAndTheUnclaimedOnesToo) {
  std::vector<IngestBatch> requests(3);
  requests[0].documents.resize(2);
  requests[1].documents.resize(1);
  requests[1].refused.push_back({"request:2", "not JSON"});
  requests[2].documents.resize(1);
  SharedBatch shared = merge_batches(std::move(requests));
  EXPECT_EQ(shared.batch.documents.size(), 4u);
  EXPECT_TRUE(shared.batch.refused.empty());  // kept aside, per request

  using Kind = DocumentOutcome::Kind;
  IngestSummary whole;
  whole.documents = {{Kind::kAdded, "s-new", {}, {{"request:1", "markup removed"}}},
                     {Kind::kRevised, "s-old", {}, {}},
                     {Kind::kUnchanged, "", {}, {}},
                     {Kind::kRefused, "", Error{"request:1", "no article text"}, {}}};
  whole.created = {"s-new"};
  whole.updated = {"s-old", "s-rest"};  // s-rest: left by a split, holds none of them
  whole.merged = {{"s-gone", "s-old"}, {"s-away", "s-rest"}};
  whole.committed = 7;
  std::vector<IngestSummary> parts = split_summary(whole, shared);
  ASSERT_EQ(parts.size(), 3u);

  EXPECT_EQ(parts[0].counts.added, 1);
  EXPECT_EQ(parts[0].counts.revised, 1);
  EXPECT_EQ(parts[0].created, std::vector<std::string>{"s-new"});
  EXPECT_EQ(parts[0].updated, (std::vector<std::string>{"s-old", "s-rest"}));
  ASSERT_EQ(parts[0].merged.size(), 2u);
  EXPECT_EQ(parts[0].counts.stories_touched, 3);
  ASSERT_EQ(parts[0].warnings.size(), 1u);
  EXPECT_EQ(parts[0].documents.size(), 2u);

  EXPECT_EQ(parts[1].counts.unchanged, 1);
  EXPECT_EQ(parts[1].counts.refused, 1);  // its unreadable line
  EXPECT_EQ(parts[1].refused.front().message, "not JSON");
  EXPECT_TRUE(parts[1].created.empty());
  EXPECT_EQ(parts[1].updated, std::vector<std::string>{"s-rest"});  // in every part
  ASSERT_EQ(parts[1].merged.size(), 1u);
  EXPECT_EQ(parts[1].merged.front().old_id, "s-away");

  EXPECT_EQ(parts[2].counts.refused, 1);
  EXPECT_EQ(parts[2].refused.front().message, "no article text");
  EXPECT_EQ(parts[2].committed, 7);
}

class GroupCommitTest : public ::testing::Test {
 protected:
  recoupe::testing::TempDir dir_;
  engine::Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
};

// The first batch holds the writer until three more wait; those three are then stored as
// one batch (one transaction), each answered with its own articles.
TEST_F(GroupCommitTest, BatchesWaitingForTheWriterAreStoredTogether) {
  auto store = store::Store::open((dir_.path() / "group.db").string(), store::OpenMode::kReadWrite);
  ASSERT_TRUE(store) << store.error().to_string();
  auto live = engine::LiveStories::open(pipeline_, *store);
  ASSERT_TRUE(live);
  ASSERT_TRUE(live->ingest(engine::read_batch({kSeeds}, pipeline_)));
  const int64_t before = *store->generation();

  std::atomic<int> writes{0};
  std::vector<size_t> documents_written;
  GroupCommit* commits_ptr = nullptr;
  GroupCommit commits({.max_documents = 100, .max_bytes = 1 << 20}, [&](IngestBatch batch) {
    if (writes++ == 0) EXPECT_TRUE(wait_until([&] { return commits_ptr->waiting() == 3; }));
    documents_written.push_back(batch.documents.size());
    return live->ingest(std::move(batch));
  });
  commits_ptr = &commits;

  std::vector<Expected<IngestSummary>> answers(4, Error{"", "not answered"});
  std::vector<std::thread> posts;
  const std::vector<std::string> bodies = {
      kFerry, kBridge + "\n{not json\n",
      // An article of its own and the first batch's again (unchanged by then).
      kHarvest + "\n" + kFerry};
  for (size_t k = 0; k < 3; ++k) {
    posts.emplace_back([&, k] { answers[k] = commits.ingest(body(bodies[k])); });
    // In order: the first holds the writer, the next ones queue behind it.
    if (k == 0)
      ASSERT_TRUE(wait_until([&] { return writes == 1; }));
    else
      ASSERT_TRUE(wait_until([&] { return commits.waiting() == k; }));
  }
  posts.emplace_back([&] { answers[3] = commits.ingest(body(kFerry)); });  // the same again
  for (auto& t : posts) t.join();

  EXPECT_EQ(writes, 2);
  EXPECT_EQ(documents_written, (std::vector<size_t>{1, 4}));
  EXPECT_EQ(*store->generation(), before + 2);  // two transactions for four batches
  for (const auto& a : answers) ASSERT_TRUE(a) << a.error().to_string();

  const IngestSummary& ferry = *answers[0];
  EXPECT_EQ(ferry.counts.added, 1);
  ASSERT_EQ(ferry.created.size(), 1u);
  const IngestSummary& bridge = *answers[1];
  EXPECT_EQ(bridge.counts.added, 1);
  EXPECT_EQ(bridge.counts.refused, 1);  // its line that is not JSON
  ASSERT_EQ(bridge.created.size(), 1u);
  EXPECT_EQ(bridge.documents.front().story, bridge.created.front());
  const IngestSummary& harvest = *answers[2];
  EXPECT_EQ(harvest.counts.added, 1);
  EXPECT_EQ(harvest.counts.unchanged, 1);
  ASSERT_EQ(harvest.created.size(), 1u);
  EXPECT_NE(harvest.created, bridge.created);
  EXPECT_EQ(harvest.documents.front().story, harvest.created.front());
  const IngestSummary& again = *answers[3];
  EXPECT_EQ(again.counts.unchanged, 1);
  EXPECT_TRUE(again.created.empty());
  EXPECT_TRUE(again.updated.empty());
  EXPECT_EQ(bridge.committed, again.committed);  // one shared transaction
  EXPECT_TRUE(live->knows("group-bridge"));
  EXPECT_TRUE(live->knows("group-harvest"));
}

// POSTs sent while a large one is being stored are all stored, each answered 200 with its
// own article and story, in fewer batches than POSTs.
TEST(ServerGroupCommitTest, ConcurrentPostsAreStoredTogetherEachAnsweredWithItsOwnArticle) {
  recoupe::testing::TempDir dir;
  engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  ServerOptions options;
  options.db_path = (dir.path() / "serve.db").string();
  options.port = 0;
  options.token = kToken;
  auto opened = Server::open(pipeline, options);
  ASSERT_TRUE(opened) << opened.error().to_string();
  std::unique_ptr<Server> server = std::move(*opened);
  auto port = server->bind();
  ASSERT_TRUE(port);
  std::thread serving([&] { server->run(); });
  auto client = [&] {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", *port);
    c->set_read_timeout(120, 0);
    return c;
  };
  const httplib::Headers auth = {{"Authorization", "Bearer " + kToken}};

  std::string large;  // a batch that keeps the writer busy for a while
  {
    std::ifstream in(kDevSet);
    std::string line;
    while (std::getline(in, line)) large += line + "\n";  // 200 articles
  }
  std::thread first([&] {
    auto r = client()->Post("/api/articles", auth, large, "application/x-ndjson");
    EXPECT_TRUE(r && r->status == 200);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // sent and being stored
  const std::vector<std::string> bodies = {kFerry, kBridge, kHarvest};
  std::vector<nlohmann::json> answers(bodies.size());
  std::vector<std::thread> posts;
  for (size_t k = 0; k < bodies.size(); ++k)
    posts.emplace_back([&, k] {
      auto r = client()->Post("/api/articles", auth, bodies[k], "application/x-ndjson");
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << r->body;
      answers[k] = nlohmann::json::parse(r->body);
    });
  for (auto& t : posts) t.join();
  first.join();

  for (size_t k = 0; k < bodies.size(); ++k) {
    const std::string id = nlohmann::json::parse(bodies[k])["id"];
    EXPECT_EQ(answers[k]["added"], 1) << answers[k];
    EXPECT_EQ(answers[k]["created"].size() + answers[k]["updated"].size(), 1u) << answers[k];
    auto stored = client()->Get("/api/articles/" + id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->status, 200) << id;
  }
  auto metrics = client()->Get("/metrics");
  ASSERT_TRUE(metrics);
  // Fewer batches than POSTs: the small ones, sent together while the large one was being
  // stored, were stored together (2 batches; at worst, had the large one already been
  // stored, the first small one alone and the other two together).
  const std::string series = "recoupe_ingest_batches_total ";
  const size_t at = metrics->body.find("\n" + series);
  ASSERT_NE(at, std::string::npos) << metrics->body;
  const int batches = std::stoi(metrics->body.substr(at + 1 + series.size()));
  EXPECT_GE(batches, 2);
  EXPECT_LT(batches, 4);
  server->stop();
  serving.join();
}

int thread_nice() { return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid))); }

// ServeConfig::request_thread_nice: the request threads yield to the threads that made the
// server (the writer among them), which keep their priority.
TEST(HttpServerPriorityTest, RequestThreadsRunNicerThanTheThreadThatMadeTheServer) {
  const int base = thread_nice();
  ConnectionLimits limits;
  limits.threads = 2;
  limits.request_thread_nice = 4;
  HttpServer http(limits);
  http.Get("/nice", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::to_string(thread_nice()), "text/plain");
  });
  const int port = http.bind("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  std::thread serving([&] { http.listen_after_bind(); });
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/nice");
  ASSERT_TRUE(r);
  EXPECT_EQ(std::stoi(r->body), std::min(19, base + 4));
  EXPECT_EQ(thread_nice(), base);
  http.stop_listening();
  serving.join();
}

}  // namespace
}  // namespace recoupe::server
