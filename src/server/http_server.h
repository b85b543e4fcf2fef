// HttpServer: cpp-httplib's server with the connection handling `recoupe serve` needs to
// stay up under idle, slow and many clients (docs/api.md, "Reliability").
//
// httplib keeps a connection on a request thread from accept to close, waiting on it for
// each next keep-alive request; here a connection holds a thread only once the head of a
// request (request line and headers) has arrived whole, while its body is read and it is
// handled and answered. Otherwise it waits in ConnectionQueue's waiting room:
//   - before its first byte and between two requests, at most `idle_seconds`;
//   - while the head arrives (read without waiting, as it comes), until
//     `read_timeout_seconds` after its first byte: a client sending a byte at a time holds
//     no thread, and is dropped then;
//   - at most `max_idle_connections` wait; past it the one idle the longest is closed.
// While a body is read, a wait for more bytes lasts at most `read_timeout_seconds`, and the
// request must keep up `min_request_bytes_per_second` once `read_timeout_seconds` have
// passed since its first byte.
// Routing, handlers and limits on the request itself (payload size, header size) are
// httplib's, set as usual. listen_after_bind() serves until stop(); then the requests in
// flight are answered (their connection closed after), idle connections are closed and
// listen_after_bind() returns once every request thread is done (stop_listening()).
// Thread-safety: as httplib::Server (stop() from any thread).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include <httplib.h>

#include "server/connection_queue.h"

namespace recoupe::server {

struct ConnectionLimits {
  size_t threads = 16;
  int idle_seconds = 5;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  size_t min_request_bytes_per_second = 16 << 10;
  size_t max_idle_connections = 10000;
  size_t max_requests_per_connection = 1000;
  // Added to the niceness of each request thread when it starts (0: none): lower than the
  // threads that made the server, e.g. its writer (ServeConfig::request_thread_nice).
  int request_thread_nice = 0;
};

struct HttpConnection;  // an accepted connection, between its requests (http_server.cc)

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(const ConnectionLimits& limits);
  ~HttpServer() override;

  // Binds host:port (port 0: any free one) and listens with a backlog of SOMAXCONN rather
  // than httplib's 5, so a burst of connections is not dropped (and retried a second later)
  // by the kernel. The port bound, or -1.
  int bind(const std::string& host, int port);

  // Stops accepting: closes the listening socket (before listen_after_bind() too, which then
  // returns at once). Requests in flight are answered, then their connections closed; no
  // new request is started. Thread-safe; httplib's stop() does not do the last two.
  void stop_listening();

 private:
  // Called by httplib on a request thread for each accepted connection.
  bool process_and_close_socket(socket_t sock) override;
  void serve(std::shared_ptr<HttpConnection> connection);

  const ConnectionLimits limits_;
  // The queue of the current listen (httplib owns it): only its own threads use it.
  std::atomic<ConnectionQueue*> queue_{nullptr};
  std::atomic<bool> stopping_{false};
};

}  // namespace recoupe::server
