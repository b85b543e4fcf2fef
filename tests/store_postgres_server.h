// A real PostgreSQL 15 server for the tests, on loopback, in a temporary folder: initdb into
// it, then the postmaster on a free port with its unix socket in the folder too, trusting
// local logins of the user `recoupe`. PostgreSQL refuses to run as root (and CI runs as
// root): then initdb and postgres run as the user `postgres` (Debian's package creates it;
// else `nobody`) through setpriv, the folder given to that user. The postmaster is a child
// of the test process that dies with it (parent-death signal), and the destructor stops it
// and removes the folder, whatever the tests did.
//
//   REQUIRE_POSTGRES();                                     // GTEST_SKIP without binaries
//   std::string url = shared_postgres().new_database();     // a fresh, empty database
//   auto store = store::Store::open(url, store::OpenMode::kReadWrite);
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace recoupe::testing {

// Where Debian's postgresql-15 puts initdb and postgres.
inline constexpr const char* kPostgresBin = "/usr/lib/postgresql/15/bin";

// "" when initdb and postgres are there, else why the PostgreSQL tests cannot run.
std::string postgres_missing();

class PostgresServer {
 public:
  // initdb and start; throws std::runtime_error with the server's log on failure.
  PostgresServer();
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  int port() const { return port_; }
  // postgresql://recoupe@127.0.0.1:PORT/DATABASE
  std::string url(const std::string& database) const;
  // Creates a new empty database (a new name each call) and returns its URL.
  std::string new_database();

  // Fast shutdown (SIGINT, as pg_ctl stop -m fast): sessions are cut, everything committed
  // is kept. Waits until the postmaster has exited.
  void stop();
  // kill -9 of the postmaster (and its backends): a crash; the next start() recovers.
  void kill_hard();
  // Starts again on the same port and folder; waits until it accepts connections.
  void start();
  void restart() {
    stop();
    start();
  }

 private:
  // Runs `command` (a PostgreSQL binary and its arguments, already quoted) as the server's
  // user; throws with its output when it fails.
  void run_as_server_user(const std::string& command) const;

  std::filesystem::path dir_;
  int port_ = 0;
  pid_t postmaster_ = -1;
  int databases_ = 0;
  uid_t uid_ = 0;  // who runs the server (0: ourselves, not root)
  gid_t gid_ = 0;
};

// One server for the whole test run, started at first use (a few seconds), stopped at exit.
PostgresServer& shared_postgres();

}  // namespace recoupe::testing

// Skips the test, with the reason, when PostgreSQL 15 is not installed (scripts/setup
// installs it, so on CI these tests run).
#define REQUIRE_POSTGRES()                                                                    \
  do {                                                                                        \
    if (const std::string missing = ::recoupe::testing::postgres_missing(); !missing.empty()) \
      GTEST_SKIP() << missing;                                                                \
  } while (0)
