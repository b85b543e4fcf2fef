// RawOrder: puts the cleaned articles back in the order their raw articles were published,
// for the clusterer of the scaled-out path (engine/clusterer.h).
//
// The grouper is online: where an article goes depends on what came before it. The analysis
// workers clean raw articles in parallel and publish them when each is done, so the cleaned
// stream's order depends on which worker was faster, and an article a killed worker held
// comes back only after the work queue's ack wait (then 30 s: ~4,500 articles later at 150/s),
// which changed up to 55 of 2,344 stories in the fault runs (bench/README.md,
// scale_faults). Placed in the raw stream's order instead, the articles meet the grouper
// in the same order whatever the workers did, and the partition is the clean run's.
//
//   RawOrder order(config.gap_wait);
//   order.add(item);                        // as read off the cleaned stream
//   for (auto& item : order.release(now))   // in raw order, as far as nothing is missing
//     place(item);
//   store_position = order.settled(last_read);
//
// A raw sequence missing in between (its article still with a worker) holds back everything
// after it, for at most `gap_wait`; past it the clusterer goes on without it and places it
// when it comes (late, as it would have been without this). A worker's refusal of a raw
// article (bus::CleanedArticle::refused) fills its place. Items without a raw sequence (0)
// are released as they come. Value type; not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "bus/cleaned_article.h"

namespace recoupe::engine {

class RawOrder {
 public:
  using Clock = std::chrono::steady_clock;

  // One message of the cleaned stream.
  struct Item {
    int64_t cleaned_sequence = 0;  // its place in the cleaned stream
    bus::CleanedArticle message;   // message.raw_sequence: its place in the raw stream
  };

  explicit RawOrder(std::chrono::milliseconds gap_wait) : gap_wait_(gap_wait) {}

  // The next raw sequence expected. Unknown (nullopt) after a start or a takeover: then
  // anchor() or the first release() sets it; on an empty store, 1.
  void expect(std::optional<uint64_t> next_raw) { next_raw_ = next_raw; }
  std::optional<uint64_t> expected() const { return next_raw_; }

  // When the next raw sequence is unknown: the smallest held that `pending` says is still
  // to place. Re-read after a restart, an article already stored (placed late, after the
  // position) or a refusal already passed must not be taken for the next one: the raw
  // sequences after it, stored already, would then look missing and be waited for in vain.
  // None pending: all that is held goes out as late ones.
  void anchor(const std::function<bool(const Item&)>& pending);

  // Holds an item read off the cleaned stream. An item whose raw sequence is already held
  // (a redelivered article cleaned twice) is dropped: the first one says the same.
  void add(Item item);

  // The items that can be placed now, in raw order: those from the next expected raw
  // sequence on with none missing in between, those older than it (late ones), and those
  // without a raw sequence. A gap open for gap_wait is passed over.
  std::vector<Item> release(Clock::time_point now);

  // The cleaned stream's position up to which every item has been released: the one before
  // the first item still held, or `read_up_to` when none is held. The store keeps it, so a
  // restart reads again what was held (and what was released after it: found unchanged).
  int64_t settled(int64_t read_up_to) const;

  size_t held() const { return held_.size() + unordered_.size(); }

 private:
  std::chrono::milliseconds gap_wait_;
  std::map<uint64_t, Item> held_;  // by raw sequence
  std::vector<Item> unordered_;    // without a raw sequence: out at the next release()
  std::optional<uint64_t> next_raw_;
  std::optional<Clock::time_point> gap_since_;  // when the clusterer started waiting for a gap
};

}  // namespace recoupe::engine
