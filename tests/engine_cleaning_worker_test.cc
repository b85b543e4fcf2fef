// Analysis workers of the scaled-out path (engine/cleaning_worker.h) on a real three-node
// NATS cluster: two workers clean the seeds exactly once between them, into the articles a
// single process makes; bad records are dropped naming the message; a killed worker's
// articles are cleaned by another; an article published twice is cleaned once.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "bus/cleaned_article.h"
#include "bus/ordered_reader.h"
#include "bus/publish.h"
#include "bus/stream.h"
#include "bus/work_queue.h"
#include "bus_nats_cluster.h"
#include "engine/article_log.h"
#include "engine/cleaning_worker.h"
#include "engine/live_stories.h"
#include "shipped_resources.h"

namespace recoupe::engine {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";

class CleaningWorkerTest : public NatsClusterTest {
 protected:
  bus::Connection process() {
    auto connection = bus::Connection::connect(cluster->connection_config());
    EXPECT_TRUE(connection) << connection.error().to_string();
    return std::move(*connection);
  }
  CleaningWorkerConfig config() const {
    CleaningWorkerConfig c;
    c.consumer.ack_wait = 2s;  // a killed worker's articles come back quickly
    c.wait = 200ms;
    return c;
  }
  // Every cleaned article on the stream, by article id (a second copy fails the test).
  // Every message the cleaned stream holds now, read to its last sequence: a pause in the
  // servers' push (a loaded machine, a sanitized build) is no end of the stream.
  std::map<std::string, bus::CleanedArticle> cleaned_stream(bus::Connection& connection) {
    std::map<std::string, bus::CleanedArticle> out;
    auto state = bus::stream_state(connection, kCleanedStream);
    EXPECT_TRUE(state) << state.error().to_string();
    const uint64_t stored = state ? state->messages : 0;
    auto reader = bus::OrderedReader::open(connection, kCleanedStream, kCleanedSubject, 1);
    EXPECT_TRUE(reader) << reader.error().to_string();
    for (uint64_t read = 0; read < stored; ++read) {
      auto next = reader->next(10s);
      EXPECT_TRUE(next) << next.error().to_string();
      if (!next || !*next) break;
      auto message = bus::decode_cleaned((*next)->data, "cleaned");
      EXPECT_TRUE(message) << message.error().to_string();
      if (!message) continue;
      if (message->refused) {  // the refusals, by raw sequence
        refusals_.push_back(message->raw_sequence);
        continue;
      }
      EXPECT_FALSE(out.count(message->article.id)) << "cleaned twice: " << message->article.id;
      out[message->article.id] = std::move(*message);
    }
    return out;
  }

  Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
  std::vector<uint64_t> refusals_;  // what cleaned_stream() read
};

TEST_F(CleaningWorkerTest, TwoWorkersCleanTheSeedsOnceIntoWhatOneProcessMakes) {
  bus::Connection publisher = process();
  ASSERT_TRUE(ensure_article_log(publisher, {}));
  IngestBatch seeds = read_batch({kSeeds}, pipeline_);
  ASSERT_EQ(seeds.documents.size(), 5u);
  for (const RawDocument& doc : seeds.documents) ASSERT_TRUE(publish_raw(publisher, doc));
  ASSERT_TRUE(bus::publish(publisher, kRawSubject, "{not an article", "broken-1"));
  // Published again (a retry, a feed read twice): stored once.
  auto again = publish_raw(publisher, seeds.documents[0]);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->duplicate);

  bus::Connection one = process(), two = process();
  auto first = CleaningWorker::open(one, pipeline_, config());
  auto second = CleaningWorker::open(two, pipeline_, config());
  ASSERT_TRUE(first && second);
  size_t cleaned = 0, refused = 0;
  std::vector<Error> errors;
  for (auto deadline = std::chrono::steady_clock::now() + 30s;
       cleaned + refused < 6 && std::chrono::steady_clock::now() < deadline;) {
    for (CleaningWorker* w : {&*first, &*second}) {
      auto round = w->run_once();
      ASSERT_TRUE(round) << round.error().to_string();
      cleaned += round->cleaned;
      refused += round->refused;
      errors.insert(errors.end(), round->errors.begin(), round->errors.end());
    }
  }
  EXPECT_EQ(cleaned, 5u);
  ASSERT_EQ(refused, 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, std::string(kRawSubject) + " #6");  // names the message

