#include "server/http_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace recoupe::server {

using Clock = std::chrono::steady_clock;

// One accepted connection, carried from request to request (and through the waiting room)
// with the bytes received and not read yet: the head of the next request as it arrives,
// or what a pipelining client sent past the end of the last one. It does not close its
// socket by itself: whoever holds it last does (the waiting room when it drops a parked
// connection).
struct HttpConnection {
  explicit HttpConnection(int fd) : fd(fd) {}
  void close() {
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }
  bool buffered() const { return offset < pending.size(); }
  std::string_view unread() const { return std::string_view(pending).substr(offset); }
  // Takes up to `size` unread bytes into `out`; the count.
  size_t take(char* out, size_t size) {
    const size_t n = std::min(size, pending.size() - offset);
    std::memcpy(out, pending.data() + offset, n);
    offset += n;
    if (offset == pending.size()) {
      pending.clear();
      offset = 0;
    }
    return n;
  }
  // True once the unread bytes hold a whole request head (request line and headers).
  bool head_complete() const {
    const std::string_view u = unread();
    return u.find("\r\n\r\n") != std::string_view::npos || u.find("\n\n") != std::string_view::npos;
  }

  int fd;
  std::string pending;
  size_t offset = 0;               // pending[offset...] is unread
  Clock::time_point head_started;  // when the first byte of the coming request arrived
  size_t requests = 0;
};

namespace {

// Raises this thread's niceness by `by` (Linux: setpriority on a thread id is per thread);
// lowering a priority needs no privilege. False when not done.
bool lower_priority(int by) {
  if (by <= 0) return false;
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  errno = 0;
  const int now = ::getpriority(PRIO_PROCESS, tid);
  if (now == -1 && errno != 0) return false;
  return ::setpriority(PRIO_PROCESS, tid, std::min(19, now + by)) == 0;
}

int poll_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  for (;;) {
    int n = ::poll(&p, 1, timeout_ms);
    if (n >= 0 || errno != EINTR) return n;
  }
}

