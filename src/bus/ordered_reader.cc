#include "bus/ordered_reader.h"

#include "bus/delivery_handle.h"
#include "bus/nats_handles.h"

namespace recoupe::bus {
namespace detail {

struct OrderedReaderState {
  std::shared_ptr<ConnectionState> connection;  // declared first: destroyed last
  Subscription subscription;                    // declared after the connection: dropped first
  std::string where;
};

}  // namespace detail

OrderedReader::OrderedReader(std::unique_ptr<detail::OrderedReaderState> state)
    : state_(std::move(state)) {}
OrderedReader::OrderedReader(OrderedReader&&) noexcept = default;
OrderedReader& OrderedReader::operator=(OrderedReader&&) noexcept = default;
OrderedReader::~OrderedReader() = default;

Expected<OrderedReader> OrderedReader::open(Connection& connection, const std::string& stream,
                                            const std::string& subject, uint64_t first_sequence) {
  auto state = std::make_unique<detail::OrderedReaderState>();
  state->connection = connection.state();
  state->where = "stream " + stream + " subject " + subject;
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = stream.c_str();
  options.Ordered = true;
  options.Config.DeliverPolicy = js_DeliverByStartSequence;
  options.Config.OptStartSeq = std::max<uint64_t>(1, first_sequence);
  jsErrCode code = jsErrCode(0);
  natsStatus s = detail::retry_while_healing(
      state->connection->config,
      [&](jsErrCode* c) {
        natsSubscription* sub = nullptr;
        natsStatus r = js_SubscribeSync(&sub, state->connection->jetstream.get(), subject.c_str(),
                                        nullptr, &options, c);
        state->subscription = detail::Subscription(state->connection, sub, false);
        return r;
      },
      &code);
  if (s != NATS_OK) return detail::bus_error(state->where, "cannot read in order", s, code);
  return OrderedReader(std::move(state));
}

Expected<std::optional<Message>> OrderedReader::next(milliseconds timeout) {
  natsMsg* raw = nullptr;
  natsStatus s = natsSubscription_NextMsg(&raw, state_->subscription.get(),
                                          std::max<int64_t>(1, timeout.count()));
  detail::MessagePtr msg(raw);
  if (s == NATS_TIMEOUT) return std::optional<Message>();
  if (s != NATS_OK) return detail::bus_error(state_->where, "cannot read", s);
  return std::optional<Message>(detail::message_of(msg.get()));
}

}  // namespace recoupe::bus
