// Plain NATS publish and subscribe, for story events: what an API server relays to its
// browsers over SSE. Nothing is stored or acknowledged: a subscriber hears what is
// published while it listens (a browser that reconnects reloads the stories it shows).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "bus/message.h"
#include "core/expected.h"

namespace recoupe::bus {

namespace detail {
struct EventSubscriptionState;
}

// Sends `data` on `subject` to whoever listens now (every subscriber gets a copy). Returns
// once buffered: call connection.flush() to wait until the server has it. A subject that
// a stream also holds is stored there too. Fails with one line naming the subject.
Expected<Done> publish_event(Connection& connection, const std::string& subject,
                             std::string_view data);

class EventSubscription {
 public:
  // Listens on `subject` ("recoupe.story.>"), from now on. Each subscription of each process
  // gets every message. The client keeps the subscription across reconnects.
  static Expected<EventSubscription> open(Connection& connection, const std::string& subject);

  EventSubscription(EventSubscription&&) noexcept;
  EventSubscription& operator=(EventSubscription&&) noexcept;
  ~EventSubscription();

  // The next message heard, or nullopt when none within `timeout`. Messages wait in the
  // client while not read (up to its pending limits; past them the oldest are dropped and
  // counted: a slow reader loses events, never blocks the publishers).
  Expected<std::optional<Message>> next(milliseconds timeout);

 private:
  explicit EventSubscription(std::unique_ptr<detail::EventSubscriptionState> state);
  std::unique_ptr<detail::EventSubscriptionState> state_;
};

}  // namespace recoupe::bus
