// Node losses that a role must live through, on a real three-node cluster: the node a
// worker is connected to dies; a restarted node catches up and can stand in for another;
// the ordered reader goes on without a gap when the node it reads through dies; a message
// over the server's size limit is refused naming the subject.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "bus/connection.h"
#include "bus/ordered_reader.h"
#include "bus/publish.h"
#include "bus/stream.h"
#include "bus/work_queue.h"
#include "bus_nats_cluster.h"

namespace recoupe::bus {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;

class BusFailoverTest : public NatsClusterTest {
 protected:
  // Which node a connection talks to now (-1 when none).
  int node_of(const Connection& connection) const {
    std::string url = connection.connected_url();
    for (int i = 0; i < cluster->nodes(); ++i)
      if (url == cluster->url(i)) return i;
    return -1;
  }
};

StreamConfig articles() {
  return StreamConfig{.name = "ARTICLES", .subjects = {"recoupe.raw.>"}, .replicas = 3};
}

TEST_F(BusFailoverTest, AWorkerWhoseNodeDiesMovesToAnotherAndGoesOn) {
  auto connection = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(connection) << connection.error().to_string();
  ASSERT_TRUE(ensure_stream(*connection, articles()));
  auto queue = WorkQueue::open(*connection, {.stream = "ARTICLES", .durable = "analysis"});
  ASSERT_TRUE(queue) << queue.error().to_string();
  ASSERT_TRUE(publish(*connection, "recoupe.raw.fr", "before", "b"));
  const int first = node_of(*connection);
  ASSERT_GE(first, 0);
  cluster->kill(first);
  // Published while the client moves: the same id makes the retry safe.
  auto after = publish(*connection, "recoupe.raw.fr", "after", "a");
  ASSERT_TRUE(after) << after.error().to_string();
  std::set<std::string> seen;
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (seen.size() < 2 && std::chrono::steady_clock::now() < deadline) {
    auto batch = queue->fetch(10, 500ms);
    if (!batch) continue;  // the consumer's leader may be moving too
    for (auto& delivery : *batch)
      if (delivery.ack()) seen.insert(delivery.message().id);
  }
  EXPECT_EQ(seen, (std::set<std::string>{"a", "b"}));
  EXPECT_TRUE(connection->connected());
  EXPECT_NE(node_of(*connection), first);
}

TEST_F(BusFailoverTest, ARestartedNodeCatchesUpAndStandsInForTheNextOneLost) {
  auto connection = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(connection) << connection.error().to_string();
  ASSERT_TRUE(ensure_stream(*connection, articles()));
  cluster->kill(0);
  for (int i = 0; i < 300; ++i)  // stored on two of three while n1 is down
    ASSERT_TRUE(publish(*connection, "recoupe.raw.fr", std::to_string(i), std::to_string(i)));
  ASSERT_TRUE(cluster->restart(0));
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  Expected<StreamState> state = stream_state(*connection, "ARTICLES");
  while (std::chrono::steady_clock::now() < deadline && !(state && state->current_replicas == 3)) {
    std::this_thread::sleep_for(200ms);
    state = stream_state(*connection, "ARTICLES");
  }
  ASSERT_TRUE(state && state->current_replicas == 3) << "n1 did not catch up";
  // Now lose another: n1 holds every message, so the two left still have all 300.
  cluster->kill(1);
  auto reader = OrderedReader::open(*connection, "ARTICLES", "recoupe.raw.>", 1);
  ASSERT_TRUE(reader) << reader.error().to_string();
  // The stream may be electing a new leader: the reader waits it out (its consumer is
  // re-created when the servers' heartbeats stop), as a clusterer's loop does.
  uint64_t expected = 1;
  const auto read_deadline = std::chrono::steady_clock::now() + 45s;
  while (expected <= 300 && std::chrono::steady_clock::now() < read_deadline) {
    auto m = reader->next(1000ms);
    if (!m || !*m) continue;
    ASSERT_EQ((*m)->stream_sequence, expected) << "a gap or a repeat";
    ++expected;
  }
  EXPECT_EQ(expected, 301u) << "the two nodes left lack messages";
}

TEST_F(BusFailoverTest, TheOrderedReaderGoesOnWithoutAGapWhenItsNodeDies) {
  ConnectionConfig config = cluster->connection_config();
  auto writer = Connection::connect(config);
  ASSERT_TRUE(writer) << writer.error().to_string();
  ASSERT_TRUE(ensure_stream(*writer, articles()));
  for (int i = 1; i <= 400; ++i)
    ASSERT_TRUE(publish(*writer, "recoupe.raw.fr", std::to_string(i), "m" + std::to_string(i)));
  auto connection = Connection::connect(config);
  ASSERT_TRUE(connection);
  auto reader = OrderedReader::open(*connection, "ARTICLES", "recoupe.raw.>", 1);
  ASSERT_TRUE(reader) << reader.error().to_string();
  uint64_t expected = 1;
  for (; expected <= 150; ++expected) {
    auto m = reader->next(2000ms);
    ASSERT_TRUE(m && *m);
    ASSERT_EQ((*m)->stream_sequence, expected);
  }
  cluster->kill(node_of(*connection));
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (expected <= 400 && std::chrono::steady_clock::now() < deadline) {
    auto m = reader->next(1000ms);
    if (!m || !*m) continue;  // reconnecting; the reader re-creates its consumer
    ASSERT_EQ((*m)->stream_sequence, expected) << "a gap or a repeat";
    ++expected;
  }
  EXPECT_EQ(expected, 401u);
}

TEST_F(BusFailoverTest, AMessageOverTheServersSizeLimitIsRefusedNamingTheSubject) {
  auto connection = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(ensure_stream(*connection, articles()));
  const auto start = std::chrono::steady_clock::now();
  auto ack = publish(*connection, "recoupe.raw.fr", std::string(2 << 20, 'x'), "huge");
  ASSERT_FALSE(ack);
  EXPECT_EQ(ack.error().where, "subject recoupe.raw.fr");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s) << "refused at once, not retried";
  std::cout << "[ message  ] " << ack.error().to_string() << "\n";
}

}  // namespace
}  // namespace recoupe::bus
