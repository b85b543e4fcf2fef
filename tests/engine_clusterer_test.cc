// The clusterer of the scaled-out path (engine/clusterer.h) on a real three-node NATS
// cluster, over an SQLite file and over a real PostgreSQL: what analysis workers clean is
// stored as a single process stores the same files; a restart resumes after the last batch
// without repeating it; story events reach a subscriber; a message that is not a cleaned
// article is skipped, naming it.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <thread>

#include "bus/cleaned_article.h"
#include "bus/events.h"
#include "bus/publish.h"
#include "bus/stream.h"
#include "bus_nats_cluster.h"
#include "engine/article_log.h"
#include "engine/cleaning_worker.h"
#include "engine/clusterer.h"
#include "engine/live_stories.h"
#include "ingest_test_util.h"
#include "shipped_resources.h"
#include "store/store.h"
#include "store_postgres_server.h"

namespace recoupe::engine {
namespace {

using namespace std::chrono_literals;
using recoupe::testing::NatsClusterTest;

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";
const std::string kDevSets = std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering/";

// Every story with its articles and report, by story id: what two stores are compared on.
std::map<std::string, std::pair<std::vector<std::string>, std::string>> contents(
    store::Store& store) {
  std::map<std::string, std::pair<std::vector<std::string>, std::string>> out;
  auto listed = store.stories({});
  EXPECT_TRUE(listed) << listed.error().to_string();
  for (const auto& s : *listed) {
    auto story = store.story(s.id);
    EXPECT_TRUE(story && *story);
    out[s.id] = {s.article_ids, (*story)->report_json};
  }
  return out;
}

class ClustererTest : public NatsClusterTest {
 protected:
  bus::Connection process() {
    auto connection = bus::Connection::connect(cluster->connection_config());
    EXPECT_TRUE(connection) << connection.error().to_string();
    return std::move(*connection);
  }
  // Publishes `inputs` raw and has one analysis worker clean them all.
  void publish_and_clean(const std::vector<std::string>& inputs, size_t expected) {
    bus::Connection publisher = process();
    ASSERT_TRUE(ensure_article_log(publisher, {}));
    for (const RawDocument& doc : read_batch(inputs, pipeline_).documents)
      ASSERT_TRUE(publish_raw(publisher, doc));
    auto worker = CleaningWorker::open(publisher, pipeline_);
    ASSERT_TRUE(worker);
    size_t cleaned = 0;
    for (auto deadline = std::chrono::steady_clock::now() + 60s;
         cleaned < expected && std::chrono::steady_clock::now() < deadline;) {
      auto round = worker->run_once();
      ASSERT_TRUE(round) << round.error().to_string();
      cleaned += round->cleaned;
    }
    ASSERT_EQ(cleaned, expected);
  }
  // Publishes the seed `doc` as a worker cleaned it, from raw sequence `raw`: workers
  // finishing in any order.
  void publish_cleaned(bus::Connection& publisher, const IngestBatch& seeds, size_t doc,
                       uint64_t raw) {
    bus::CleanedArticle m{seeds.documents[doc], pipeline_.extract(seeds.documents[doc]), raw};
    ASSERT_TRUE(bus::publish(publisher, kCleanedSubject, bus::encode_cleaned(m),
                             "c" + std::to_string(raw)));
  }
  // What one process stores from `inputs` in one batch.
  std::map<std::string, std::pair<std::vector<std::string>, std::string>> single_process(
      const std::vector<std::string>& inputs) {
    auto store =
        store::Store::open((dir_.path() / "single.db").string(), store::OpenMode::kReadWrite);
    EXPECT_TRUE(store);
    auto live = LiveStories::open(pipeline_, *store);
    EXPECT_TRUE(live->ingest(read_batch(inputs, pipeline_)));
    return contents(*store);
  }
  // Stores everything cleaned so far into `location` in one round, then lets the clusterer
  // cross-check its stories behind it until none waits.
  void cluster_all(const std::string& location, size_t expected) {
    auto store = store::Store::open(location, store::OpenMode::kReadWrite);
    ASSERT_TRUE(store) << store.error().to_string();
    bus::Connection connection = process();
    auto clusterer = Clusterer::open(connection, pipeline_, *store, {.batch = 5000, .wait = 200ms});
    ASSERT_TRUE(clusterer) << clusterer.error().to_string();
    auto round = clusterer->run_once();
    ASSERT_TRUE(round) << round.error().to_string();
    EXPECT_EQ(round->read, expected);
    const auto& n = round->summary.counts;  // ecbplus-dev repeats two articles: unchanged
    EXPECT_EQ(n.added + n.revised + n.unchanged, int64_t(expected));
    EXPECT_EQ(store->log_position()->read_up_to, int64_t(expected));
    check_all(*clusterer);
  }
  // Runs rounds until `clusterer` has cross-checked every story it stored unchecked; adds
  // the stories each round's step of checks stored to `checked`.
  static void check_all(Clusterer& clusterer, size_t* checked = nullptr) {
    for (auto deadline = std::chrono::steady_clock::now() + 120s;
         clusterer.unchecked() > 0 && std::chrono::steady_clock::now() < deadline;) {
      auto round = clusterer.run_once();
      ASSERT_TRUE(round) << round.error().to_string();
      if (checked && round->checks.committed >= 0) *checked += round->checks.updated.size();
    }
    EXPECT_EQ(clusterer.unchecked(), 0u);
  }

