// The bus (src/bus/) against a real three-node nats-server cluster: streams, publish with
// message ids, a round trip on three replicas, story events, and a clear error where
// nothing listens.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "bus/connection.h"
#include "bus/events.h"
#include "bus/publish.h"
#include "bus/stream.h"
#include "bus/work_queue.h"
#include "bus_nats_cluster.h"

namespace recoupe::bus {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;

class BusJetStreamTest : public NatsClusterTest {};

StreamConfig articles_stream() {
  return StreamConfig{.name = "ARTICLES", .subjects = {"recoupe.raw.>"}, .replicas = 3};
}

TEST_F(BusJetStreamTest, PublishedMessageComesBackWithItsIdSubjectAndSequenceOnThreeReplicas) {
  auto connection = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(connection) << connection.error().to_string();
  auto stream = ensure_stream(*connection, articles_stream());
  ASSERT_TRUE(stream) << stream.error().to_string();
  EXPECT_EQ(stream->replicas, 3);
  EXPECT_EQ(stream->messages, 0u);

  auto ack = publish(*connection, "recoupe.raw.fr", "{\"text\":\"Bonjour\"}", "article-1");
  ASSERT_TRUE(ack) << ack.error().to_string();
  EXPECT_EQ(ack->stream, "ARTICLES");
  EXPECT_EQ(ack->sequence, 1u);
  EXPECT_FALSE(ack->duplicate);

  auto queue = WorkQueue::open(*connection, {.stream = "ARTICLES", .durable = "analysis"});
  ASSERT_TRUE(queue) << queue.error().to_string();
  auto fetched = queue->fetch(10, 2000ms);
  ASSERT_TRUE(fetched) << fetched.error().to_string();
  ASSERT_EQ(fetched->size(), 1u);
  const Message& m = (*fetched)[0].message();
  EXPECT_EQ(m.subject, "recoupe.raw.fr");
  EXPECT_EQ(m.data, "{\"text\":\"Bonjour\"}");
  EXPECT_EQ(m.id, "article-1");
  EXPECT_EQ(m.stream_sequence, 1u);
  EXPECT_EQ(m.delivery_count, 1u);
  auto acked = (*fetched)[0].ack();
  ASSERT_TRUE(acked) << acked.error().to_string();

  auto again = queue->fetch(10, 300ms);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty());
  auto state = stream_state(*connection, "ARTICLES");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->messages, 1u);
  EXPECT_EQ(state->replicas, 3);
  EXPECT_FALSE(state->leader.empty());
}

TEST_F(BusJetStreamTest, AMessageIdPublishedTwiceIsStoredOnce) {
  auto connection = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(connection) << connection.error().to_string();
  ASSERT_TRUE(ensure_stream(*connection, articles_stream()));
  auto first = publish(*connection, "recoupe.raw.fr", "same article", "id-42");
  auto second = publish(*connection, "recoupe.raw.fr", "same article", "id-42");
  auto other = publish(*connection, "recoupe.raw.fr", "same article", "id-43");
  ASSERT_TRUE(first && second && other);
  EXPECT_FALSE(first->duplicate);
  EXPECT_TRUE(second->duplicate);
  EXPECT_EQ(second->sequence, first->sequence);
  EXPECT_EQ(other->sequence, first->sequence + 1);
  auto state = stream_state(*connection, "ARTICLES");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->messages, 2u);
}

TEST_F(BusJetStreamTest, PublishAllReturnsEachAckInOrderAndStoresARepeatedIdOnce) {
  auto connection = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(connection) << connection.error().to_string();
  ASSERT_TRUE(ensure_stream(*connection, articles_stream()));
  std::vector<OutgoingMessage> batch;
  for (int i = 0; i < 500; ++i)
    batch.push_back({"recoupe.raw.fr", "article " + std::to_string(i), "b-" + std::to_string(i)});
  auto acks = publish_all(*connection, batch, 64);
  ASSERT_TRUE(acks) << acks.error().to_string();
  ASSERT_EQ(acks->size(), 500u);
  for (size_t i = 0; i < 500; ++i) {
    EXPECT_EQ((*acks)[i].sequence, i + 1);
    EXPECT_FALSE((*acks)[i].duplicate);
  }
  // The same batch again (a publisher that restarted mid-batch), plus one new message.
  batch.push_back({"recoupe.raw.fr", "article 500", "b-500"});
  auto again = publish_all(*connection, batch);
  ASSERT_TRUE(again) << again.error().to_string();
  for (size_t i = 0; i < 500; ++i) {
    EXPECT_TRUE((*again)[i].duplicate);
    EXPECT_EQ((*again)[i].sequence, i + 1);
  }
  EXPECT_FALSE((*again)[500].duplicate);
  EXPECT_EQ((*again)[500].sequence, 501u);
  auto state = stream_state(*connection, "ARTICLES");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->messages, 501u);
}

