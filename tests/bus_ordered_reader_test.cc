// OrderedReader against a real three-node cluster: what one clusterer needs, the analyzed
// articles in stream order, and resuming after a restart from the sequence it recorded.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

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

class BusOrderedReaderTest : public NatsClusterTest {};

TEST_F(BusOrderedReaderTest, ReadsInStreamOrderAndResumesFromAGivenSequence) {
  auto opened = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(opened) << opened.error().to_string();
  Connection& connection = *opened;
  ASSERT_TRUE(ensure_stream(connection, {.name = "ANALYZED", .subjects = {"recoupe.analyzed.>"}}));
  for (int i = 1; i <= 50; ++i)
    ASSERT_TRUE(publish(connection, "recoupe.analyzed." + std::string(i % 2 ? "fr" : "en"),
                        std::to_string(i), "a-" + std::to_string(i)));
  {
    auto reader = OrderedReader::open(connection, "ANALYZED", "recoupe.analyzed.>", 1);
    ASSERT_TRUE(reader) << reader.error().to_string();
    for (uint64_t seq = 1; seq <= 30; ++seq) {  // the clusterer places 30, then dies
      auto m = reader->next(2000ms);
      ASSERT_TRUE(m && *m) << seq;
      EXPECT_EQ((*m)->stream_sequence, seq);
      EXPECT_EQ((*m)->data, std::to_string(seq));
      EXPECT_EQ((*m)->pending, 50 - seq);  // what is still waiting behind it
    }
  }
  // Restarted, it resumes after the last sequence it recorded.
  auto reader = OrderedReader::open(connection, "ANALYZED", "recoupe.analyzed.>", 31);
  ASSERT_TRUE(reader) << reader.error().to_string();
  for (uint64_t seq = 31; seq <= 50; ++seq) {
    auto m = reader->next(2000ms);
    ASSERT_TRUE(m && *m) << seq;
    EXPECT_EQ((*m)->stream_sequence, seq);
    EXPECT_EQ((*m)->id, "a-" + std::to_string(seq));
  }
  auto caught_up = reader->next(300ms);
  ASSERT_TRUE(caught_up);
  EXPECT_FALSE(*caught_up);
  ASSERT_TRUE(publish(connection, "recoupe.analyzed.fr", "51", "a-51"));  // and follows on
  auto live = reader->next(2000ms);
  ASSERT_TRUE(live && *live);
  EXPECT_EQ((*live)->stream_sequence, 51u);
  EXPECT_EQ((*live)->pending, 0u);

  auto missing = OrderedReader::open(connection, "NO_SUCH", "recoupe.analyzed.>", 1);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().to_string().find("NO_SUCH"), std::string::npos);
}

// Readers dropped while the servers are still pushing them messages, as a clusterer drops
// its reader when it loses the lead or the store fails: the client must never touch a
// dropped reader's memory (cnats 3.4 did, once, under ASan: a SEGV in its reader thread),
// and the connection, still in use, keeps reading for the next reader.
TEST_F(BusOrderedReaderTest, ReadersDroppedWhileMessagesStillArriveLeaveTheConnectionSound) {
  auto opened = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(opened) << opened.error().to_string();
  Connection& connection = *opened;
  ASSERT_TRUE(ensure_stream(connection, {.name = "ANALYZED", .subjects = {"recoupe.analyzed.>"}}));
  std::vector<OutgoingMessage> messages;
  for (int i = 1; i <= 2000; ++i)
    messages.push_back({"recoupe.analyzed.fr", std::string(200, 'x'), "a-" + std::to_string(i)});
  ASSERT_TRUE(publish_all(connection, messages));
  for (uint64_t round = 0; round < 25; ++round) {
    const uint64_t first = 1 + round * 37;
    auto reader = OrderedReader::open(connection, "ANALYZED", "recoupe.analyzed.>", first);
    ASSERT_TRUE(reader) << reader.error().to_string();
    for (uint64_t seq = first; seq < first + 3; ++seq) {
      auto m = reader->next(2000ms);
      ASSERT_TRUE(m && *m) << "round " << round;
      EXPECT_EQ((*m)->stream_sequence, seq);
    }
  }  // each reader dropped with most of the stream on its way to it
  auto last = OrderedReader::open(connection, "ANALYZED", "recoupe.analyzed.>", 2000);
  ASSERT_TRUE(last);
  auto m = last->next(2000ms);
  ASSERT_TRUE(m && *m);
  EXPECT_EQ((*m)->stream_sequence, 2000u);
}

// Deliveries outlive the work queue they came from, as a worker's round does when it
// stops: their answers still go out and count.
TEST_F(BusOrderedReaderTest, DeliveriesAreAnsweredAfterTheirWorkQueueIsDropped) {
  auto opened = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(opened) << opened.error().to_string();
  Connection& connection = *opened;
  ASSERT_TRUE(ensure_stream(connection, {.name = "ARTICLES", .subjects = {"recoupe.raw.>"}}));
  for (int i = 0; i < 20; ++i)
    ASSERT_TRUE(publish(connection, "recoupe.raw.fr", "a", "m-" + std::to_string(i)));
  const ConsumerConfig config{.stream = "ARTICLES", .durable = "analysis"};
  std::vector<Delivery> taken;
  {
    auto queue = WorkQueue::open(connection, config);
    ASSERT_TRUE(queue) << queue.error().to_string();
    auto fetched = queue->fetch(10, 2000ms);
    ASSERT_TRUE(fetched && fetched->size() == 10u);
    taken = std::move(*fetched);
  }
  for (auto& d : taken) ASSERT_TRUE(d.ack()) << d.message().stream_sequence;
  auto queue = WorkQueue::open(connection, config);
  ASSERT_TRUE(queue);
  auto backlog = queue->backlog();
  ASSERT_TRUE(backlog);
  EXPECT_EQ(backlog->pending, 10u);
  EXPECT_EQ(backlog->unacknowledged, 0);
}

}  // namespace
}  // namespace recoupe::bus
