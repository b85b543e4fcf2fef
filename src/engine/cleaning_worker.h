// CleaningWorker: one analysis worker of the scaled-out path (engine/article_log.h). Any
// number of them, on any machines, share the durable consumer "cleaning" of the raw stream:
// each raw article goes to one worker, which cleans it (Pipeline::extract, the step that
// costs most per article before placement) and publishes the cleaned article
// (bus::CleanedArticle) for the clusterer, then acknowledges the raw one. A worker killed
// at any moment loses nothing: an article it did not acknowledge goes to another worker
// after the consumer's ack wait, and publishing it again is absorbed by its message id.
//
//   auto worker = engine::CleaningWorker::open(connection, pipeline);
//   while (!stop) { auto round = worker->run_once(); ... }
//
// Bad input: a raw message that is not an article record, or an article with no text left
// after cleaning, is dropped from the queue for good (bus::Delivery::term; it stays in the
// raw stream) and reported in the round's errors, naming the message. Not thread-safe: one
// worker per thread (run_once cleans its batch on the pipeline's threads).
#pragma once

#include <chrono>
#include <vector>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "bus/work_queue.h"
#include "core/expected.h"
#include "engine/pipeline.h"

namespace recoupe::engine {

struct CleaningWorkerConfig {
  // Raw articles fetched at once and cleaned in parallel: enough to keep the pipeline's
  // threads busy, few enough that a killed worker's share comes back quickly.
  int batch = 32;
  // How long one fetch waits for the first raw article before the round ends empty.
  std::chrono::milliseconds wait{1000};
  // After the first raw article of a round, how long to fetch more (up to `batch`) before
  // cleaning. Articles published one at a time (200 a second shared by two workers) would
  // otherwise come one a round, and each round costs the bus a fetch, a publish confirmed
  // by the cleaned stream's replicas and the acks: in scale_bench at 200/s, 95 % of the
  // rounds carried one article. 50 ms adds that much to an article's lag at most. Keep it
  // well under consumer.ack_wait, or the first articles are handed out again meanwhile.
  std::chrono::milliseconds linger{50};
  // The shared consumer. Cleaning an article takes milliseconds (a round of `batch` well
  // under a second): an ack wait of 10 s expires for a worker that died, and is what the
  // clusterer waits for its articles (ClustererConfig::gap_wait); a round of huge pages
  // that outlasts it is cleaned twice, once stored (the message id). 5 deliveries stop an
  // article that kills every worker it reaches.
  bus::ConsumerConfig consumer;
  CleaningWorkerConfig();
};

// What one round did.
struct CleaningRound {
  size_t cleaned = 0;         // published and acknowledged
  size_t refused = 0;         // dropped for good (errors say why)
  std::vector<Error> errors;  // refused articles, and publishes that failed (to be retried)
};

class CleaningWorker {
 public:
  // Opens (creating when missing) the shared consumer. `connection` and `pipeline` must
  // outlive the worker. Fails with the bus's error naming the stream and consumer.
  static Expected<CleaningWorker> open(bus::Connection& connection, const Pipeline& pipeline,
                                       const CleaningWorkerConfig& config = {});

  // Fetches up to config.batch raw articles (waiting up to config.wait for the first, then
  // up to config.linger for more), cleans them, publishes the cleaned ones together
  // (bus::publish_all) and acknowledges each raw message once the cleaned stream has them. When
  // publishing fails, every raw message of the round is asked for again (nak): the round's errors
  // say so. Fails only when the fetch itself fails (the connection lost: call again, the client is
  // reconnecting).
  Expected<CleaningRound> run_once();

 private:
  // The round's raw articles: the first fetch, then what comes within config.linger.
  Expected<std::vector<bus::Delivery>> fetch_round();
  CleaningWorker(bus::Connection& connection, const Pipeline& pipeline, bus::WorkQueue queue,
                 const CleaningWorkerConfig& config)
      : connection_(&connection), pipeline_(&pipeline), queue_(std::move(queue)), config_(config) {}

  bus::Connection* connection_;
  const Pipeline* pipeline_;
  bus::WorkQueue queue_;
  CleaningWorkerConfig config_;
};

}  // namespace recoupe::engine