  // Another writer (a `recoupe ingest` beside the clusterer) commits one unrelated article
  // into the store at `location`.
  void other_writer_commits(const std::string& location) {
    auto other = store::Store::open(location, store::OpenMode::kReadWrite);
    ASSERT_TRUE(other) << other.error().to_string();
    auto live = LiveStories::open(pipeline_, *other);
    IngestBatch one;
    RawDocument doc;
    doc.file = "other.txt";
    doc.title = "Harbour festival";
    doc.content = "An unrelated article about a harbour festival in a small town, with boats.";
    one.documents.push_back(std::move(doc));
    ASSERT_TRUE(live->ingest(std::move(one)));
  }
  // Publishes the French dev set and has it cleaned; returns its articles.
  IngestBatch french_dev_set_cleaned() {
    const std::string set = kDevSets + "rpm2-fr-dev.jsonl";
    IngestBatch all = read_batch({set}, pipeline_);
    publish_and_clean({set}, all.documents.size());
    return all;
  }
  // What one process stores of `all` ingested in batches of `per_batch`, checked in them.
  std::map<std::string, std::pair<std::vector<std::string>, std::string>> ingested_in_batches(
      const IngestBatch& all, size_t per_batch) {
    auto single =
        store::Store::open((dir_.path() / "batches.db").string(), store::OpenMode::kReadWrite);
    EXPECT_TRUE(single);
    auto live = LiveStories::open(pipeline_, *single);
    for (size_t first = 0; first < all.documents.size(); first += per_batch) {
      IngestBatch part;
      for (size_t i = first; i < std::min(first + per_batch, all.documents.size()); ++i)
        part.documents.push_back(all.documents[i]);
      EXPECT_TRUE(live->ingest(std::move(part)));
    }
    return contents(*single);
  }

  Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
  recoupe::testing::TempDir dir_;
};

TEST_F(ClustererTest, TheSeedsAreStoredAsOneProcessStoresThemAndARestartRepeatsNothing) {
  publish_and_clean({kSeeds}, 5);
  const std::string db = (dir_.path() / "scaled.db").string();
  bus::Connection listener = process();
  auto events = bus::EventSubscription::open(listener, kStoryEventSubjects);
  ASSERT_TRUE(events);
  cluster_all(db, 5);

  auto heard = events->next(5s);
  ASSERT_TRUE(heard && *heard);
  EXPECT_EQ((*heard)->subject, story_event_subject("created"));
  auto store = store::Store::open(db, store::OpenMode::kReadWrite);
  EXPECT_EQ(contents(*store), single_process({kSeeds}));

  // A restart (or a standby taking over) reads after the stored position: nothing again.
  const int64_t generation = *store->generation();
  bus::Connection connection = process();
  auto again = Clusterer::open(connection, pipeline_, *store, {.wait = 500ms});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->position(), 5);
  auto round = again->run_once();
  ASSERT_TRUE(round);
  EXPECT_EQ(round->read, 0u);
  EXPECT_EQ(*store->generation(), generation);
}

TEST_F(ClustererTest, AKilledClustererIsResumedWithoutLossOrRepeat) {
  publish_and_clean({kSeeds}, 5);
  const std::string db = (dir_.path() / "scaled.db").string();
  auto store = store::Store::open(db, store::OpenMode::kReadWrite);
  {
    bus::Connection connection = process();
    auto first = Clusterer::open(connection, pipeline_, *store, {.batch = 2, .linger = 5s});
    ASSERT_TRUE(first);
    auto round = first->run_once();  // two articles, then the process dies
    ASSERT_TRUE(round);
    EXPECT_EQ(round->read, 2u);
  }
  bus::Connection connection = process();
  auto second = Clusterer::open(connection, pipeline_, *store, {.batch = 2, .wait = 500ms});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->position(), 2);
  size_t read = 0;
  for (int i = 0; i < 5; ++i) read += second->run_once()->read;
  EXPECT_EQ(read, 3u);
  auto stored = contents(*store);
  size_t articles = 0;
  for (const auto& [id, story] : stored) articles += story.first.size();
  EXPECT_EQ(articles, 5u);  // each once
  EXPECT_EQ(store->log_position()->read_up_to, 5);
}

