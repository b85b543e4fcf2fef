#include "bus/events.h"

#include "bus/delivery_handle.h"
#include "bus/nats_handles.h"

namespace recoupe::bus {
namespace detail {

struct EventSubscriptionState {
  std::shared_ptr<ConnectionState> connection;  // declared first: destroyed last
  Subscription subscription;                    // declared after the connection: dropped first
  std::string where;
};

}  // namespace detail

Expected<Done> publish_event(Connection& connection, const std::string& subject,
                             std::string_view data) {
  natsStatus s = natsConnection_Publish(connection.state()->connection.get(), subject.c_str(),
                                        data.data(), int(data.size()));
  if (s != NATS_OK) return detail::bus_error("subject " + subject, "cannot publish", s);
  return Done{};
}

EventSubscription::EventSubscription(std::unique_ptr<detail::EventSubscriptionState> state)
    : state_(std::move(state)) {}
EventSubscription::EventSubscription(EventSubscription&&) noexcept = default;
EventSubscription& EventSubscription::operator=(EventSubscription&&) noexcept = default;
EventSubscription::~EventSubscription() = default;

Expected<EventSubscription> EventSubscription::open(Connection& connection,
                                                    const std::string& subject) {
  auto state = std::make_unique<detail::EventSubscriptionState>();
  state->connection = connection.state();
  state->where = "subject " + subject;
  natsSubscription* sub = nullptr;
  natsStatus s =
      natsConnection_SubscribeSync(&sub, state->connection->connection.get(), subject.c_str());
  state->subscription = detail::Subscription(state->connection, sub, false);
  if (s != NATS_OK) return detail::bus_error(state->where, "cannot subscribe", s);
  // The server must know the subscription before open() returns, or an event published
  // right after would reach nobody.
  s = natsConnection_FlushTimeout(state->connection->connection.get(),
                                  state->connection->config.request_timeout.count());
  if (s != NATS_OK) return detail::bus_error(state->where, "cannot subscribe", s);
  return EventSubscription(std::move(state));
}

Expected<std::optional<Message>> EventSubscription::next(milliseconds timeout) {
  natsMsg* raw = nullptr;
  natsStatus s = natsSubscription_NextMsg(&raw, state_->subscription.get(),
                                          std::max<int64_t>(1, timeout.count()));
  detail::MessagePtr msg(raw);
  if (s == NATS_TIMEOUT) return std::optional<Message>();
  if (s == NATS_SLOW_CONSUMER) {  // messages were dropped; the next call reads on
    return Error{state_->where, "events were dropped: this reader is too slow (slow consumer)"};
  }
  if (s != NATS_OK) return detail::bus_error(state_->where, "cannot read", s);
  return std::optional<Message>(detail::message_of(msg.get()));
}

}  // namespace recoupe::bus
