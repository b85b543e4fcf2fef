#include "bus/publish.h"

#include <algorithm>
#include <thread>

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

}  // namespace recoupe::bus