TEST_F(ClustererTest, AMessageThatIsNotACleanedArticleIsSkippedNamingIt) {
  bus::Connection publisher = process();
  ASSERT_TRUE(ensure_article_log(publisher, {}));
  ASSERT_TRUE(bus::publish(publisher, kCleanedSubject, "{\"id\": 1}", "junk"));
  const std::string db = (dir_.path() / "scaled.db").string();
  auto store = store::Store::open(db, store::OpenMode::kReadWrite);
  auto clusterer = Clusterer::open(publisher, pipeline_, *store, {.linger = 100ms});
  auto round = clusterer->run_once();
  ASSERT_TRUE(round);
  ASSERT_EQ(round->errors.size(), 1u);
  EXPECT_EQ(round->errors[0].where, std::string(kCleanedSubject) + " #1");
  EXPECT_EQ(clusterer->position(), 1);
}

// Workers finish in any order; the clusterer places articles in the order their raw ones
// were published: what comes after an article still being cleaned waits for it (at most
// gap_wait), and a worker's refusal fills its place. Positions: what a restart reads again.
TEST_F(ClustererTest, ArticlesWaitForTheOnesRawBeforeThemAndAGapForGapWaitAtMost) {
  bus::Connection publisher = process();
  ASSERT_TRUE(ensure_article_log(publisher, {}));
  const IngestBatch seeds = read_batch({kSeeds}, pipeline_);
  ASSERT_EQ(seeds.documents.size(), 5u);
  auto cleaned = [&](size_t doc, uint64_t raw) { publish_cleaned(publisher, seeds, doc, raw); };
  auto refused = [&](uint64_t raw) {
    bus::CleanedArticle m;
    m.raw_sequence = raw;
    m.refused = true;
    ASSERT_TRUE(bus::publish(publisher, kCleanedSubject, bus::encode_cleaned(m),
                             "r" + std::to_string(raw)));
  };
  auto store =
      store::Store::open((dir_.path() / "ordered.db").string(), store::OpenMode::kReadWrite);
  constexpr auto kGapWait = 1500ms;
  auto clusterer = Clusterer::open(publisher, pipeline_, *store,
                                   {.linger = 50ms, .wait = 300ms, .gap_wait = kGapWait});
  ASSERT_TRUE(clusterer);
  // Rounds until `done` holds (a slow machine may need more than one round to read what
  // was published), adding up what they read and placed.
  struct Totals {
    size_t read = 0;
    int added = 0;
  };
  auto rounds_until = [&](const std::function<bool(const Totals&)>& done) {
    Totals totals;
    for (auto deadline = std::chrono::steady_clock::now() + 20s;
         !done(totals) && std::chrono::steady_clock::now() < deadline;) {
      auto round = clusterer->run_once();
      EXPECT_TRUE(round) << round.error().to_string();
      if (!round) break;
      totals.read += round->read;
      totals.added += round->summary.counts.added;
    }
    return totals;
  };
  cleaned(1, 2);  // the second worker was faster
  cleaned(2, 3);
  Totals totals = rounds_until([](const Totals& t) { return t.read >= 2; });
  EXPECT_EQ(totals.read, 2u);
  EXPECT_EQ(totals.added, 0);  // raw 1 is still being cleaned
  EXPECT_EQ(clusterer->position(), 0);
  cleaned(0, 1);
  refused(4);
  cleaned(3, 5);
  totals = rounds_until([](const Totals& t) { return t.added >= 4; });
  EXPECT_EQ(totals.added, 4);  // 1, 2, 3 and 5, the refusal in between
  EXPECT_EQ(store->log_position()->read_up_to, 5);

  cleaned(4, 7);  // raw 6 is with a worker that was killed
  totals = rounds_until([](const Totals& t) { return t.read >= 1; });
  const auto gap_seen = std::chrono::steady_clock::now();
  EXPECT_EQ(totals.read, 1u);
  EXPECT_EQ(totals.added, 0);
  totals = rounds_until([](const Totals& t) { return t.added >= 1; });
  EXPECT_EQ(totals.added, 1);  // waited gap_wait: on without it
  EXPECT_GE(std::chrono::steady_clock::now() - gap_seen, kGapWait - 400ms);
  EXPECT_EQ(store->log_position()->read_up_to, 6);
}

