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
    : limits_(limits), write_(std::move(write)), writer_([this] { write_loop(); }) {}

GroupCommit::~GroupCommit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  writer_.join();
}

size_t GroupCommit::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

bool GroupCommit::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return done_.wait_for(lock, timeout,
                        [this] { return stopping_ || (queue_.empty() && !storing_); });
}

Expected<engine::IngestSummary> GroupCommit::ingest(engine::IngestBatch batch) {
  Request mine{std::move(batch), std::nullopt};
  std::unique_lock lock(mutex_);
  queue_.push_back(&mine);
  work_.notify_one();
  done_.wait(lock, [&] { return mine.answer.has_value(); });
  return std::move(*mine.answer);
}

void GroupCommit::write_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing waits
    std::deque<Request*> group = take_group();
    storing_ = true;
    lock.unlock();
    std::vector<Expected<engine::IngestSummary>> answers = store_group(group);
    lock.lock();  // an owner reads its answer under the mutex once it is set
    for (size_t k = 0; k < group.size(); ++k) group[k]->answer = std::move(answers[k]);
    storing_ = false;
    done_.notify_all();
  }
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

// Not under mutex_: one answer per request of the group, in its order.
std::vector<Expected<engine::IngestSummary>> GroupCommit::store_group(std::deque<Request*>& group) {
  std::vector<Expected<engine::IngestSummary>> answers;
  try {
    if (group.size() == 1) {  // alone: the batch as it came, the summary as it is
      answers.push_back(write_(std::move(group.front()->batch)));
      return answers;
    }
    std::vector<engine::IngestBatch> batches;
    for (Request* r : group) batches.push_back(std::move(r->batch));
    SharedBatch shared = merge_batches(std::move(batches));
    Expected<engine::IngestSummary> whole = write_(std::move(shared.batch));
    if (!whole) return std::vector<Expected<engine::IngestSummary>>(group.size(), whole.error());
    for (engine::IngestSummary& part : split_summary(*whole, shared))
      answers.push_back(std::move(part));
    return answers;
  } catch (const std::exception& e) {  // every waiting request must get an answer
    const Error failed{"ingest", std::string("internal error: ") + e.what()};
    return std::vector<Expected<engine::IngestSummary>>(group.size(), failed);
  }
}

}  // namespace recoupe::server
