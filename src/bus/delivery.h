// One message handed to this process by a shared consumer, with the answers a worker gives
// back: done (ack), not now (nak), still working (in_progress), never (term).
#pragma once

#include <memory>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "bus/message.h"
#include "core/expected.h"

namespace recoupe::bus {

namespace detail {
struct DeliveryHandle;
}

// Move-only: it holds the client's message, which the answer is sent on. A delivery
// destroyed without an answer is delivered again (to any process) after the consumer's
// ack_wait, exactly like one whose worker was killed.
class Delivery {
 public:
  explicit Delivery(std::unique_ptr<detail::DeliveryHandle> handle, Message message);
  Delivery(Delivery&&) noexcept;
  Delivery& operator=(Delivery&&) noexcept;
  ~Delivery();

  const Message& message() const { return message_; }

  // Done: the consumer does not deliver it again. Waits for the server's confirmation (an
  // ack lost on the way would mean one more delivery). Delivery stays at-least-once: when
  // the consumer's leader dies right after confirming, its followers may not have the ack
  // yet and deliver the message again (seen: a few in 2,000 around a kill -9). Writes that
  // a message causes must be idempotent (keyed by its id), as issue 15 requires.
  Expected<Done> ack();
  // Done, without waiting for the server's answer: no round trip, a fraction of ack()'s cost
  // (bench/README.md). An ack lost on the way (the connection breaking just then) means one
  // more delivery, which idempotent writes absorb like any other.
  Expected<Done> ack_unconfirmed();
  // Not now: deliver it again after `delay` (0: at once), to any process.
  Expected<Done> nak(milliseconds delay = milliseconds(0));
  // Still working: restarts its ack_wait. For work that may outlast ack_wait.
  Expected<Done> in_progress();
  // Never: the consumer drops it without delivering it again (input no worker can handle;
  // it stays in the stream).
  Expected<Done> term();

 private:
  std::unique_ptr<detail::DeliveryHandle> handle_;
  Message message_;
};

}  // namespace recoupe::bus