// A clusterer taking over goes on in the raw order where the last one stored it: what the
// last one held back behind an article still being cleaned waits for it again, and is not
// placed first because it is the first the new one reads.
TEST_F(ClustererTest, AClustererTakingOverPlacesInTheRawOrderTheLastOneStored) {
  bus::Connection publisher = process();
  ASSERT_TRUE(ensure_article_log(publisher, {}));
  const IngestBatch seeds = read_batch({kSeeds}, pipeline_);
  ASSERT_EQ(seeds.documents.size(), 5u);
  auto cleaned = [&](size_t doc, uint64_t raw) { publish_cleaned(publisher, seeds, doc, raw); };
  const std::string path = (dir_.path() / "takeover.db").string();
  const ClustererConfig config{.linger = 50ms, .wait = 300ms, .gap_wait = 60s};
  {
    auto store = store::Store::open(path, store::OpenMode::kReadWrite);
    auto first = Clusterer::open(publisher, pipeline_, *store, config);
    ASSERT_TRUE(first);
    cleaned(0, 1);
    cleaned(1, 2);
    auto round = first->run_once();
    ASSERT_TRUE(round) << round.error().to_string();
    EXPECT_EQ(round->summary.counts.added, 2);
    EXPECT_EQ(*store->log_position(), (store::LogPosition{2, 3}));
    cleaned(3, 4);  // raw 3 is still with a worker
    round = first->run_once();
    ASSERT_TRUE(round);
    EXPECT_EQ(round->summary.counts.added, 0);
  }  // the first clusterer dies, holding raw 4
  auto store = store::Store::open(path, store::OpenMode::kReadWrite);
  auto second = Clusterer::open(publisher, pipeline_, *store, config);
  ASSERT_TRUE(second);
  auto round = second->run_once();
  ASSERT_TRUE(round) << round.error().to_string();
  EXPECT_TRUE(round->leading);
  EXPECT_EQ(round->read, 1u);
  EXPECT_EQ(round->summary.counts.added, 0);  // raw 4 waits for raw 3 again
  cleaned(2, 3);
  round = second->run_once();
  ASSERT_TRUE(round) << round.error().to_string();
  EXPECT_EQ(round->summary.counts.added, 2);
  EXPECT_EQ(*store->log_position(), (store::LogPosition{4, 5}));
}

