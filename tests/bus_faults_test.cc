// A node of the three-node cluster killed with SIGKILL in the middle of a publish + consume
// run: afterwards nothing is lost and nothing is stored twice, counting by message id, and
// every message is processed (at least once: a repeat is absorbed by idempotent writes).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

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

class BusFaultsTest : public NatsClusterTest {};

constexpr int kMessages = 2000;

// What the two workers saw, by message id.
struct Tally {
  std::mutex mutex;
  std::map<std::string, int> deliveries;  // every delivery, acked or not
  std::map<std::string, int> confirmed;   // acks the servers confirmed
  std::atomic<int> distinct_confirmed{0};
  // Processed: confirmed, or acked without a confirmation (the node answering it lost). Such
  // an ack may well have reached the consumer, which then never delivers it again: the
  // message was processed once all the same, which is what nothing-lost means.
  std::atomic<int> distinct_processed{0};
  std::set<std::string> processed;
  int fetch_errors = 0, ack_errors = 0;
};

// A worker process: its own connection, fetch, ack; errors while the cluster heals (a lost
// node, a consumer leader being elected) are counted and the loop goes on.
void work(const ConnectionConfig& config, Tally& tally, const std::atomic<bool>& stop) {
  auto connection = Connection::connect(config);
  ASSERT_TRUE(connection) << connection.error().to_string();
  auto queue = WorkQueue::open(
      *connection,
      {.stream = "ARTICLES", .durable = "analysis", .ack_wait = 2000ms, .max_deliver = -1});
  ASSERT_TRUE(queue) << queue.error().to_string();
  while (!stop) {
    auto batch = queue->fetch(20, 300ms);
    if (!batch) {
      std::lock_guard lock(tally.mutex);
      ++tally.fetch_errors;
      std::this_thread::sleep_for(100ms);
      continue;
    }
    for (auto& delivery : *batch) {
      const std::string& id = delivery.message().id;
      {
        std::lock_guard lock(tally.mutex);
        ++tally.deliveries[id];
      }
      bool acked = bool(delivery.ack());
      std::lock_guard lock(tally.mutex);
      if (tally.processed.insert(id).second) ++tally.distinct_processed;
      if (!acked) {
        ++tally.ack_errors;
      } else if (++tally.confirmed[id] == 1) {
        ++tally.distinct_confirmed;
      }
    }
  }
}

