// The settings of the bus (NATS JetStream, src/bus/): how to reach the servers, what a stream
// keeps, how a shared consumer hands out work. Plain values, passed in by the caller (the
// roles that run on the bus); nothing here is read from the environment.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace recoupe::bus {

using std::chrono::milliseconds;

// How a process reaches the cluster. Every server of the cluster can be listed: the client
// connects to one of them, moves to another when that node is lost, and learns the others
// from the cluster itself.
struct ConnectionConfig {
  std::vector<std::string> servers;  // "nats://127.0.0.1:4222", … (at least one)
  std::string name = "recoupe";      // how the servers list this client (monitoring)
  // One attempt to reach one server; a loopback or LAN connect takes well under a second.
  milliseconds connect_timeout{2000};
  // Pause between two rounds of reconnect attempts after the connected node is lost.
  milliseconds reconnect_wait{250};
  // Reconnect attempts per server before the connection is closed for good; -1: forever
  // (a worker waits for its cluster rather than dying with it).
  int max_reconnect = -1;
  // Silence after which the client pings a server, and unanswered pings before it counts
  // the node as lost and moves on (a killed node's socket closes at once; this catches a
  // node that hangs or a network that drops packets).
  milliseconds ping_interval{5000};
  int max_pings_out = 2;
  // Every JetStream request (publish ack, stream and consumer management, fetch's own
  // bookkeeping). A stream leader lost mid-request is re-elected within a few seconds.
  milliseconds request_timeout{5000};
  // How long an operation keeps trying while the cluster heals (a stream or consumer leader
  // lost and re-elected, the client moving to another node): publish() sends the message
  // again (safe: the same message id is stored once), opening a stream, work queue or
  // ordered reader asks again. Past it, the last error is returned.
  milliseconds retry_deadline{20000};
  // What a connection may hold while it reconnects (published messages are resent from it).
  int reconnect_buffer_bytes = 8 << 20;
};

// A stream: the durable, replicated log of the messages published on its subjects.
struct StreamConfig {
  std::string name;                   // "ARTICLES" (no '.', ' ', '*', '>')
  std::vector<std::string> subjects;  // "recoupe.raw.>", "recoupe.analyzed.>"
  int replicas = 3;                   // copies on distinct nodes (1..5; 3 survives a node)
  // How long a message is kept; 0: until limits or forever. The log is replayable for that
  // long (a new role, a rebuilt clusterer).
  std::chrono::seconds max_age{0};
  // Window in which a message id is remembered: a message published again with the same id
  // within it is stored once (the publisher's retry after a lost ack, a reread feed).
  std::chrono::seconds duplicate_window{120};
  // Where the nodes keep it: on disk (survives a restart of every node) or in memory.
  bool in_memory = false;
};

// A durable pull consumer of a stream: one shared queue of work. Any number of processes
// open it by the same name; each message goes to one of them at a time, and comes back
// (to any of them) when it is not acknowledged within `ack_wait`.
struct ConsumerConfig {
  std::string stream;          // "ARTICLES"
  std::string durable;         // "analysis" (no '.'); the consumer's name on the servers
  std::string filter_subject;  // only these subjects of the stream; empty: all of them
  // How long a fetched message may stay unacknowledged before it is delivered again. The
  // longest processing of one message must fit, or the worker sends in_progress().
  milliseconds ack_wait{30000};
  // Deliveries of one message before the consumer gives up on it; -1: no limit. A message
  // that crashes every worker stops after this many tries instead of looping forever.
  int max_deliver = 10;
  // Messages handed out and not yet acknowledged, over all processes; -1: server default.
  int max_ack_pending = 10000;
};

}  // namespace recoupe::bus
