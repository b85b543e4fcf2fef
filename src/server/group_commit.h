// GroupCommit: batches stored one at a time by one writer thread, those that arrive while
// it is busy stored together. A POST's request thread hands its batch over and waits; the
// writer, once free, takes every waiting batch (oldest first, within ServeConfig's bounds)
// and stores them as ONE batch (server/shared_batch.h): one cleaning pass, each touched
// story cross-checked once, one transaction. Each caller gets its own part of the summary
// once the shared batch is committed, so "answered 200 ⇒ stored" holds for every POST of a
// group. Under load the groups grow by themselves, and the cost per article falls; a POST
// that arrives when the writer is idle is stored alone, as before. The writer is a thread
// of its own so that it can run at another priority than the request threads (it keeps
// the priority of the thread that made the GroupCommit; ServeConfig::request_thread_nice).
//
//   GroupCommit commits({.max_documents = 200, .max_bytes = 16 << 20},
//                       [&](engine::IngestBatch b) { return live.ingest(std::move(b)); });
//   auto mine = commits.ingest(std::move(batch));   // from any thread
//
// A failure of the shared batch (the store's Error) is every member's answer: the batch is
// one transaction, so none of it was stored. Destroying it stores what still waits first.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/expected.h"
#include "engine/live_stories.h"

namespace recoupe::server {

struct GroupLimits {
  size_t max_documents = 200;   // ServeConfig::group_max_articles
  size_t max_bytes = 16 << 20;  // ServeConfig::group_max_bytes
};

class GroupCommit {
 public:
  // Stores one batch; called by the writer thread only.
  using Write = std::function<Expected<engine::IngestSummary>(engine::IngestBatch)>;
  GroupCommit(GroupLimits limits, Write write);  // starts the writer thread
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Stores `batch`, alone or with others; its own summary (the whole summary when alone).
  Expected<engine::IngestSummary> ingest(engine::IngestBatch batch);
  // Batches waiting for the writer now (not counting the one being stored).
  size_t waiting() const;
  // Waits up to `timeout` until no batch waits or is being stored (true), or the
  // GroupCommit is being destroyed (true); false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout);

 private:
  struct Request {
    engine::IngestBatch batch;
    std::optional<Expected<engine::IngestSummary>> answer;  // set once stored or failed
  };
  void write_loop();                  // the writer thread
  std::deque<Request*> take_group();  // under mutex_
  std::vector<Expected<engine::IngestSummary>> store_group(std::deque<Request*>& group);

  const GroupLimits limits_;
  const Write write_;
  mutable std::mutex mutex_;
  std::condition_variable work_;  // a batch waits, or stopping_
  std::condition_variable done_;  // a group was stored
  std::deque<Request*> queue_;    // oldest first
  bool stopping_ = false;
  bool storing_ = false;  // a group is being stored
  std::thread writer_;    // last: started once the rest is made
};

}  // namespace recoupe::server
