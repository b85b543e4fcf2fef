#include "bus/delivery.h"

#include "bus/delivery_handle.h"

namespace recoupe::bus {

Delivery::Delivery(std::unique_ptr<detail::DeliveryHandle> handle, Message message)
    : handle_(std::move(handle)), message_(std::move(message)) {}
Delivery::Delivery(Delivery&&) noexcept = default;
Delivery& Delivery::operator=(Delivery&&) noexcept = default;
Delivery::~Delivery() = default;

namespace {

Expected<Done> answered(natsStatus s, jsErrCode code, const std::string& what,
                        const Message& message) {
  if (s == NATS_OK) return Done{};
  return detail::bus_error(
      "subject " + message.subject + " sequence " + std::to_string(message.stream_sequence), what,
      s, code);
}

}  // namespace

Expected<Done> Delivery::ack() {
  jsErrCode code = jsErrCode(0);
  natsStatus s = natsMsg_AckSync(handle_->message.get(), nullptr, &code);
  return answered(s, code, "cannot ack", message_);
}

Expected<Done> Delivery::ack_unconfirmed() {
  return answered(natsMsg_Ack(handle_->message.get(), nullptr), jsErrCode(0), "cannot ack",
                  message_);
}

Expected<Done> Delivery::nak(milliseconds delay) {
  natsStatus s = delay.count() > 0
                     ? natsMsg_NakWithDelay(handle_->message.get(), delay.count(), nullptr)
                     : natsMsg_Nak(handle_->message.get(), nullptr);
  return answered(s, jsErrCode(0), "cannot nak", message_);
}

Expected<Done> Delivery::in_progress() {
  return answered(natsMsg_InProgress(handle_->message.get(), nullptr), jsErrCode(0),
                  "cannot mark in progress", message_);
}

Expected<Done> Delivery::term() {
  return answered(natsMsg_Term(handle_->message.get(), nullptr), jsErrCode(0), "cannot term",
                  message_);
}

}  // namespace recoupe::bus

namespace recoupe::bus::detail {

Message message_of(natsMsg* msg) {
  Message out;
  out.subject = natsMsg_GetSubject(msg);
  out.data.assign(natsMsg_GetData(msg), size_t(natsMsg_GetDataLength(msg)));
  const char* id = nullptr;
  if (natsMsgHeader_Get(msg, "Nats-Msg-Id", &id) == NATS_OK && id) out.id = id;
  jsMsgMetaData* raw = nullptr;
  if (natsMsg_GetMetaData(&raw, msg) == NATS_OK) {  // fails for a plain message: fine
    MetaDataPtr meta(raw);
    out.stream_sequence = meta->Sequence.Stream;
    out.delivery_count = meta->NumDelivered;
    out.pending = meta->NumPending;
  }
  return out;
}

}  // namespace recoupe::bus::detail
