// A message read from the bus: what it carries and where it sits in its stream.
#pragma once

#include <cstdint>
#include <string>

namespace recoupe::bus {

struct Message {
  std::string subject;  // "recoupe.raw.fr"
  std::string data;     // the payload, as published
  // The id it was published with (JetStream's Nats-Msg-Id header); empty when none.
  std::string id;
  // Position in its stream (1, 2, …; 0 for a plain message that no stream stored): where an
  // ordered reader resumes, what a role records as "done up to".
  uint64_t stream_sequence = 0;
  // 1 on first delivery, 2 on the first redelivery, … (0 for a plain message).
  uint64_t delivery_count = 0;
  // How many messages its consumer still had to deliver after this one when it was sent
  // (JetStream's num_pending; 0 for a plain message): 0 means the reader has caught up with
  // the stream as it stood then.
  uint64_t pending = 0;
};

}  // namespace recoupe::bus