// A clusterer behind the stream stores what was waiting at once: lingering for more would
// only delay articles that have waited already. Caught up, it lingers as configured.
TEST_F(ClustererTest, ARoundThatFindsArticlesWaitingDoesNotLingerForMore) {
  publish_and_clean({kSeeds}, 5);
  auto store =
      store::Store::open((dir_.path() / "behind.db").string(), store::OpenMode::kReadWrite);
  bus::Connection connection = process();
  auto clusterer = Clusterer::open(connection, pipeline_, *store, {.linger = 20s});
  ASSERT_TRUE(clusterer);
  const auto started = std::chrono::steady_clock::now();
  auto round = clusterer->run_once();
  ASSERT_TRUE(round) << round.error().to_string();
  EXPECT_EQ(round->read, 5u);
  EXPECT_EQ(round->summary.counts.added, 5);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);  // not the 20 s linger
}

// A clusterer standing by holds no reader of the cleaned stream, so the servers push it
// nothing: taking over, it reads from the store's position anyway.
TEST_F(ClustererTest, AClustererStandingByHoldsNoReaderOfTheStream) {
  publish_and_clean({kSeeds}, 5);
  const std::string db = (dir_.path() / "lead.db").string();
  auto first_store = store::Store::open(db, store::OpenMode::kReadWrite);
  auto second_store = store::Store::open(db, store::OpenMode::kReadWrite);
  ASSERT_TRUE(first_store && second_store);
  bus::Connection first_connection = process(), second_connection = process();
  auto leader = Clusterer::open(first_connection, pipeline_, *first_store, {.wait = 100ms});
  ASSERT_TRUE(leader);
  auto led = leader->run_once();
  ASSERT_TRUE(led && led->leading);
  auto consumers = [&] { return bus::stream_state(second_connection, kCleanedStream)->consumers; };
  const int64_t with_leader = consumers();
  auto standby = Clusterer::open(second_connection, pipeline_, *second_store, {.wait = 100ms});
  ASSERT_TRUE(standby);
  // open() checks that the stream can be read: one more consumer, as the server counts it
  // (it may count a moment late under the sanitized build's load).
  for (auto deadline = std::chrono::steady_clock::now() + 5s;
       consumers() != with_leader + 1 && std::chrono::steady_clock::now() < deadline;)
    std::this_thread::sleep_for(50ms);
  EXPECT_EQ(consumers(), with_leader + 1);
  auto round = standby->run_once();
  ASSERT_TRUE(round);
  EXPECT_FALSE(round->leading);
  for (auto deadline = std::chrono::steady_clock::now() + 5s;
       consumers() != with_leader && std::chrono::steady_clock::now() < deadline;)
    std::this_thread::sleep_for(50ms);
  EXPECT_EQ(consumers(), with_leader);
}

// Articles pushed to the clusterer's reader one by one as they were cleaned each say that
// nothing waited behind them (pending 0); a round that finds them waiting still reads them
// all into one batch, past a linger of a millisecond.
TEST_F(ClustererTest, ARoundReadsAllThatWaitsEvenWhenEachWasPushedOnArrival) {
  bus::Connection publisher = process();
  ASSERT_TRUE(ensure_article_log(publisher, {}));
  auto store =
      store::Store::open((dir_.path() / "pushed.db").string(), store::OpenMode::kReadWrite);
  bus::Connection connection = process();
  auto clusterer = Clusterer::open(connection, pipeline_, *store, {.linger = 1ms});
  ASSERT_TRUE(clusterer);  // its reader is open before anything is published
  publish_and_clean({kSeeds}, 5);
  std::this_thread::sleep_for(500ms);  // all pushed to the reader by now
  auto round = clusterer->run_once();
  ASSERT_TRUE(round) << round.error().to_string();
  EXPECT_EQ(round->read, 5u);
  EXPECT_EQ(round->summary.counts.added, 5);
}

