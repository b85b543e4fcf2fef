// What a Delivery holds of the client: its message, and the connection the answer goes out
// on (kept alive by it). Only the .cc files of src/bus/ include this header.
#pragma once

#include <memory>

#include "bus/message.h"
#include "bus/nats_handles.h"

namespace recoupe::bus::detail {

struct DeliveryHandle {
  std::shared_ptr<ConnectionState> connection;  // declared first: destroyed last
  MessagePtr message;
};

// A message the client received, as a value: subject, data, id header and, for a
// JetStream message, its stream sequence and delivery count.
Message message_of(natsMsg* msg);

}  // namespace recoupe::bus::detail
