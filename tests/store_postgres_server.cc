#include "store_postgres_server.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <fmt/format.h>

namespace recoupe::testing {
namespace {

namespace fs = std::filesystem;

// A port nobody listens on now: the kernel's pick for port 0.
int free_port() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (s < 0 || bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    throw std::runtime_error("no free port on 127.0.0.1");
  const int port = ntohs(addr.sin_port);
  close(s);
  return port;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The last `n` characters of the server's log: what a failure shows.
std::string log_tail(const fs::path& dir, size_t n = 2000) {
  const std::string log = read_file(dir / "server.log");
  return log.size() > n ? log.substr(log.size() - n) : log;
}

}  // namespace

std::string postgres_missing() {
  for (const char* binary : {"initdb", "postgres"})
    if (access((fs::path(kPostgresBin) / binary).c_str(), X_OK) != 0)
      return fmt::format(
          "PostgreSQL 15 is not installed ({}/{} is missing; scripts/setup "
          "installs postgresql-15)",
          kPostgresBin, binary);
  if (geteuid() == 0 && access("/usr/bin/setpriv", X_OK) != 0)
    return "running as root needs /usr/bin/setpriv (util-linux) to run PostgreSQL as a user";
  return "";
}

PostgresServer::PostgresServer() {
  char folder[] = "/tmp/recoupe-pg-XXXXXX";
  if (mkdtemp(folder) == nullptr) throw std::runtime_error("cannot make a temporary folder");
  dir_ = folder;
  if (geteuid() == 0) {
    const passwd* user = getpwnam("postgres");
    if (user == nullptr) user = getpwnam("nobody");
    if (user == nullptr) throw std::runtime_error("no user postgres or nobody to run PostgreSQL");
    uid_ = user->pw_uid;
    gid_ = user->pw_gid;
    if (chown(folder, uid_, gid_) != 0) throw std::runtime_error("cannot chown the folder");
  }
  port_ = free_port();
  run_as_server_user(
      fmt::format("{}/initdb -D '{}/data' -U recoupe --auth=trust -E UTF8 "
                  "--locale=C.UTF-8 --no-sync",
                  kPostgresBin, dir_.string()));
  start();
}

PostgresServer::~PostgresServer() {
  try {
    stop();
  } catch (...) {
    kill_hard();
  }
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

void PostgresServer::run_as_server_user(const std::string& command) const {
  const std::string as_user =
      uid_ == 0 ? ""
                : fmt::format("/usr/bin/setpriv --reuid={} --regid={} --clear-groups ", uid_, gid_);
  // From the folder: the server's user may not enter the test's working folder.
  const std::string line = fmt::format("cd '{}' && {}{} >>'{}/server.log' 2>&1", dir_.string(),
                                       as_user, command, dir_.string());
  if (std::system(line.c_str()) != 0)
    throw std::runtime_error("`" + command + "` failed: " + log_tail(dir_));
}

void PostgresServer::start() {
  // Everything the child needs is made before fork(): after it, a multi-threaded process's
  // child may only make async-signal-safe calls (no allocation).
  const std::string data = (dir_ / "data").string(), socket_dir = dir_.string();
  const std::string port = std::to_string(port_);
  const std::string log = (dir_ / "server.log").string();
  const std::string postgres = std::string(kPostgresBin) + "/postgres";
  const std::string reuid = fmt::format("--reuid={}", uid_),
                    regid = fmt::format("--regid={}", gid_);
  // fsync off: a test server need not survive a power cut, and a restart keeps everything.
  std::vector<const char*> args = {postgres.c_str(),
                                   "-D",
                                   data.c_str(),
                                   "-p",
                                   port.c_str(),
                                   "-k",
                                   socket_dir.c_str(),
                                   "-c",
                                   "listen_addresses=127.0.0.1",
                                   "-c",
                                   "fsync=off",
                                   "-c",
                                   "max_connections=50",
                                   nullptr};
  if (uid_ != 0) {
    // setpriv changes the user, which clears the parent-death signal: it sets it again.
    args.insert(args.begin(), {"/usr/bin/setpriv", reuid.c_str(), regid.c_str(), "--clear-groups",
                               "--pdeathsig", "KILL", "--"});
  }
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("cannot fork");
  if (child == 0) {
    // The server dies with the test process, even when it crashes.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int out = open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    dup2(out, 1);
    dup2(out, 2);
    if (chdir(socket_dir.c_str()) != 0) _exit(126);
    execv(args[0], const_cast<char* const*>(args.data()));
    _exit(127);
  }
  postmaster_ = child;
  const std::string probe = url("postgres");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (PQping(probe.c_str()) != PQPING_OK) {
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) {
      postmaster_ = -1;
      throw std::runtime_error("PostgreSQL did not start: " + log_tail(dir_));
    }
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("PostgreSQL did not answer within 60 s: " + log_tail(dir_));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void PostgresServer::stop() {
  if (postmaster_ < 0) return;
  ::kill(postmaster_, SIGINT);  // fast shutdown
  waitpid(postmaster_, nullptr, 0);
  postmaster_ = -1;
}

void PostgresServer::kill_hard() {
  if (postmaster_ < 0) return;
  ::kill(postmaster_, SIGKILL);
  waitpid(postmaster_, nullptr, 0);
  postmaster_ = -1;
  // The backends notice their postmaster's death and exit; a start before they all have is
  // refused ("pre-existing shared memory block is still in use"): give them a moment.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
}

std::string PostgresServer::url(const std::string& database) const {
  return fmt::format("postgresql://recoupe@127.0.0.1:{}/{}", port_, database);
}

std::string PostgresServer::new_database() {
  const std::string name = fmt::format("t{}", ++databases_);
  PGconn* conn = PQconnectdb(url("postgres").c_str());
  std::unique_ptr<PGconn, void (*)(PGconn*)> closing(conn, PQfinish);
  PGresult* r = PQexec(conn, ("CREATE DATABASE " + name).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) throw std::runtime_error("CREATE DATABASE failed: " + std::string(PQerrorMessage(conn)));
  return url(name);
}

PostgresServer& shared_postgres() {
  static PostgresServer server;
  return server;
}

}  // namespace recoupe::testing
