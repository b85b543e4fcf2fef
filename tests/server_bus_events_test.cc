// `recoupe serve --bus` relays the clusterer's story events (server/server.h): an event on
// the bus wakes the server's follower at once, so the story change reaches its event
// streams without waiting for the next periodic check of the store. A real three-node NATS
// cluster (bus_nats_cluster.h); the store is an SQLite file another writer commits to, as
// the clusterer commits to the shared store.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "bus/events.h"
#include "bus_nats_cluster.h"
#include "engine/article_log.h"
#include "engine/live_stories.h"
#include "ingest_test_util.h"
#include "server/post_body.h"
#include "server/server.h"
#include "shipped_resources.h"
#include "store/store.h"

namespace recoupe::server {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;

const std::string kArticle =
    nlohmann::json{{"id", "bus-events-1"},
                   {"url", "https://example.org/bus-events-1"},
                   {"source", "Le Quotidien du Port"},
                   {"lang", "fr"},
                   {"published", "2026-11-30T08:00:00Z"},
                   {"title", "Un ferry immobilisé à Marseille après une avarie"},
                   {"text",
                    "Le ferry Kalliste est resté à quai lundi à Marseille après une avarie de "
                    "moteur, a indiqué la compagnie. Les 412 passagers ont été relogés."}}
        .dump();

class ServerBusEventsTest : public NatsClusterTest {};

TEST_F(ServerBusEventsTest, AStoryEventOnTheBusReachesTheEventStreamsWithoutWaitingForAPoll) {
  engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  recoupe::testing::TempDir dir;
  const std::string db = (dir.path() / "shared.db").string();
  ServerOptions options;
  options.db_path = db;
  options.port = 0;
  options.bus = cluster->connection_config().servers;
  options.follow_interval_ms = 120000;  // the periodic check never comes within this test
  auto opened = Server::open(pipeline, options);
  ASSERT_TRUE(opened) << opened.error().to_string();
  std::unique_ptr<Server> server = std::move(*opened);
  auto port = server->bind();
  ASSERT_TRUE(port) << port.error().to_string();
  std::thread serving([&] { server->run(); });

  std::atomic<bool> subscribed{false};
  std::string received;
  std::thread reader([&] {
    httplib::Client c("127.0.0.1", *port);
    c.set_read_timeout(30, 0);
    const auto start = std::chrono::steady_clock::now();
    c.Get("/api/events", [&](const char* data, size_t n) {
      received.append(data, n);
      subscribed = true;
      return received.find("story.created") == std::string::npos &&
             std::chrono::steady_clock::now() - start < 20s;
    });
  });
  for (int i = 0; i < 1000 && !subscribed; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(subscribed);
  std::this_thread::sleep_for(500ms);  // the relay's subscription is on the servers

  // The clusterer's part: commit a batch to the store, then tell the bus.
  std::string created;
  {
    auto writer = store::Store::open(db, store::OpenMode::kReadWrite);
    ASSERT_TRUE(writer) << writer.error().to_string();
    auto live = engine::LiveStories::open(pipeline, *writer);
    ASSERT_TRUE(live);
    auto done = live->ingest(read_post_body(kArticle, pipeline.config().ingest));
    ASSERT_TRUE(done) << done.error().to_string();
    ASSERT_EQ(done->created.size(), 1u);
    created = done->created[0];
  }
  auto publisher = bus::Connection::connect(cluster->connection_config());
  ASSERT_TRUE(publisher);
  const auto told = std::chrono::steady_clock::now();
  ASSERT_TRUE(bus::publish_event(*publisher, engine::story_event_subject("created"),
                                 nlohmann::json{{"id", created}}.dump()));
  reader.join();
  const auto waited = std::chrono::steady_clock::now() - told;
  EXPECT_NE(
      received.find("event: story.created\ndata: {\"id\":\"" + created + "\",\"checked\":true}"),
      std::string::npos)
      << received;
  EXPECT_LT(waited, 10s);  // far from the 120 s check
  server->stop();
  serving.join();
}

}  // namespace
}  // namespace recoupe::server
