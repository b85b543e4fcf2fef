// Store::hold_lead over both backends: one holder at a time, kept while held, let go when
// the holding Store closes; another name is another lead; a position is recorded with each
// batch that carries one (Store::log_position).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "ingest_test_util.h"
#include "store/store.h"
#include "store_backends.h"

namespace recoupe::store {
namespace {

using recoupe::testing::StoreKind;

class StoreLead : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    REQUIRE_STORE(GetParam());
    location_ = recoupe::testing::fresh_store(GetParam(), dir_);
  }
  Store open() {
    auto store = Store::open(location_, OpenMode::kReadWrite);
    EXPECT_TRUE(store) << store.error().to_string();
    return std::move(*store);
  }
  recoupe::testing::TempDir dir_;
  std::string location_;
};

TEST_P(StoreLead, OneHolderAtATimeUntilItCloses) {
  Store second = open();
  {
    Store first = open();
    EXPECT_TRUE(*first.hold_lead("clusterer"));
    EXPECT_TRUE(*first.hold_lead("clusterer"));  // still held
    EXPECT_FALSE(*second.hold_lead("clusterer"));
    EXPECT_TRUE(*second.hold_lead("other"));  // another lead
  }
  // The holder is gone: its lead is free once the database has seen its session end (a
  // PostgreSQL backend ends a moment after its client closes), as a standby retrying sees.
  bool taken = false;
  for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
       !taken && std::chrono::steady_clock::now() < until;
       std::this_thread::sleep_for(std::chrono::milliseconds(20)))
    taken = *second.hold_lead("clusterer");
  EXPECT_TRUE(taken);
  Store third = open();
  EXPECT_FALSE(*third.hold_lead("clusterer"));
}

TEST_P(StoreLead, TheLogPositionIsTheFurthestOneABatchRecorded) {
  Store store = open();
  EXPECT_EQ(*store.log_position(), LogPosition{});
  BatchWrite write;
  write.at = "2026-12-04T19:00:00Z";
  write.log_position = LogPosition{42, 17};
  ASSERT_TRUE(store.apply(write));
  EXPECT_EQ(*store.log_position(), (LogPosition{42, 17}));
  BatchWrite without;  // a batch of `recoupe ingest`: no position
  without.base_generation = 1;
  without.at = "2026-12-04T19:01:00Z";
  ASSERT_TRUE(store.apply(without));
  EXPECT_EQ(*store.log_position(), (LogPosition{42, 17}));
  BatchWrite unknown_raw;  // a clusterer that did not know where the raw order stood
  unknown_raw.base_generation = 2;
  unknown_raw.at = "2026-12-04T19:02:00Z";
  unknown_raw.log_position = LogPosition{50, std::nullopt};
  ASSERT_TRUE(store.apply(unknown_raw));
  EXPECT_EQ(*store.log_position(), (LogPosition{50, std::nullopt}));
}

INSTANTIATE_STORE_TEST_SUITE_P(StoreLead);

}  // namespace
}  // namespace recoupe::store