TEST_F(BusJetStreamTest, EnsureStreamIsIdempotentAndUpdatesWhatDiffers) {
  auto connection = Connection::connect(cluster->connection_config());
  ASSERT_TRUE(connection) << connection.error().to_string();
  StreamConfig config = articles_stream();
  ASSERT_TRUE(ensure_stream(*connection, config));
  ASSERT_TRUE(publish(*connection, "recoupe.raw.en", "kept", "k1"));
  auto same = ensure_stream(*connection, config);  // a second process starting
  ASSERT_TRUE(same) << same.error().to_string();
  EXPECT_EQ(same->messages, 1u);
  config.subjects.push_back("recoupe.analyzed.>");
  config.max_age = std::chrono::hours(24 * 7);
  auto updated = ensure_stream(*connection, config);
  ASSERT_TRUE(updated) << updated.error().to_string();
  EXPECT_EQ(updated->subjects.size(), 2u);
  EXPECT_EQ(updated->messages, 1u);  // updated in place, nothing lost
  ASSERT_TRUE(publish(*connection, "recoupe.analyzed.en", "now stored too", "a1"));

  StreamConfig too_many = config;
  too_many.name = "WIDE";
  too_many.subjects = {"wide.>"};
  too_many.replicas = 5;  // three nodes
  auto refused = ensure_stream(*connection, too_many);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().where, "stream WIDE");
  EXPECT_NE(refused.error().message.find("cannot create"), std::string::npos)
      << refused.error().to_string();
}

TEST_F(BusJetStreamTest, PublishingWhereNoStreamListensFailsNamingTheSubject) {
  ConnectionConfig config = cluster->connection_config();
  config.retry_deadline = 500ms;
  auto connection = Connection::connect(config);
  ASSERT_TRUE(connection) << connection.error().to_string();
  auto ack = publish(*connection, "nowhere.at.all", "x", "id");
  ASSERT_FALSE(ack);
  EXPECT_EQ(ack.error().where, "subject nowhere.at.all");
  EXPECT_NE(ack.error().message.find("is there a stream"), std::string::npos)
      << ack.error().to_string();
}

TEST_F(BusJetStreamTest, AnEventSubscriberOnAnotherNodeHearsEveryEventInOrder) {
  ConnectionConfig api_config = cluster->connection_config();
  api_config.servers = {cluster->url(2)};  // the API server on another node than the worker
  auto api = Connection::connect(api_config);
  ConnectionConfig worker_config = cluster->connection_config();
  worker_config.servers = {cluster->url(0)};
  auto worker = Connection::connect(worker_config);
  ASSERT_TRUE(api && worker);
  auto events = EventSubscription::open(*api, "recoupe.story.>");
  ASSERT_TRUE(events) << events.error().to_string();
  // Routes between nodes carry the interest shortly after the subscription: publish until
  // the first event arrives, then the rest in order.
  std::optional<Message> first;
  for (int i = 0; i < 50 && !first; ++i) {
    ASSERT_TRUE(publish_event(*worker, "recoupe.story.s1", "probe"));
    ASSERT_TRUE(worker->flush(1000ms));
    auto heard = events->next(100ms);
    ASSERT_TRUE(heard) << heard.error().to_string();
    first = *heard;
  }
  ASSERT_TRUE(first);
  EXPECT_EQ(first->subject, "recoupe.story.s1");
  while (true) {  // the probes still on their way
    auto heard = events->next(200ms);
    ASSERT_TRUE(heard);
    if (!*heard) break;
  }
  for (int i = 0; i < 100; ++i)
    ASSERT_TRUE(publish_event(*worker, "recoupe.story.s" + std::to_string(i), std::to_string(i)));
  ASSERT_TRUE(worker->flush(1000ms));
  for (int i = 0; i < 100; ++i) {
    auto heard = events->next(2000ms);
    ASSERT_TRUE(heard && *heard) << "event " << i;
    EXPECT_EQ((*heard)->data, std::to_string(i));
    EXPECT_EQ((*heard)->subject, "recoupe.story.s" + std::to_string(i));
    EXPECT_EQ((*heard)->stream_sequence, 0u);  // plain: no stream stored it
  }
}

TEST(BusConnection, ConnectingWhereNothingListensIsOneErrorNamingTheUrl) {
  // Port 1 (tcpmux): nothing listens there on this machine.
  ConnectionConfig config;
  config.servers = {"nats://127.0.0.1:1"};
  config.connect_timeout = 500ms;
  auto connection = Connection::connect(config);
  ASSERT_FALSE(connection);
  EXPECT_EQ(connection.error().where, "nats://127.0.0.1:1");
  std::string line = connection.error().to_string();
  EXPECT_EQ(line.rfind("nats://127.0.0.1:1: cannot connect: ", 0), 0u) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;

  ConnectionConfig none;
  auto refused = Connection::connect(none);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("no NATS server"), std::string::npos);

  ConnectionConfig garbled;  // a typo in --bus: named, one line
  garbled.servers = {"nats://127.0.0.1:notaport"};
  garbled.connect_timeout = 500ms;
  auto bad = Connection::connect(garbled);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where, "nats://127.0.0.1:notaport");
  EXPECT_EQ(bad.error().to_string().find('\n'), std::string::npos);
  std::cout << "[ message  ] " << line << "\n[ message  ] " << bad.error().to_string() << "\n";
}

}  // namespace
}  // namespace recoupe::bus
