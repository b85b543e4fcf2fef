// RawOrder (engine/raw_order.h): the clusterer's articles back in raw-stream order, a gap
// waited for at most gap_wait, refusals filling their place, and the position a restart
// reads again from.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "engine/raw_order.h"

namespace recoupe::engine {
namespace {

using namespace std::chrono_literals;
using Clock = RawOrder::Clock;

RawOrder::Item item(int64_t cleaned, uint64_t raw, bool refused = false) {
  RawOrder::Item i;
  i.cleaned_sequence = cleaned;
  i.message.raw_sequence = raw;
  i.message.refused = refused;
  i.message.article.id = "raw-" + std::to_string(raw);
  return i;
}

std::vector<uint64_t> raws(const std::vector<RawOrder::Item>& items) {
  std::vector<uint64_t> out;
  for (const auto& i : items) out.push_back(i.message.raw_sequence);
  return out;
}

TEST(RawOrder, ReleasesInRawOrderWhateverOrderTheWorkersPublishedIn) {
  RawOrder order(30s);
  order.expect(1);
  const auto t = Clock::now();
  // The second worker finished raw 3 and 4 before the first finished 1 and 2.
  order.add(item(1, 3));
  order.add(item(2, 4));
  EXPECT_TRUE(order.release(t).empty());
  EXPECT_EQ(order.settled(2), 0);  // a restart reads both again
  order.add(item(3, 1));
  EXPECT_EQ(raws(order.release(t)), (std::vector<uint64_t>{1}));
  EXPECT_EQ(order.settled(3), 0);
  order.add(item(4, 2));
  EXPECT_EQ(raws(order.release(t)), (std::vector<uint64_t>{2, 3, 4}));
  EXPECT_EQ(order.settled(4), 4);
  EXPECT_EQ(order.expected(), 5u);
}

TEST(RawOrder, AGapIsWaitedForAtMostGapWaitAndItsArticleIsPlacedWhenItComes) {
  RawOrder order(30s);
  order.expect(1);
  const auto t = Clock::now();
  order.add(item(1, 1));
  order.add(item(2, 3));  // raw 2: with a worker that was killed
  EXPECT_EQ(raws(order.release(t)), (std::vector<uint64_t>{1}));
  EXPECT_TRUE(order.release(t + 29s).empty());
  EXPECT_EQ(order.settled(2), 1);
  EXPECT_EQ(raws(order.release(t + 31s)), (std::vector<uint64_t>{3}));
  order.add(item(3, 2));  // redelivered after the ack wait, later still
  EXPECT_EQ(raws(order.release(t + 40s)), (std::vector<uint64_t>{2}));
  EXPECT_EQ(order.expected(), 4u);
  EXPECT_EQ(order.held(), 0u);
}

TEST(RawOrder, ARefusalFillsItsPlaceAndDuplicatesAndUnnumberedItemsDoNotWait) {
  RawOrder order(30s);
  const auto t = Clock::now();
  order.add(item(1, 5));  // after a start: the first one read sets the order
  order.add(item(2, 7));
  order.add(item(3, 0));  // from a worker that does not number its articles
  EXPECT_EQ(raws(order.release(t)), (std::vector<uint64_t>{0, 5}));
  order.add(item(4, 6, /*refused=*/true));
  order.add(item(5, 6));  // the same raw sequence again: dropped
  const auto out = order.release(t);
  EXPECT_EQ(raws(out), (std::vector<uint64_t>{6, 7}));
  EXPECT_TRUE(out[0].message.refused);
  EXPECT_EQ(order.settled(5), 5);
}

// After a restart the next raw sequence is not known. What is read again may hold an
// article already stored (placed late, after the stored position) or a refusal already
// passed: neither is where the order goes on from, or the raw sequences after it, stored
// already, would be waited for in vain (seen: a 51 s pause after a PostgreSQL restart).
TEST(RawOrder, AfterARestartTheOrderGoesOnFromTheFirstArticleNotStoredYet) {
  RawOrder order(30s);
  const auto t = Clock::now();
  order.add(item(1, 3));                    // stored already
  order.add(item(2, 4, /*refused=*/true));  // passed already
  order.add(item(3, 9));
  order.add(item(4, 10));
  order.anchor([](const RawOrder::Item& i) { return i.message.raw_sequence >= 9; });
  EXPECT_EQ(order.expected(), 9u);
  EXPECT_EQ(raws(order.release(t)), (std::vector<uint64_t>{3, 4, 9, 10}));
  EXPECT_EQ(order.expected(), 11u);

  RawOrder all_stored(30s);
  all_stored.add(item(5, 20));
  all_stored.add(item(6, 22));
  all_stored.anchor([](const RawOrder::Item&) { return false; });
  EXPECT_EQ(raws(all_stored.release(t)), (std::vector<uint64_t>{20, 22}));  // no wait for 21
}

}  // namespace
}  // namespace recoupe::engine
