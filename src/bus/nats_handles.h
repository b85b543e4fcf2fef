// RAII for the handles of the NATS C client (cnats), and its errors as one line. Only the
// .cc files of src/bus/ include this header: the rest of the program sees C++ types only.
#pragma once

#include <nats/nats.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "bus/bus_config.h"
#include "core/expected.h"

namespace recoupe::bus::detail {

template <class T, void (*Destroy)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) Destroy(p);
  }
};

using OptionsPtr = std::unique_ptr<natsOptions, Deleter<natsOptions, natsOptions_Destroy>>;
using ConnectionPtr =
    std::unique_ptr<natsConnection, Deleter<natsConnection, natsConnection_Destroy>>;
using JetStreamPtr = std::unique_ptr<jsCtx, Deleter<jsCtx, jsCtx_Destroy>>;
using MessagePtr = std::unique_ptr<natsMsg, Deleter<natsMsg, natsMsg_Destroy>>;
using StreamInfoPtr = std::unique_ptr<jsStreamInfo, Deleter<jsStreamInfo, jsStreamInfo_Destroy>>;
using ConsumerInfoPtr =
    std::unique_ptr<jsConsumerInfo, Deleter<jsConsumerInfo, jsConsumerInfo_Destroy>>;
using PubAckPtr = std::unique_ptr<jsPubAck, Deleter<jsPubAck, jsPubAck_Destroy>>;
using MetaDataPtr = std::unique_ptr<jsMsgMetaData, Deleter<jsMsgMetaData, jsMsgMetaData_Destroy>>;

// The connection and its JetStream context, shared by everything opened on them (streams,
// consumers, subscriptions, fetched messages) so that they outlive all of these: cnats
// requires the connection to stay valid while a context or subscription uses it.
struct ConnectionState {
  std::string servers;  // "nats://a:4222,nats://b:4222": names the connection in errors
  ConnectionConfig config;
  ConnectionPtr connection;
  JetStreamPtr jetstream;
  // Subscriptions dropped while the client could still touch them: freed after the close.
  std::mutex retired_mutex;
  std::vector<natsSubscription*> retired;

  ~ConnectionState() {
    jetstream.reset();  // the context before the connection it uses
    // The close joins the client's reader thread: nothing touches a subscription after it.
    if (connection) natsConnection_Close(connection.get());
    for (natsSubscription* sub : retired) natsSubscription_Destroy(sub);
  }
};

// A subscription on a connection, which it keeps alive. Dropping it must not free it while
// the client's reader thread may still be handing it a message: cnats 3.4 looks a message's
// subscription up and then locks it without holding it, so freeing it at that moment makes
// the reader lock freed memory (seen under ASan: a SEGV in natsConn_processMsg while a
// reader was dropped with messages still coming). So the drop unsubscribes (the servers
// stop sending and the client stops looking it up), then waits for the servers' answer to a
// ping sent after that: the reader thread, which handles everything in arrival order, is
// then past every message of it. Only then is it freed; if that answer does not come in
// time, or messages taken from it may still be answered through it (a work queue's
// deliveries: their ack goes out through their subscription), it is freed with the
// connection instead.
class Subscription {
 public:
  Subscription() = default;
  Subscription(std::shared_ptr<ConnectionState> connection, natsSubscription* sub,
               bool hands_out_messages)
      : connection_(std::move(connection)), sub_(sub), hands_out_messages_(hands_out_messages) {}
  Subscription(Subscription&& other) noexcept { *this = std::move(other); }
  Subscription& operator=(Subscription&& other) noexcept {
    if (this != &other) {
      retire();
      connection_ = std::move(other.connection_);
      sub_ = std::exchange(other.sub_, nullptr);
      hands_out_messages_ = other.hands_out_messages_;
    }
    return *this;
  }
  ~Subscription() { retire(); }

  natsSubscription* get() const { return sub_; }

 private:
  void retire();

  std::shared_ptr<ConnectionState> connection_;
  natsSubscription* sub_ = nullptr;
  bool hands_out_messages_ = false;
};

// "what: cnats's last error text (JetStream error N)": cnats keeps a more precise text than
// its status name (the server's own words for a refused request) in a per-thread slot.
std::string nats_failure(natsStatus status, jsErrCode js_error = jsErrCode(0));

// Runs `attempt` (a JetStream request; it sets the server's error code, if any) until it
// succeeds, fails in a way waiting cannot mend, or config.retry_deadline has passed; pauses
// 50 ms, doubling to 1 s, in between. What counts as the cluster healing: no answer in
// time, nobody answering yet, the client between two nodes, a leader being elected, a
// stream or consumer offline. Returns the last status; `*code` holds its error code.
bool healing(natsStatus status, jsErrCode code);
natsStatus retry_while_healing(const ConnectionConfig& config,
                               const std::function<natsStatus(jsErrCode*)>& attempt,
                               jsErrCode* code);

inline Error bus_error(std::string where, const std::string& what, natsStatus status,
                       jsErrCode js_error = jsErrCode(0)) {
  return Error{std::move(where), what + ": " + nats_failure(status, js_error)};
}

}  // namespace recoupe::bus::detail