// Write-behind (engine/clusterer.h): batch N is written by a second Store while batch N+1
// is prepared. A write refused because another writer committed first (here a `recoupe
// ingest` of one more article) drops the batch prepared on it, and the rounds after read
// both again from the store's position: every article stored once, the position never
// ahead of what is stored.
TEST_F(ClustererTest, AFailedWriteBehindLosesNothingAndTheRoundsAfterRecover) {
  publish_and_clean({kSeeds}, 5);
  const std::string db = (dir_.path() / "behind.db").string();
  auto store = store::Store::open(db, store::OpenMode::kReadWrite);
  auto writer = store::Store::open(db, store::OpenMode::kReadWrite);
  ASSERT_TRUE(store && writer);
  bus::Connection connection = process();
  auto clusterer =
      Clusterer::open(connection, pipeline_, *store, {.batch = 2, .wait = 500ms}, &*writer);
  ASSERT_TRUE(clusterer);
  auto first = clusterer->run_once();  // two articles prepared, their write started
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(first->read, 2u);
  // Another writer commits while the clusterer's state runs ahead of the store.
  other_writer_commits(db);
  size_t errors = 0, read = first->read;
  for (int i = 0; i < 12; ++i) {
    auto round = clusterer->run_once();
    if (!round) {
      ++errors;
      EXPECT_LE(store->log_position()->read_up_to, 2) << "nothing of the refused batch";
      continue;
    }
    read += round->read;
    if (round->read == 0 && store->log_position()->read_up_to == 5) break;
  }
  EXPECT_EQ(errors, 1u);  // the refused write, told once
  EXPECT_GT(read, 5u);    // the refused articles were read again
  EXPECT_EQ(store->log_position()->read_up_to, 5);
  std::map<std::string, int> times;
  for (const auto& [id, story] : contents(*store))
    for (const auto& article : story.first) ++times[article];
  EXPECT_EQ(times.size(), 6u);  // the five seeds and the other writer's article
  for (const auto& [article, n] : times) EXPECT_EQ(n, 1) << article;
}

// A step of checks whose store is refused (another writer committed while it was made)
// drops the clusterer's live state; its stories still wait in the store, and the rounds
// after check them although no new article comes to rebuild that state.
TEST_F(ClustererTest, AStepOfChecksRefusedByTheStoreIsTakenAgainWithoutANewBatch) {
  publish_and_clean({kSeeds}, 5);
  const std::string db = (dir_.path() / "steps.db").string();
  auto store = store::Store::open(db, store::OpenMode::kReadWrite);
  ASSERT_TRUE(store);
  bus::Connection connection = process();
  auto clusterer = Clusterer::open(connection, pipeline_, *store, {.wait = 200ms});
  ASSERT_TRUE(clusterer);
  auto first = clusterer->run_once();  // the seeds stored, their story unchecked
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(first->summary.counts.added, 5);
  EXPECT_EQ(store->unchecked_stories()->size(), 1u);
  // Another writer commits: the step the next round takes is made on the state before.
  other_writer_commits(db);
  size_t refused = 0;
  for (int i = 0; i < 20 && !store->unchecked_stories()->empty(); ++i)
    if (auto round = clusterer->run_once(); !round) ++refused;
  EXPECT_EQ(refused, 1u);  // the step made on the state before the other writer's batch
  EXPECT_TRUE(store->unchecked_stories()->empty());
  EXPECT_EQ(contents(*store).size(), 2u);
}

// Written behind in batches of 50, the French dev set gives the stories and reports that
// `recoupe ingest` gives in the same batches (the articles of a batch still being written
// are taken from memory, as the store gives them back).
TEST_F(ClustererTest, WriteBehindStoresWhatIngestStoresInTheSameBatches) {
  REQUIRE_POSTGRES();
  if (!std::filesystem::exists(kDevSets + "rpm2-fr-dev.jsonl")) GTEST_SKIP() << "no ../shared/data";
  const IngestBatch all = french_dev_set_cleaned();
  const std::string url = recoupe::testing::shared_postgres().new_database();
  auto store = store::Store::open(url, store::OpenMode::kReadWrite);
  auto writer = store::Store::open(url, store::OpenMode::kReadWrite);
  ASSERT_TRUE(store && writer);
  bus::Connection connection = process();
  auto clusterer = Clusterer::open(connection, pipeline_, *store,
                                   {.batch = 50, .wait = 500ms, .check_later = false}, &*writer);
  ASSERT_TRUE(clusterer);
  for (int i = 0; i < 20 && store->log_position()->read_up_to < int64_t(all.documents.size());
       ++i) {
    auto round = clusterer->run_once();
    ASSERT_TRUE(round) << round.error().to_string();
  }
  EXPECT_EQ(*store->generation(), int64_t(all.documents.size() + 49) / 50);

  EXPECT_EQ(contents(*store), ingested_in_batches(all, 50));
}

