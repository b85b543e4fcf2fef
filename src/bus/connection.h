// A connection to a NATS cluster with JetStream: the one handle every bus operation takes.
#pragma once

#include <memory>
#include <string>

#include "bus/bus_config.h"
#include "core/expected.h"

namespace recoupe::bus {

namespace detail {
struct ConnectionState;
}

// What an operation that returns nothing returns on success.
struct Done {};

// Connects to any of `config.servers` and keeps connected: when its node is lost, the client
// moves to another server of the cluster (listed or discovered) on its own, and what was
// published meanwhile waits in a buffer. Opened consumers, readers and subscriptions share
// the connection and keep it alive; it is closed when the last of them is gone.
// Thread-safe: one connection serves every thread of a process; copies share it.
class Connection {
 public:
  // Fails with one line naming the servers: "nats://127.0.0.1:4222: cannot connect: No
  // server available for connection" (none answered within config.connect_timeout each),
  // or an empty server list, or a URL the client cannot parse.
  static Expected<Connection> connect(const ConnectionConfig& config);

  // The servers as given, comma-separated: how errors name this connection.
  const std::string& servers() const;
  // The server it talks to now ("nats://127.0.0.1:4222"), empty while reconnecting.
  std::string connected_url() const;
  // Whether it is connected right now (false while it reconnects, or once closed).
  bool connected() const;
  // Waits until the server has received everything sent so far (plain publishes are sent
  // in the background), at most `timeout`.
  Expected<Done> flush(milliseconds timeout);

  // For the other files of src/bus/ only.
  const std::shared_ptr<detail::ConnectionState>& state() const { return state_; }

 private:
  explicit Connection(std::shared_ptr<detail::ConnectionState> state) : state_(std::move(state)) {}
  std::shared_ptr<detail::ConnectionState> state_;
};

}  // namespace recoupe::bus
