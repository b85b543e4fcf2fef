#include "server/group_commit.h"

#include <exception>
#include <string>
#include <utility>

#include "server/shared_batch.h"

namespace recoupe::server {
namespace {

size_t bytes_of(const engine::IngestBatch& batch) {
  size_t n = 0;
  for (const RawDocument& d : batch.documents) n += d.content.size();
  return n;
}

}  // namespace

GroupCommit::GroupCommit(GroupLimits limits, Write write)
    : limits_(limits), write_(std::move(write)) {}

size_t GroupCommit::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

Expected<engine::IngestSummary> GroupCommit::ingest(engine::IngestBatch batch) {
  Request mine{std::move(batch), std::nullopt};
  std::unique_lock lock(mutex_);
  queue_.push_back(&mine);
  // Whoever finds the writer free stores the oldest waiting batches, its own among them
  // sooner or later (the queue is first in, first out).
  while (!mine.answer) {
    if (writing_) {
      done_.wait(lock);
      continue;
    }
    writing_ = true;
    std::deque<Request*> group = take_group();
    lock.unlock();
    store_group(group);  // sets every answer of the group
    lock.lock();
    writing_ = false;
    done_.notify_all();
  }
  return std::move(*mine.answer);
}

std::deque<GroupCommit::Request*> GroupCommit::take_group() {
  std::deque<Request*> group;
  size_t documents = 0, bytes = 0;
  while (!queue_.empty()) {
    const engine::IngestBatch& next = queue_.front()->batch;
    const size_t more_documents = documents + next.documents.size();
    const size_t more_bytes = bytes + bytes_of(next);
    if (!group.empty() &&
        (more_documents > limits_.max_documents || more_bytes > limits_.max_bytes))
      break;
    documents = more_documents;
    bytes = more_bytes;
    group.push_back(queue_.front());
    queue_.pop_front();
  }
  return group;
}

// Not under mutex_: the answers are read by their owners only once writing_ is false again.
void GroupCommit::store_group(std::deque<Request*>& group) {
  try {
    if (group.size() == 1) {  // alone: the batch as it came, the summary as it is
      group.front()->answer = write_(std::move(group.front()->batch));
      return;
    }
    std::vector<engine::IngestBatch> batches;
    for (Request* r : group) batches.push_back(std::move(r->batch));
    SharedBatch shared = merge_batches(std::move(batches));
    Expected<engine::IngestSummary> whole = write_(std::move(shared.batch));
    if (!whole) {
      for (Request* r : group) r->answer = whole.error();
      return;
    }
    std::vector<engine::IngestSummary> parts = split_summary(*whole, shared);
    for (size_t k = 0; k < group.size(); ++k) group[k]->answer = std::move(parts[k]);
  } catch (const std::exception& e) {  // every waiting request must get an answer
    for (Request* r : group)
      if (!r->answer) r->answer = Error{"ingest", std::string("internal error: ") + e.what()};
  }
}

}  // namespace recoupe::server
