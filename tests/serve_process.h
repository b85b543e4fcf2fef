// Helpers for the tests that drive the real `recoupe serve`: the process (started on a free
// port, stdout read for the port, stderr kept in a file, stopped by any signal), a raw HTTP
// exchange on a socket (for requests a client library would refuse to send), and SQLite's
// own integrity check of a store file.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace recoupe::testing {

// `recoupe serve ARGS` with RECOUPE_TOKEN=`token` (unset when empty), stderr to
// `err_file`. The destructor kills it (SIGKILL) when it still runs.
class ServeProcess {
 public:
  ServeProcess(const std::vector<std::string>& args, const std::string& err_file,
               const std::string& token = "") {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err >= 0) dup2(err, STDERR_FILENO);
      if (token.empty())
        unsetenv("RECOUPE_TOKEN");
      else
        setenv("RECOUPE_TOKEN", token.c_str(), 1);
      std::vector<char*> argv = {const_cast<char*>(RECOUPE_BINARY), const_cast<char*>("serve")};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(RECOUPE_BINARY, argv.data());
      _exit(127);
    }
    close(out[1]);
    out_ = out[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  pid_t pid() const { return pid_; }

  // The port of the "serving … on http://HOST:PORT/" line, waiting up to `seconds`; 0 when
  // the line did not come (the process ended or is stuck).
  int port(int seconds) {
    const std::regex serving("serving .* on http://[^ ]+:([0-9]+)/");
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < until) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 100) > 0) {
        char buf[512];
        ssize_t n = read(out_, buf, sizeof buf);
        if (n <= 0) return 0;
        seen_.append(buf, size_t(n));
        std::smatch m;
        if (std::regex_search(seen_, m, serving)) return std::stoi(m[1]);
      }
    }
    return 0;
  }

  // Sends `sig` and waits up to `seconds` for the end: its exit status as a shell shows it
  // (128 + signal when killed), -1 when it did not end (it is then killed).
  // Sends `sig` and goes on (stop() waits for the exit).
  void signal(int sig) { kill(pid_, sig); }

  int stop(int sig, int seconds = 60) {
    kill(pid_, sig);
    int status = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > until) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        exited_ = true;
        return -1;
      }
      usleep(10000);
    }
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool exited_ = false;
  std::string seen_;
};

// A TCP connection to 127.0.0.1:`port` (blocking), -1 when it cannot be made.
inline int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(uint16_t(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Everything `fd` sends until it closes or `seconds` pass.
inline std::string read_all(int fd, int seconds) {
  std::string got;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char buf[8192];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, int(left.count())) <= 0) break;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, size_t(n));
  }
  return got;
}

// True when the peer of `fd` closes it (end of stream or reset) within `seconds`; what it
// sent before goes to `got` when given.
inline bool closed_within(int fd, int seconds, std::string* got = nullptr) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char buf[8192];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, int(left.count())) <= 0) return false;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return true;
    if (got) got->append(buf, size_t(n));
  }
}

// One raw exchange: sends `request` as is, returns what comes back until the server closes
// (send "Connection: close" in it) or `seconds` pass.
inline std::string raw_exchange(int port, const std::string& request, int seconds = 10) {
  int fd = connect_to(port);
  if (fd < 0) return "";
  for (size_t sent = 0; sent < request.size();) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += size_t(n);
  }
  std::string got = read_all(fd, seconds);
  close(fd);
  return got;
}

// The status of a raw HTTP answer ("HTTP/1.1 404 Not Found" → 404), 0 when there is none.
inline int status_of(const std::string& answer) {
  std::smatch m;
  static const std::regex status_line("^HTTP/1\\.[01] ([0-9]{3})");
  return std::regex_search(answer, m, status_line) ? std::stoi(m[1]) : 0;
}

// The body of a raw HTTP answer (after the blank line).
inline std::string body_of(const std::string& answer) {
  const size_t end = answer.find("\r\n\r\n");
  return end == std::string::npos ? "" : answer.substr(end + 4);
}

// SQLite's PRAGMA integrity_check of the file at `path` (read-only): "ok" when sound.
inline std::string integrity_check(const std::string& path) {
  sqlite3* db = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    result = "cannot check";
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK) {
      result.clear();
      while (sqlite3_step(stmt) == SQLITE_ROW)
        result += (result.empty() ? "" : "; ") +
                  std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return result;
}

// The whole file at `path` ("" when missing).
inline std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace recoupe::testing
