#include "bus/publish.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "bus/nats_handles.h"

namespace recoupe::bus {
namespace {

// Failures a publish cannot outlive by trying again: a closed connection, a message too big.
bool is_final(natsStatus s) {
  return s == NATS_CONNECTION_CLOSED || s == NATS_MAX_PAYLOAD || s == NATS_INVALID_ARG ||
         s == NATS_INVALID_SUBJECT;
}

}  // namespace

Expected<PublishAck> publish(Connection& connection, const std::string& subject,
                             std::string_view data, const std::string& message_id) {
  detail::ConnectionState& state = *connection.state();
  const std::string where = "subject " + subject;
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MaxWait = state.config.request_timeout.count();
  if (!message_id.empty()) options.MsgId = message_id.c_str();
  const auto deadline = std::chrono::steady_clock::now() + state.config.retry_deadline;
  milliseconds pause{50};
  for (;;) {
    jsPubAck* raw = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_Publish(&raw, state.jetstream.get(), subject.c_str(), data.data(),
                              int(data.size()), &options, &code);
    detail::PubAckPtr ack(raw);
    if (s == NATS_OK)
      return PublishAck{ack->Stream ? ack->Stream : "", ack->Sequence, ack->Duplicate};
    Error error = detail::bus_error(where, "cannot publish", s, code);
    if (s == NATS_NO_RESPONDERS) error.message += " (is there a stream for this subject?)";
    if (is_final(s) || std::chrono::steady_clock::now() + pause > deadline) return error;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, milliseconds(1000));
  }
}

namespace {

// What the ack handler of an asynchronous publish fills in: which message a returned
// natsMsg was (by its address while it lives) and the ack each got.
struct InFlight {
  std::mutex mutex;
  std::unordered_map<const natsMsg*, size_t> index_of;
  std::vector<std::optional<PublishAck>> acks;
};

// Called by the client's thread for every ack or failure; owns `msg` from here on.
void on_ack(jsCtx*, natsMsg* msg, jsPubAck* ack, jsPubAckErr*, void* closure) {
  auto* flight = static_cast<InFlight*>(closure);
  {
    std::lock_guard lock(flight->mutex);
    auto it = flight->index_of.find(msg);
    if (it != flight->index_of.end()) {
      if (ack)
        flight->acks[it->second] =
            PublishAck{ack->Stream ? ack->Stream : "", ack->Sequence, ack->Duplicate};
      flight->index_of.erase(it);  // before the address can be reused
    }
  }
  natsMsg_Destroy(msg);
}

// Sends every message asynchronously on a context of its own (its ack handler points at
// `flight`) and waits for their acks until the retry deadline. Messages still unanswered
// then are taken back from the client, so that no callback can outlive `flight`.
void send_async(detail::ConnectionState& state, const std::vector<OutgoingMessage>& messages,
                int window, InFlight& flight) {
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = state.config.request_timeout.count();
  options.PublishAsync.MaxPending = std::max(1, window);
  options.PublishAsync.AckHandler = on_ack;
  options.PublishAsync.AckHandlerClosure = &flight;
  options.PublishAsync.StallWait = state.config.request_timeout.count();
  jsCtx* raw = nullptr;
  if (natsConnection_JetStream(&raw, state.connection.get(), &options) != NATS_OK) return;
  detail::JetStreamPtr js(raw);
  for (size_t i = 0; i < messages.size(); ++i) {
    const OutgoingMessage& m = messages[i];
    natsMsg* msg = nullptr;
    if (natsMsg_Create(&msg, m.subject.c_str(), nullptr, m.data.data(), int(m.data.size())) !=
        NATS_OK)
      continue;  // left unanswered: publish() retries it
    jsPubOptions pub;
    jsPubOptions_Init(&pub);
    pub.MaxWait = state.config.request_timeout.count();
    if (!m.id.empty()) pub.MsgId = m.id.c_str();
    {
      std::lock_guard lock(flight.mutex);
      flight.index_of[msg] = i;
    }
    natsMsg* handed = msg;
    if (js_PublishMsgAsync(js.get(), &handed, &pub) != NATS_OK) {
      std::lock_guard lock(flight.mutex);
      flight.index_of.erase(msg);
    }
    natsMsg_Destroy(handed);  // NULL (no effect) once the client took it
  }
  jsPubOptions wait;
  jsPubOptions_Init(&wait);
  wait.MaxWait = state.config.retry_deadline.count();
  if (js_PublishAsyncComplete(js.get(), &wait) != NATS_OK) {
    natsMsgList pending{nullptr, 0};
    if (js_PublishAsyncGetPendingList(&pending, js.get()) == NATS_OK) {
      std::lock_guard lock(flight.mutex);
      for (int i = 0; i < pending.Count; ++i) flight.index_of.erase(pending.Msgs[i]);
    }
    natsMsgList_Destroy(&pending);
  }
}

}  // namespace

Expected<std::vector<PublishAck>> publish_all(Connection& connection,
                                              const std::vector<OutgoingMessage>& messages,
                                              int window) {
  InFlight flight;
  flight.acks.resize(messages.size());
  send_async(*connection.state(), messages, window, flight);
  std::vector<PublishAck> out;
  out.reserve(messages.size());
  for (size_t i = 0; i < messages.size(); ++i) {
    if (!flight.acks[i]) {  // no ack, or an error: once more, waiting for it
      auto ack = publish(connection, messages[i].subject, messages[i].data, messages[i].id);
      if (!ack) return ack.error();
      flight.acks[i] = *ack;
    }
    out.push_back(*flight.acks[i]);
  }
  return out;
}

}  // namespace recoupe::bus
