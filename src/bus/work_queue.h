// A durable pull consumer shared by any number of processes: the work queue of a role (the
// analysis workers all pull raw articles from one). Each message goes to one process at a
// time; one not acknowledged within ack_wait (its worker killed, stuck, or it said nak)
// goes out again, to any of them, up to max_deliver times.
#pragma once

#include <memory>
#include <vector>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "bus/delivery.h"
#include "core/expected.h"

namespace recoupe::bus {

namespace detail {
struct WorkQueueState;
}

class WorkQueue {
 public:
  // Creates the durable consumer `config.durable` on `config.stream` when missing, updates
  // it when its settings differ (ack wait, max deliver, max ack pending), and binds to it.
  // Every process of the role calls this with the same config; the consumer stays on the
  // servers (replicated with the stream) when the processes stop. Fails with one line
  // naming the stream and consumer (no such stream, a filter outside the stream's subjects).
  static Expected<WorkQueue> open(Connection& connection, const ConsumerConfig& config);

  WorkQueue(WorkQueue&&) noexcept;
  WorkQueue& operator=(WorkQueue&&) noexcept;
  ~WorkQueue();

  // Up to `max` messages, waiting at most `timeout` for the first; fewer (or none: an empty
  // list) when no more are waiting. Each must be answered (ack, nak, in_progress, term);
  // one that is not comes back after ack_wait. Fails on a lost connection (the client is
  // reconnecting: call again) or a deleted consumer. Call from one thread at a time.
  Expected<std::vector<Delivery>> fetch(int max, milliseconds timeout);

  // Messages of the stream not yet handed out by this consumer, and handed out but not yet
  // acknowledged (the consumer's own counts, from the servers).
  struct Backlog {
    uint64_t pending = 0;
    int64_t unacknowledged = 0;
    int64_t redelivered = 0;
  };
  Expected<Backlog> backlog();

 private:
  explicit WorkQueue(std::unique_ptr<detail::WorkQueueState> state);
  std::unique_ptr<detail::WorkQueueState> state_;
};

}  // namespace recoupe::bus
