#include "bus/work_queue.h"

#include "bus/delivery_handle.h"
#include "bus/nats_handles.h"

namespace recoupe::bus {
namespace detail {

struct WorkQueueState {
  std::shared_ptr<ConnectionState> connection;  // declared first: destroyed last
  Subscription subscription;                    // declared after the connection: dropped first
  std::string where;                            // "stream ARTICLES consumer analysis"
  std::string stream, durable;
};

}  // namespace detail

namespace {

using detail::bus_error;

int64_t nanoseconds(milliseconds ms) { return std::chrono::nanoseconds(ms).count(); }

// Creates the durable consumer, or brings an existing one to `config`.
Expected<Done> ensure_consumer(jsCtx* js, const ConnectionConfig& config_of_connection,
                               const ConsumerConfig& config, const std::string& where) {
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = config.durable.c_str();
  cc.AckPolicy = js_AckExplicit;
  cc.DeliverPolicy = js_DeliverAll;
  cc.AckWait = nanoseconds(config.ack_wait);
  cc.MaxDeliver = config.max_deliver;
  cc.MaxAckPending = config.max_ack_pending;
  if (!config.filter_subject.empty()) cc.FilterSubject = config.filter_subject.c_str();
  bool updating = false;
  jsErrCode code = jsErrCode(0);
  // Exists with other settings: they are changed in place (its position is kept).
  natsStatus s = detail::retry_while_healing(
      config_of_connection,
      [&](jsErrCode* c) {
        jsConsumerInfo* raw = nullptr;
        natsStatus r = updating
                           ? js_UpdateConsumer(&raw, js, config.stream.c_str(), &cc, nullptr, c)
                           : js_AddConsumer(&raw, js, config.stream.c_str(), &cc, nullptr, c);
        detail::ConsumerInfoPtr info(raw);
        if (r != NATS_OK && !updating && *c != 0 && *c != JSStreamNotFoundErr &&
            !detail::healing(r, *c)) {
          updating = true;
          *c = jsErrCode(0);
          raw = nullptr;
          r = js_UpdateConsumer(&raw, js, config.stream.c_str(), &cc, nullptr, c);
          info.reset(raw);
        }
        return r;
      },
      &code);
  if (s != NATS_OK) return bus_error(where, updating ? "cannot update" : "cannot create", s, code);
  return Done{};
}

}  // namespace

WorkQueue::WorkQueue(std::unique_ptr<detail::WorkQueueState> state) : state_(std::move(state)) {}
WorkQueue::WorkQueue(WorkQueue&&) noexcept = default;
WorkQueue& WorkQueue::operator=(WorkQueue&&) noexcept = default;
WorkQueue::~WorkQueue() = default;

Expected<WorkQueue> WorkQueue::open(Connection& connection, const ConsumerConfig& config) {
  auto state = std::make_unique<detail::WorkQueueState>();
  state->connection = connection.state();
  state->stream = config.stream;
  state->durable = config.durable;
  state->where = "stream " + config.stream + " consumer " + config.durable;
  if (config.stream.empty() || config.durable.empty())
    return Error{state->where, "a work queue needs a stream and a consumer name"};
  jsCtx* js = state->connection->jetstream.get();
  auto ensured = ensure_consumer(js, state->connection->config, config, state->where);
  if (!ensured) return ensured.error();
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = config.stream.c_str();
  options.Consumer = config.durable.c_str();  // bind: never create nor delete it here
  jsErrCode code = jsErrCode(0);
  natsStatus s = detail::retry_while_healing(
      state->connection->config,
      [&](jsErrCode* c) {
        natsSubscription* sub = nullptr;
        natsStatus r = js_PullSubscribe(&sub, js, config.filter_subject.c_str(),
                                        config.durable.c_str(), nullptr, &options, c);
        state->subscription = detail::Subscription(state->connection, sub, true);
        return r;
      },
      &code);
  if (s != NATS_OK) return bus_error(state->where, "cannot bind", s, code);
  return WorkQueue(std::move(state));
}

Expected<std::vector<Delivery>> WorkQueue::fetch(int max, milliseconds timeout) {
  natsMsgList list{nullptr, 0};
  jsErrCode code = jsErrCode(0);
  natsStatus s = natsSubscription_Fetch(&list, state_->subscription.get(), max,
                                        std::max<int64_t>(1, timeout.count()), &code);
  std::vector<Delivery> out;
  for (int i = 0; i < list.Count; ++i) {
    auto handle = std::make_unique<detail::DeliveryHandle>();
    handle->connection = state_->connection;
    handle->message.reset(list.Msgs[i]);
    list.Msgs[i] = nullptr;  // owned by the handle now
    Message message = detail::message_of(handle->message.get());
    out.emplace_back(std::move(handle), std::move(message));
  }
  natsMsgList_Destroy(&list);
  // A timeout is no failure: nothing was waiting (messages received before it are kept).
  if (s != NATS_OK && s != NATS_TIMEOUT && out.empty())
    return bus_error(state_->where, "cannot fetch", s, code);
  return out;
}

Expected<WorkQueue::Backlog> WorkQueue::backlog() {
  jsConsumerInfo* raw = nullptr;
  jsErrCode code = jsErrCode(0);
  natsStatus s =
      js_GetConsumerInfo(&raw, state_->connection->jetstream.get(), state_->stream.c_str(),
                         state_->durable.c_str(), nullptr, &code);
  detail::ConsumerInfoPtr info(raw);
  if (s != NATS_OK) return bus_error(state_->where, "cannot read its state", s, code);
  return Backlog{info->NumPending, info->NumAckPending, info->NumRedelivered};
}

}  // namespace recoupe::bus
