#include "bus/connection.h"

#include <algorithm>
#include <thread>
#include <vector>

#include "bus/nats_handles.h"

namespace recoupe::bus {
namespace detail {

std::string nats_failure(natsStatus status, jsErrCode js_error) {
  natsStatus last = NATS_OK;
  const char* text = nats_GetLastError(&last);
  // The last error's text when it is about this failure; the status name otherwise.
  std::string why = (text && *text && last == status) ? text : natsStatus_GetText(status);
  // cnats puts where in its source the error was raised first: "(conn.c:2088): No server…".
  if (why.size() > 1 && why[0] == '(') {
    auto close = why.find("): ");
    if (close != std::string::npos) why.erase(0, close + 3);
  }
  if (js_error != 0) why += " (JetStream error " + std::to_string(int(js_error)) + ")";
  for (char& c : why)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // one line
  return why;
}

bool healing(natsStatus s, jsErrCode code) {
  switch (s) {
    case NATS_TIMEOUT:
    case NATS_NO_RESPONDERS:
    case NATS_CONNECTION_DISCONNECTED:
    case NATS_IO_ERROR:
    case NATS_NO_SERVER:
    case NATS_STALE_CONNECTION:
      return true;
    default:
      return code == JSClusterNotAvailErr || code == JSClusterNotLeaderErr ||
             code == JSStreamOfflineErr || code == JSConsumerOfflineErr;
  }
}

natsStatus retry_while_healing(const ConnectionConfig& config,
                               const std::function<natsStatus(jsErrCode*)>& attempt,
                               jsErrCode* code) {
  const auto deadline = std::chrono::steady_clock::now() + config.retry_deadline;
  milliseconds pause{50};
  for (;;) {
    *code = jsErrCode(0);
    natsStatus s = attempt(code);
    if (s == NATS_OK || !healing(s, *code) || std::chrono::steady_clock::now() + pause > deadline)
      return s;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, milliseconds(1000));
  }
}

void Subscription::retire() {
  if (!sub_) return;
  natsSubscription* sub = std::exchange(sub_, nullptr);
  // Fails harmlessly when the client already dropped it (connection closed, or drained).
  natsSubscription_Unsubscribe(sub);
  natsConnection* nc = connection_->connection.get();
  const auto wait = std::min<int64_t>(connection_->config.request_timeout.count(), 2000);
  if (!hands_out_messages_ &&
      natsConnection_FlushTimeout(nc, std::max<int64_t>(1, wait)) == NATS_OK) {
    natsSubscription_Destroy(sub);
  } else {
    std::lock_guard lock(connection_->retired_mutex);
    connection_->retired.push_back(sub);
  }
  connection_.reset();
}

}  // namespace detail

namespace {

using detail::bus_error;

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

// The client's options from the config; the first failing setter names itself.
Expected<detail::OptionsPtr> make_options(const ConnectionConfig& c, const std::string& where) {
  natsOptions* raw = nullptr;
  natsStatus s = natsOptions_Create(&raw);
  detail::OptionsPtr options(raw);
  if (s != NATS_OK) return bus_error(where, "cannot set up the client", s);
  std::vector<const char*> urls;
  for (const auto& url : c.servers) urls.push_back(url.c_str());
  s = natsOptions_SetServers(raw, urls.data(), int(urls.size()));
  if (s != NATS_OK) return bus_error(where, "invalid server list", s);
  s = natsOptions_SetName(raw, c.name.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(raw, c.connect_timeout.count());
  if (s == NATS_OK) s = natsOptions_SetAllowReconnect(raw, true);
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(raw, c.max_reconnect);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(raw, c.reconnect_wait.count());
  if (s == NATS_OK) s = natsOptions_SetReconnectBufSize(raw, c.reconnect_buffer_bytes);
  if (s == NATS_OK) s = natsOptions_SetPingInterval(raw, c.ping_interval.count());
  if (s == NATS_OK) s = natsOptions_SetMaxPingsOut(raw, c.max_pings_out);
  if (s != NATS_OK) return bus_error(where, "invalid connection settings", s);
  return options;
}

}  // namespace

Expected<Connection> Connection::connect(const ConnectionConfig& config) {
  const std::string where = join(config.servers);
  if (config.servers.empty())
    return Error{"bus", "no NATS server given (expected nats://host:port)"};
  auto options = make_options(config, where);
  if (!options) return options.error();
  auto state = std::make_shared<detail::ConnectionState>();
  state->servers = where;
  state->config = config;
  natsConnection* nc = nullptr;
  natsStatus s = natsConnection_Connect(&nc, options->get());
  state->connection.reset(nc);
  if (s != NATS_OK) return bus_error(where, "cannot connect", s);
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = config.request_timeout.count();
  jsCtx* js = nullptr;
  s = natsConnection_JetStream(&js, nc, &js_options);
  state->jetstream.reset(js);
  if (s != NATS_OK) return bus_error(where, "cannot open JetStream", s);
  return Connection(std::move(state));
}

const std::string& Connection::servers() const { return state_->servers; }

std::string Connection::connected_url() const {
  char url[512] = "";
  if (natsConnection_GetConnectedUrl(state_->connection.get(), url, sizeof url) != NATS_OK)
    return "";
  return url;
}

bool Connection::connected() const {
  return natsConnection_Status(state_->connection.get()) == NATS_CONN_STATUS_CONNECTED;
}

Expected<Done> Connection::flush(milliseconds timeout) {
  natsStatus s = natsConnection_FlushTimeout(state_->connection.get(), timeout.count());
  if (s != NATS_OK) return detail::bus_error(state_->servers, "flush", s);
  return Done{};
}

}  // namespace recoupe::bus
