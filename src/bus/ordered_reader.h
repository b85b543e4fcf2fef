// Reading a stream in order from a given sequence: what one clusterer needs to place the
// analyzed articles in the order they were stored, and to resume after a restart from the
// sequence after the last one it recorded as placed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "bus/message.h"
#include "core/expected.h"

namespace recoupe::bus {

namespace detail {
struct OrderedReaderState;
}

// JetStream's ordered consumer: the servers push the stream's messages one after the other,
// the client checks that none is skipped, and re-creates the consumer from the next
// expected sequence when a gap or a lost node breaks the flow. Nothing is acknowledged and
// nothing stays on the servers: where to resume is the reader's own record (the clusterer
// writes it with its placements), not the servers'.
class OrderedReader {
 public:
  // From `first_sequence` (1: the whole stream; last recorded + 1 after a restart), the
  // messages of `stream` on `subject` (a subject of the stream or a wildcard within it).
  // Fails with one line naming the stream (no such stream).
  static Expected<OrderedReader> open(Connection& connection, const std::string& stream,
                                      const std::string& subject, uint64_t first_sequence);

  OrderedReader(OrderedReader&&) noexcept;
  OrderedReader& operator=(OrderedReader&&) noexcept;
  ~OrderedReader();

  // The next message in stream order, or nullopt when none came within `timeout`: the
  // reader has caught up, or the cluster is moving the stream after a node loss (the flow
  // stops until the client sees the servers' heartbeats missing and re-creates its consumer
  // from the next sequence: seconds). Either way, call again; a message never comes out of
  // order, twice, or not at all. Call from one thread at a time.
  Expected<std::optional<Message>> next(milliseconds timeout);

 private:
  explicit OrderedReader(std::unique_ptr<detail::OrderedReaderState> state);
  std::unique_ptr<detail::OrderedReaderState> state_;
};

}  // namespace recoupe::bus