// Checked behind (the default): every batch is stored before its stories are cross-checked
// (no batch spends time on a cross-check), the checks are stored between the batches as
// generations of their own, and once none waits every story has the report a clusterer
// checking inside the same batches stores.
TEST_F(ClustererTest, StoriesCheckedBehindTheBatchesEndAsIfCheckedInThem) {
  REQUIRE_POSTGRES();
  if (!std::filesystem::exists(kDevSets + "rpm2-fr-dev.jsonl")) GTEST_SKIP() << "no ../shared/data";
  const IngestBatch all = french_dev_set_cleaned();
  const std::string url = recoupe::testing::shared_postgres().new_database();
  auto store = store::Store::open(url, store::OpenMode::kReadWrite);
  auto writer = store::Store::open(url, store::OpenMode::kReadWrite);
  ASSERT_TRUE(store && writer);
  bus::Connection connection = process();
  auto clusterer = Clusterer::open(connection, pipeline_, *store,
                                   {.batch = 50, .wait = 500ms, .check_stories = 4}, &*writer);
  ASSERT_TRUE(clusterer);
  size_t stories_checked = 0;
  for (int i = 0; i < 40 && store->log_position()->read_up_to < int64_t(all.documents.size());
       ++i) {
    auto round = clusterer->run_once();
    ASSERT_TRUE(round) << round.error().to_string();
    if (round->summary.committed >= 0) EXPECT_EQ(round->summary.seconds.cross_check, 0.0);
    if (round->checks.committed >= 0) stories_checked += round->checks.updated.size();
  }
  check_all(*clusterer, &stories_checked);
  EXPECT_EQ(store->log_position()->read_up_to, int64_t(all.documents.size()));
  auto unchecked = store->unchecked_stories();
  ASSERT_TRUE(unchecked);
  EXPECT_TRUE(unchecked->empty());
  // Generations: the 4 batches and every step of checks stored (some made during the rounds
  // counted above, the rest while check_all ran).
  EXPECT_GT(*store->generation(), int64_t(all.documents.size() + 49) / 50);

  EXPECT_EQ(contents(*store), ingested_in_batches(all, 50));
  // Each story at least once (a story growing while checked is checked again).
  EXPECT_GE(stories_checked, contents(*store).size());
}

// The dev clustering sets, French (200 articles) and English (770), over PostgreSQL: the
// same stories and reports as `recoupe ingest` of the file in one process.
class ClustererDevSetTest : public ClustererTest,
                            public ::testing::WithParamInterface<const char*> {};

TEST_P(ClustererDevSetTest, IsStoredOverPostgresAsOneProcessStoresIt) {
  REQUIRE_POSTGRES();
  const std::string set = kDevSets + GetParam();
  if (!std::filesystem::exists(set)) GTEST_SKIP() << "no ../shared/data";
  const size_t articles = read_batch({set}, pipeline_).documents.size();
  publish_and_clean({set}, articles);
  const std::string url = recoupe::testing::shared_postgres().new_database();
  // A reader open before the batch (an API server) sees it once committed.
  ASSERT_TRUE(store::Store::open(url, store::OpenMode::kReadWrite));  // the schema
  auto reader = store::Store::open(url, store::OpenMode::kReadOnly);
  ASSERT_TRUE(reader) << reader.error().to_string();
  EXPECT_EQ(*reader->generation(), 0);
  cluster_all(url, articles);
  EXPECT_GE(*reader->generation(), 1);  // the batch, then the steps of checks behind it
  EXPECT_EQ(contents(*reader), single_process({set}));
}

INSTANTIATE_TEST_SUITE_P(, ClustererDevSetTest,
                         ::testing::Values("rpm2-fr-dev.jsonl", "ecbplus-dev.jsonl"),
                         [](const auto& info) {
                           return std::string(info.param).starts_with("rpm2") ? "French"
                                                                              : "English";
                         });

}  // namespace
}  // namespace recoupe::engine
