// GroupCommit: batches stored one at a time, those that arrive meanwhile stored together.
// A POST's batch is written by its own request thread when the writer is free; POSTs that
// arrive while a batch is being stored wait, and the first of them to find the writer free
// takes every waiting batch (oldest first, within ServeConfig's bounds) and stores them as
// ONE batch (server/shared_batch.h): one cleaning pass, each touched story cross-checked
// once, one transaction. Each caller gets its own part of the summary, once the shared
// batch is committed, so "answered 200 ⇒ stored" holds for every POST of a group. Under
// load the groups grow by themselves, and the cost per article falls; a POST that arrives
// when the writer is idle is stored alone, as before.
//
//   GroupCommit commits({.max_documents = 200, .max_bytes = 16 << 20},
//                       [&](engine::IngestBatch b) { return live.ingest(std::move(b)); });
//   auto mine = commits.ingest(std::move(batch));   // from any thread
//
// A failure of the shared batch (the store's Error) is every member's answer: the batch is
// one transaction, so none of it was stored. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

#include "core/expected.h"
#include "engine/live_stories.h"

namespace recoupe::server {

struct GroupLimits {
  size_t max_documents = 200;   // ServeConfig::group_max_articles
  size_t max_bytes = 16 << 20;  // ServeConfig::group_max_bytes
};

class GroupCommit {
 public:
  // Stores one batch; called by one thread at a time.
  using Write = std::function<Expected<engine::IngestSummary>(engine::IngestBatch)>;
  GroupCommit(GroupLimits limits, Write write);

  // Stores `batch`, alone or with others; its own summary (the whole summary when alone).
  Expected<engine::IngestSummary> ingest(engine::IngestBatch batch);
  // Batches waiting for the writer now (not counting the one being stored).
  size_t waiting() const;

 private:
  struct Request {
    engine::IngestBatch batch;
    std::optional<Expected<engine::IngestSummary>> answer;  // set once stored or failed
  };
  std::deque<Request*> take_group();  // under mutex_
  void store_group(std::deque<Request*>& group);

  const GroupLimits limits_;
  const Write write_;
  mutable std::mutex mutex_;
  std::condition_variable done_;
  std::deque<Request*> queue_;  // oldest first
  bool writing_ = false;
};

}  // namespace recoupe::server
