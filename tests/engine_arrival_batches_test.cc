// Arrival batches (engine/arrival_batches.h): documents arriving over time, cut into ingest
// batches by size, by a quiet spell, and at the end of the input.
#include "engine/arrival_batches.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace recoupe::engine {
namespace {

RawDocument doc(const std::string& id) {
  RawDocument d;
  d.id = id;
  d.content = "text of " + id;
  return d;
}

std::vector<size_t> sizes(const std::vector<IngestBatch>& batches) {
  std::vector<size_t> out;
  for (const auto& b : batches) out.push_back(b.documents.size() + b.refused.size());
  return out;
}

TEST(ArrivalBatches, ABatchIsNeverLargerThanItsLimitAndTheEndClosesTheLast) {
  std::vector<IngestBatch> got;
  ArrivalOptions options;
  options.max_documents = 2;
  options.quiet = std::chrono::seconds(30);  // only the size and the end close a batch here
  const bool read_all = batch_arrivals(
      [](const DocumentSink& sink) {
        for (int i = 0; i < 5; ++i) sink(doc("d" + std::to_string(i)));
      },
      options,
      [&](IngestBatch b) {
        got.push_back(std::move(b));
        return true;
      });
  EXPECT_TRUE(read_all);
  EXPECT_EQ(sizes(got), (std::vector<size_t>{2, 2, 1}));
  EXPECT_EQ(got[2].documents[0].id, "d4");  // in arrival order
}

TEST(ArrivalBatches, AQuietSpellCommitsWhatWaitsBeforeTheInputEnds) {
  // The reader sends one document and waits until it is committed: without the quiet rule
  // the batch would wait for the end of the input, which comes only after that.
  std::promise<void> first_committed;
  auto committed = first_committed.get_future();
  std::atomic<bool> seen_before_end{false};
  std::vector<IngestBatch> got;
  ArrivalOptions options;
  options.quiet = std::chrono::milliseconds(20);
  batch_arrivals(
      [&](const DocumentSink& sink) {
        sink(doc("first"));
        seen_before_end = committed.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
        sink(Error{"line 2", "not JSON"});
        sink(doc("second"));
      },
      options,
      [&](IngestBatch b) {
        if (got.empty()) first_committed.set_value();
        got.push_back(std::move(b));
        return true;
      });
  EXPECT_TRUE(seen_before_end);
  ASSERT_GE(got.size(), 2u);
  EXPECT_EQ(got[0].documents.size(), 1u);
  EXPECT_EQ(got[0].documents[0].id, "first");
  size_t refused = 0;
  for (const auto& b : got) refused += b.refused.size();
  EXPECT_EQ(refused, 1u);  // a refusal rides with a batch, counted once
}

TEST(ArrivalBatches, AFailedCommitStopsWithoutWaitingForTheInput) {
  // The reader then blocks, as on a pipe where nothing more comes; the call returns anyway.
  auto release = std::make_shared<std::promise<void>>();
  auto released = release->get_future().share();
  ArrivalOptions options;
  options.quiet = std::chrono::milliseconds(10);
  int commits = 0;
  const bool read_all = batch_arrivals(
      [released](const DocumentSink& sink) {
        sink(doc("only"));
        released.wait();
        sink(doc("dropped"));
      },
      options,
      [&](IngestBatch) {
        ++commits;
        return false;
      });
  EXPECT_FALSE(read_all);
  EXPECT_EQ(commits, 1);
  release->set_value();  // lets the detached reader finish; what it sends is dropped
}

}  // namespace
}  // namespace recoupe::engine