  auto stream = cleaned_stream(publisher);
  ASSERT_EQ(stream.size(), 5u);
  // The broken record's place in the raw stream, told to the clusterer.
  EXPECT_EQ(refusals_, std::vector<uint64_t>{6});
  std::set<uint64_t> raw_sequences;
  for (const auto& [id, message] : stream) raw_sequences.insert(message.raw_sequence);
  EXPECT_EQ(raw_sequences, (std::set<uint64_t>{1, 2, 3, 4, 5}));
  for (const RawDocument& doc : seeds.documents) {
    const Article here = pipeline_.extract(doc);
    ASSERT_TRUE(stream.count(here.id)) << here.id;
    const Article& there = stream.at(here.id).article;
    EXPECT_EQ(there.text, here.text);
    EXPECT_EQ(there.title, here.title);
    EXPECT_EQ(there.source, here.source);
    EXPECT_EQ(there.published, here.published);
    EXPECT_EQ(stream.at(here.id).raw.content, doc.content);
  }
}

TEST_F(CleaningWorkerTest, AKilledWorkersArticlesAreCleanedByAnother) {
  bus::Connection publisher = process();
  ASSERT_TRUE(ensure_article_log(publisher, {}));
  IngestBatch seeds = read_batch({kSeeds}, pipeline_);
  for (const RawDocument& doc : seeds.documents) ASSERT_TRUE(publish_raw(publisher, doc));

  {  // A worker takes three articles and dies before answering.
    bus::Connection doomed = process();
    auto queue = bus::WorkQueue::open(doomed, config().consumer);
    ASSERT_TRUE(queue);
    auto taken = queue->fetch(3, 2s);
    ASSERT_TRUE(taken);
    ASSERT_EQ(taken->size(), 3u);
  }
  bus::Connection survivor = process();
  auto worker = CleaningWorker::open(survivor, pipeline_, config());
  ASSERT_TRUE(worker);
  size_t cleaned = 0;
  for (auto deadline = std::chrono::steady_clock::now() + 30s;
       cleaned < 5 && std::chrono::steady_clock::now() < deadline;) {
    auto round = worker->run_once();
    ASSERT_TRUE(round) << round.error().to_string();
    cleaned += round->cleaned;
  }
  EXPECT_EQ(cleaned, 5u);
  EXPECT_EQ(cleaned_stream(publisher).size(), 5u);
}

// Articles published one at a time, a moment apart, are cleaned in one round: after the
// first, a round fetches more for config.linger, so the bus's cost per round is shared.
TEST_F(CleaningWorkerTest, ARoundLingersForTheArticlesPublishedJustAfterItsFirst) {
  bus::Connection publisher = process();
  ASSERT_TRUE(ensure_article_log(publisher, {}));
  IngestBatch seeds = read_batch({kSeeds}, pipeline_);
  ASSERT_TRUE(publish_raw(publisher, seeds.documents[0]));
  std::thread later([&] {
    bus::Connection second = process();
    for (size_t i = 1; i < seeds.documents.size(); ++i) {
      std::this_thread::sleep_for(30ms);
      EXPECT_TRUE(publish_raw(second, seeds.documents[i]));
    }
  });
  CleaningWorkerConfig lingering = config();
  lingering.linger = 1s;  // under the ack wait (2 s): none is handed out twice meanwhile
  bus::Connection connection = process();
  auto worker = CleaningWorker::open(connection, pipeline_, lingering);
  ASSERT_TRUE(worker);
  auto round = worker->run_once();
  later.join();
  ASSERT_TRUE(round) << round.error().to_string();
  EXPECT_EQ(round->cleaned, seeds.documents.size());
}

}  // namespace
}  // namespace recoupe::engine