TEST_F(BusFaultsTest, KillingOneOfThreeNodesMidRunLosesNothingAndStoresNothingTwice) {
  ConnectionConfig config = cluster->connection_config();
  auto publisher = Connection::connect(config);
  ASSERT_TRUE(publisher) << publisher.error().to_string();
  auto stream = ensure_stream(*publisher, {.name = "ARTICLES", .subjects = {"recoupe.raw.>"}});
  ASSERT_TRUE(stream) << stream.error().to_string();
  // The hardest node to lose: the one that orders the stream's writes.
  int victim = 0;
  for (int i = 0; i < cluster->nodes(); ++i)
    if (stream->leader == "n" + std::to_string(i + 1)) victim = i;

  Tally tally;
  std::atomic<bool> stop{false};
  std::thread a(work, config, std::ref(tally), std::cref(stop));
  std::thread b(work, config, std::ref(tally), std::cref(stop));
  std::string payload(1500, 'x');  // an article's size
  int duplicates_acked = 0;
  for (int i = 0; i < kMessages; ++i) {
    if (i == kMessages / 4) cluster->kill(victim);
    if (i == kMessages * 3 / 4) ASSERT_TRUE(cluster->restart(victim));
    auto ack = publish(*publisher, "recoupe.raw.fr", payload + std::to_string(i),
                       "m-" + std::to_string(i));
    ASSERT_TRUE(ack) << "message " << i << ": " << ack.error().to_string();
    duplicates_acked += ack->duplicate;
  }
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (tally.distinct_processed < kMessages && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  stop = true;
  a.join();
  b.join();

  auto state = stream_state(*publisher, "ARTICLES");
  ASSERT_TRUE(state) << state.error().to_string();
  EXPECT_EQ(state->messages, uint64_t(kMessages)) << "each id stored once";
  EXPECT_EQ(state->last_sequence, uint64_t(kMessages));
  EXPECT_EQ(tally.distinct_processed.load(), kMessages) << "every message processed";
  EXPECT_GE(tally.distinct_confirmed.load() + tally.ack_errors, kMessages);
  int redelivered = 0;
  for (int i = 0; i < kMessages; ++i) {
    std::string id = "m-" + std::to_string(i);
    EXPECT_GE(tally.deliveries[id], 1) << id << " lost";
    redelivered += tally.deliveries[id] - 1;
  }
  int confirmed_twice = 0;
  for (const auto& [id, times] : tally.confirmed) confirmed_twice += times > 1;
  // At-least-once: a delivery whose ack was lost with the node comes again, and so, rarely,
  // does one whose ack the consumer's leader confirmed just before it died (the consumer's
  // state reaches its followers a moment later). The roles' writes are idempotent (by
  // message id), so a repeat costs work, never a duplicate; it stays a small share.
  EXPECT_LT(redelivered, kMessages / 10);
  std::cout << "[ figures  ] killed " << (victim + 1) << " (stream leader); retried publishes "
            << "answered as duplicates: " << duplicates_acked << "; redeliveries: " << redelivered
            << " (confirmed acks delivered again: " << confirmed_twice
            << "); fetch errors: " << tally.fetch_errors << "; ack errors: " << tally.ack_errors
            << "\n";
}

TEST_F(BusFaultsTest, KillingTheStreamLeaderDuringBatchPublishesStoresEachMessageOnce) {
  ConnectionConfig config = cluster->connection_config();
  auto publisher = Connection::connect(config);
  ASSERT_TRUE(publisher) << publisher.error().to_string();
  auto stream = ensure_stream(*publisher, {.name = "ARTICLES", .subjects = {"recoupe.raw.>"}});
  ASSERT_TRUE(stream) << stream.error().to_string();
  int victim = 0;
  for (int i = 0; i < cluster->nodes(); ++i)
    if (stream->leader == "n" + std::to_string(i + 1)) victim = i;
  const std::string payload(1500, 'y');
  int duplicates = 0;
  for (int b = 0; b < 10; ++b) {  // ten batches of 200, as an ingest of 2,000 articles
    if (b == 3) cluster->kill(victim);
    if (b == 7) ASSERT_TRUE(cluster->restart(victim));
    std::vector<OutgoingMessage> batch;
    for (int i = b * 200; i < (b + 1) * 200; ++i)
      batch.push_back({"recoupe.raw.fr", payload + std::to_string(i), "m-" + std::to_string(i)});
    auto acks = publish_all(*publisher, batch);
    ASSERT_TRUE(acks) << "batch " << b << ": " << acks.error().to_string();
    for (const auto& ack : *acks) duplicates += ack.duplicate;
  }
  auto state = stream_state(*publisher, "ARTICLES");
  ASSERT_TRUE(state) << state.error().to_string();
  EXPECT_EQ(state->messages, uint64_t(kMessages));
  auto reader = OrderedReader::open(*publisher, "ARTICLES", "recoupe.raw.>", 1);
  ASSERT_TRUE(reader) << reader.error().to_string();
  std::map<std::string, int> stored;
  for (int n = 0; n < kMessages; ++n) {
    auto m = reader->next(5000ms);
    ASSERT_TRUE(m && *m) << "message " << n;
    ++stored[(*m)->id];
  }
  EXPECT_EQ(stored.size(), size_t(kMessages));
  for (const auto& [id, times] : stored) EXPECT_EQ(times, 1) << id;
  std::cout << "[ figures  ] batches: publishes answered as duplicates (retried after a lost "
            << "ack): " << duplicates << "\n";
}

}  // namespace
}  // namespace recoupe::bus
