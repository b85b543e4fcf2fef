// Streams: creating the durable log a role publishes to, and reading its state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "core/expected.h"

namespace recoupe::bus {

// A stream as the cluster reports it.
struct StreamState {
  std::string name;
  std::vector<std::string> subjects;
  int replicas = 0;
  uint64_t messages = 0;  // stored now
  uint64_t bytes = 0;
  uint64_t first_sequence = 0;  // oldest kept (0 when empty)
  uint64_t last_sequence = 0;   // newest stored (0 when nothing was ever stored)
  int64_t consumers = 0;
  std::string leader;  // the node that orders its writes (server_name); may be empty
  // Copies that hold every message now: the leader and the followers that are current (a
  // restarted node counts again once it has caught up). Below `replicas` after a node loss.
  int current_replicas = 0;
};

// Makes sure the stream exists with `config`: creates it, or updates it where it differs
// (subjects, replicas, max age, duplicate window), or leaves it as it is. Idempotent: every
// process of every role may call it at start. Fails with one line naming the stream: the
// cluster has fewer nodes than replicas, JetStream is not enabled, a setting the server
// cannot change in place (memory vs file storage), no answer within the request timeout.
Expected<StreamState> ensure_stream(Connection& connection, const StreamConfig& config);

// The stream's state now; fails when there is no such stream.
Expected<StreamState> stream_state(Connection& connection, const std::string& name);

}  // namespace recoupe::bus
