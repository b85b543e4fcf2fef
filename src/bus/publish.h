// Publishing to a stream: the message is stored (on `replicas` nodes) before publish returns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bus/connection.h"
#include "core/expected.h"

namespace recoupe::bus {

// What the stream answered.
struct PublishAck {
  std::string stream;     // the stream that stored it
  uint64_t sequence = 0;  // its position there (the first copy's when a duplicate)
  // The stream already had a message with this id within its duplicate window: this one was
  // not stored again, and `sequence` is the first one's.
  bool duplicate = false;
};

// Publishes `data` on `subject` with `message_id` (JetStream's Nats-Msg-Id: a stream stores
// one message per id within its duplicate window) and waits for the stream's ack, which
// comes once the message is on a majority of its replicas. When no ack comes (a node or the
// stream's leader lost, the client reconnecting), it publishes again with the same id until
// the connection's retry_deadline: safe, since the stream stores the id once. Fails with
// one line naming the subject: no stream holds the subject (no answer until the deadline),
// a message over the server's size limit, the last error at the deadline.
// Cost: one round trip to the stream's leader, which waits for a second replica.
// Thread-safe; an empty `message_id` publishes without deduplication.
Expected<PublishAck> publish(Connection& connection, const std::string& subject,
                             std::string_view data, const std::string& message_id);

// One message of publish_all().
struct OutgoingMessage {
  std::string subject;
  std::string data;
  std::string id;  // its message id (see publish()); distinct within one call
};

// Publishes every message with up to `window` of them on their way at once, and returns
// once the stream has acknowledged each (the acks in the order of `messages`). The same
// guarantees as publish() per message, at a fraction of its cost per message when there
// are many (an ingest batch, a feed's new entries): the round trips overlap. A message
// whose ack does not come, or comes as an error, is published again alone by publish()
// with the same id. Fails with the first message that publish() could not store; those
// before it are stored. Call from one thread at a time per connection.
Expected<std::vector<PublishAck>> publish_all(Connection& connection,
                                              const std::vector<OutgoingMessage>& messages,
                                              int window = 256);

}  // namespace recoupe::bus
