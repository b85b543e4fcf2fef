// WorkQueue (a durable pull consumer shared by processes) against a real three-node
// cluster: shares without overlap, redelivery of what a killed worker held, nak with delay,
// in_progress, max_deliver.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "bus/connection.h"
#include "bus/publish.h"
#include "bus/stream.h"
#include "bus/work_queue.h"
#include "bus_nats_cluster.h"

namespace recoupe::bus {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;

class BusWorkQueueTest : public NatsClusterTest {
 protected:
  // A connection of its own, as another process would have.
  Connection process() {
    auto connection = Connection::connect(cluster->connection_config());
    EXPECT_TRUE(connection) << connection.error().to_string();
    return std::move(*connection);
  }
  void publish_numbered(Connection& connection, int from, int count) {
    for (int i = from; i < from + count; ++i) {
      auto ack = publish(connection, "recoupe.raw.fr", "article " + std::to_string(i),
                         "m-" + std::to_string(i));
      ASSERT_TRUE(ack) << ack.error().to_string();
    }
  }
};

ConsumerConfig analysis(milliseconds ack_wait = 30000ms) {
  return ConsumerConfig{.stream = "ARTICLES", .durable = "analysis", .ack_wait = ack_wait};
}

TEST_F(BusWorkQueueTest, TwoWorkersOnOneDurableShareAThousandMessagesExactlyOnce) {
  Connection publisher = process();
  ASSERT_TRUE(ensure_stream(publisher, {.name = "ARTICLES", .subjects = {"recoupe.raw.>"}}));
  publish_numbered(publisher, 0, 1000);

  std::mutex mutex;
  std::map<std::string, int> times_acked;
  std::atomic<int> acked{0};
  std::vector<int> share(2, 0);
  // Two processes, both ready before the first fetch, so that both get a share.
  std::vector<Connection> processes;
  std::vector<WorkQueue> queues;
  for (int w = 0; w < 2; ++w) {
    processes.push_back(process());
    auto queue = WorkQueue::open(processes.back(), analysis());
    ASSERT_TRUE(queue) << queue.error().to_string();
    queues.push_back(std::move(*queue));
  }
  auto worker = [&](int w) {
    WorkQueue& queue = queues[size_t(w)];
    int idle = 0;
    while (acked < 1000 && idle < 20) {
      auto batch = queue.fetch(10, 200ms);
      ASSERT_TRUE(batch) << batch.error().to_string();
      idle = batch->empty() ? idle + 1 : 0;
      for (auto& delivery : *batch) {
        ASSERT_TRUE(delivery.ack());
        std::lock_guard lock(mutex);
        ++times_acked[delivery.message().id];
        ++share[size_t(w)];
        ++acked;
      }
    }
  };
  std::thread a(worker, 0), b(worker, 1);
  a.join();
  b.join();
  ASSERT_EQ(times_acked.size(), 1000u);
  for (const auto& [id, times] : times_acked) EXPECT_EQ(times, 1) << id;
  EXPECT_EQ(share[0] + share[1], 1000);
  EXPECT_GT(share[0], 0);  // both took part
  EXPECT_GT(share[1], 0);
  auto left = WorkQueue::open(publisher, analysis());
  ASSERT_TRUE(left);
  auto backlog = left->backlog();
  ASSERT_TRUE(backlog);
  EXPECT_EQ(backlog->pending, 0u);
  EXPECT_EQ(backlog->unacknowledged, 0);
}

TEST_F(BusWorkQueueTest, AMessageAKilledWorkerHeldIsRedeliveredAfterAckWait) {
  Connection publisher = process();
  ASSERT_TRUE(ensure_stream(publisher, {.name = "ARTICLES", .subjects = {"recoupe.raw.>"}}));
  publish_numbered(publisher, 0, 1);
  {
    Connection doomed = process();  // fetches, then dies without an answer
    auto queue = WorkQueue::open(doomed, analysis(700ms));
    ASSERT_TRUE(queue);
    auto batch = queue->fetch(1, 2000ms);
    ASSERT_TRUE(batch && batch->size() == 1);
    EXPECT_EQ((*batch)[0].message().delivery_count, 1u);
  }
  Connection survivor = process();
  auto queue = WorkQueue::open(survivor, analysis(700ms));
  ASSERT_TRUE(queue);
  const auto start = std::chrono::steady_clock::now();
  auto batch = queue->fetch(1, 5000ms);
  ASSERT_TRUE(batch && batch->size() == 1);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ((*batch)[0].message().id, "m-0");
  EXPECT_EQ((*batch)[0].message().delivery_count, 2u);
  EXPECT_GE(waited, 300ms);  // not before the ack wait ran out (it started at the fetch)
  ASSERT_TRUE((*batch)[0].ack_unconfirmed());  // sent ahead of the next fetch request
  auto after = queue->fetch(1, 1200ms);        // acked: never again, even after another ack wait
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->empty());
}