void address_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int got = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                 : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (got != 0) return;
  char host[NI_MAXHOST], service[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, service,
                  sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

// The bytes of one request and its answer, on the connection's socket. Reads wait at most
// the read timeout for the next bytes, and no later than the request's deadline, which
// starts at read_timeout_seconds and grows by one second per min_request_bytes_per_second
// received.
class RequestStream : public httplib::Stream {
 public:
  static constexpr size_t kChunk = 4096;

  // `start`: when the first byte of the request arrived.
  RequestStream(HttpConnection& c, const ConnectionLimits& limits, Clock::time_point start)
      : c_(c), limits_(limits), start_(start), received_(c.unread().size()) {}

  bool is_readable() const override { return c_.buffered() || wait_readable(); }

  bool is_writable() const override {
    return poll_for(c_.fd, POLLOUT, limits_.write_timeout_seconds * 1000) > 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (c_.buffered()) return ssize_t(c_.take(ptr, size));
    if (!wait_readable()) return -1;
    if (size >= kChunk) return received(::recv(c_.fd, ptr, size, 0));
    // httplib reads the head a byte at a time: receive a chunk and hand it out from there.
    char chunk[kChunk];
    ssize_t n = received(::recv(c_.fd, chunk, sizeof chunk, 0));
    if (n <= 0) return n;
    c_.pending.append(chunk, size_t(n));
    return ssize_t(c_.take(ptr, size));
  }

  // The status of the answer written, read from its first bytes (0 before).
  int status() const { return status_; }

  ssize_t write(const char* ptr, size_t size) override {
    if (status_ == 0 && size >= 12 && std::string_view(ptr, 5) == "HTTP/")
      status_ = std::atoi(std::string(ptr + 9, 3).c_str());
    if (!is_writable()) return -1;
    for (;;) {
      ssize_t n = ::send(c_.fd, ptr, size, MSG_NOSIGNAL);
      if (n >= 0 || errno != EINTR) return n;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(c_.fd, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(c_.fd, false, ip, port);
  }
  socket_t socket() const override { return c_.fd; }

 private:
  ssize_t received(ssize_t n) {
    if (n > 0) received_ += size_t(n);
    return n;
  }

  bool wait_readable() const {
    using std::chrono::milliseconds;
    const auto deadline =
        start_ + std::chrono::seconds(limits_.read_timeout_seconds) +
        milliseconds(received_ * 1000 / std::max<size_t>(limits_.min_request_bytes_per_second, 1));
    const int64_t left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    const int64_t wait = std::min<int64_t>(left, int64_t(limits_.read_timeout_seconds) * 1000);
    return wait > 0 && poll_for(c_.fd, POLLIN, int(wait)) > 0;
  }

  HttpConnection& c_;
  const ConnectionLimits& limits_;
  const Clock::time_point start_;
  size_t received_ = 0;
  int status_ = 0;
};

// True when after an answer with `status` the connection may be used no further: the
// request could not be read (400), its body was left unread (413) or its line or headers
// were too long (414, 431). What follows on the connection is not a request boundary.
bool ends_connection(int status) {
  return status == 400 || status == 408 || status == 413 || status == 414 || status == 431;
}

}  // namespace

HttpServer::HttpServer(const ConnectionLimits& limits) : limits_(limits) {
  // httplib also sets these as SO_RCVTIMEO and SO_SNDTIMEO on each accepted socket, so a
  // send to a client that reads nothing gives up after the write timeout.
  set_read_timeout(limits_.read_timeout_seconds, 0);
  set_write_timeout(limits_.write_timeout_seconds, 0);
  set_keep_alive_timeout(limits_.idle_seconds);
  new_task_queue = [this] {
    auto* queue = new ConnectionQueue(limits_.threads, limits_.max_idle_connections);
    queue_ = queue;
    return queue;
  };
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) {
  int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  // Calling listen() again on a listening socket sets its backlog (Linux).
  if (bound > 0) ::listen(svr_sock_, SOMAXCONN);
  return bound;
}

void HttpServer::stop_listening() {
  stopping_ = true;
  const socket_t listening = svr_sock_.exchange(INVALID_SOCKET);
  if (listening != INVALID_SOCKET) {
    ::shutdown(listening, SHUT_RDWR);
    ::close(listening);
  }
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  serve(std::make_shared<HttpConnection>(sock));
  return true;
}

void HttpServer::serve(std::shared_ptr<HttpConnection> c) {
  // Once per request thread (httplib's pool keeps its threads).
  thread_local const bool niced = lower_priority(limits_.request_thread_nice);
  (void)niced;
  // A request head longer than this is handed to httplib as it is, which refuses it (414
  // for a request line over 8 KB, 400 for too many or too long headers).
  constexpr size_t kMaxHeadBytes = 64 << 10;
  for (;;) {
    if (stopping_) return c->close();  // no new request once stopping
    // Gather the head of the next request without waiting: what has arrived is read, and
    // until the head is whole the connection waits off the request threads.
    while (!c->head_complete() && c->unread().size() < kMaxHeadBytes) {
      char chunk[RequestStream::kChunk];
      const ssize_t n = ::recv(c->fd, chunk, sizeof chunk, MSG_DONTWAIT);
      if (n == 0) return c->close();  // the client is gone
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return c->close();
        // Idle (nothing of a request yet): idle_seconds. A head begun: it must be whole
        // read_timeout_seconds after its first byte (a byte at a time holds no thread).
        const auto deadline =
            c->buffered() ? c->head_started + std::chrono::seconds(limits_.read_timeout_seconds)
                          : Clock::now() + std::chrono::seconds(limits_.idle_seconds);
        const int fd = c->fd;
        queue_.load()->park(fd, deadline, [this, c] { serve(c); });
        return;
      }
      if (!c->buffered()) c->head_started = Clock::now();
      c->pending.append(chunk, size_t(n));
    }
    ++c->requests;
    const bool last = c->requests >= limits_.max_requests_per_connection;
    bool closed = false;
    RequestStream stream(*c, limits_, c->head_started);
    const bool answered = process_request(stream, last || stopping_, closed, nullptr);
    if (!answered || closed || last || ends_connection(stream.status())) return c->close();
    // What a pipelining client sent next began arriving now (as far as we can tell).
    if (c->buffered()) c->head_started = Clock::now();
  }
}

}  // namespace recoupe::server