TEST_F(BusWorkQueueTest, NakWithDelayInProgressAndMaxDeliver) {
  Connection connection = process();
  ASSERT_TRUE(ensure_stream(connection, {.name = "ARTICLES", .subjects = {"recoupe.raw.>"}}));
  publish_numbered(connection, 0, 2);
  ConsumerConfig config = analysis(1500ms);  // margins for a loaded CI machine
  config.max_deliver = 2;
  auto queue = WorkQueue::open(connection, config);
  ASSERT_TRUE(queue) << queue.error().to_string();
  auto batch = queue->fetch(2, 2000ms);
  ASSERT_TRUE(batch && batch->size() == 2);
  // m-0: not now, in 400 ms. m-1: still working past the ack wait, then done.
  ASSERT_TRUE((*batch)[0].nak(400ms));
  std::this_thread::sleep_for(1000ms);
  ASSERT_TRUE((*batch)[1].in_progress());  // its ack wait starts again: until ~2.5 s
  auto early = queue->fetch(2, 1500ms);
  ASSERT_TRUE(early);
  ASSERT_EQ(early->size(), 1u);  // m-0 again; m-1 kept by in_progress
  EXPECT_EQ((*early)[0].message().id, "m-0");
  EXPECT_EQ((*early)[0].message().delivery_count, 2u);
  std::this_thread::sleep_for(800ms);  // ~1.8 s: past m-1's first ack wait
  auto held = queue->fetch(1, 200ms);
  ASSERT_TRUE(held);
  EXPECT_TRUE(held->empty()) << "m-1 was redelivered despite in_progress";
  ASSERT_TRUE((*batch)[1].ack());
  ASSERT_TRUE((*early)[0].nak());  // second delivery of m-0 refused: max_deliver reached
  auto none = queue->fetch(2, 1200ms);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_F(BusWorkQueueTest, ReopeningWithOtherSettingsUpdatesTheConsumerAndKeepsItsPlace) {
  Connection connection = process();
  ASSERT_TRUE(ensure_stream(connection, {.name = "ARTICLES", .subjects = {"recoupe.raw.>"}}));
  publish_numbered(connection, 0, 3);
  {
    auto queue = WorkQueue::open(connection, analysis(30000ms));
    ASSERT_TRUE(queue) << queue.error().to_string();
    auto batch = queue->fetch(1, 2000ms);
    ASSERT_TRUE(batch && batch->size() == 1);
    ASSERT_TRUE((*batch)[0].ack());
  }
  ConsumerConfig changed = analysis(5000ms);  // a new release with another ack wait
  changed.max_deliver = 5;
  auto queue = WorkQueue::open(connection, changed);
  ASSERT_TRUE(queue) << queue.error().to_string();
  auto batch = queue->fetch(10, 2000ms);
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->size(), 2u);  // m-0 stays done
  EXPECT_EQ((*batch)[0].message().id, "m-1");

  auto missing = WorkQueue::open(connection, {.stream = "NO_SUCH", .durable = "analysis"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().where, "stream NO_SUCH consumer analysis");
}

}  // namespace
}  // namespace recoupe::bus
