// PgConnection: one libpq connection of the PostgreSQL store, with its statements prepared
// once and kept, and its results. The PostgreSQL backend's SQL runs through these small RAII
// types only (as SQLite's through store/database.h); nothing outside src/store/ includes
// this header. libpq, not libpqxx: the store needs a handful of calls and reports failures
// its own way (one line, no exception out of the store), which a thin wrapper of the C API
// does without another layer.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recoupe::store {

// A failed libpq call: what was being done and the server's or libpq's reason, in one line.
// Caught by every method of PostgresStore and returned as an Error naming the URL.
class PgError : public std::runtime_error {
 public:
  PgError(std::string message, std::string sqlstate, bool connection_lost)
      : std::runtime_error(std::move(message)),
        sqlstate_(std::move(sqlstate)),
        connection_lost_(connection_lost) {}
  // The SQLSTATE ("23503" a foreign key, "55P03" a lock timeout…); "" when none came.
  const std::string& sqlstate() const { return sqlstate_; }
  // The connection broke (the server stopped or restarted, the network went): reconnecting
  // may help.
  bool connection_lost() const { return connection_lost_; }

 private:
  std::string sqlstate_;
  bool connection_lost_;
};

// `url` with its password left out (user:secret@host → user@host; password=… dropped):
// what messages and logs may show.
std::string without_password(const std::string& url);

// The parameters of one statement, $1, $2… in the order added, in libpq's text format.
class PgParams {
 public:
  PgParams& add(std::string_view value);
  PgParams& add(const std::string& value) { return add(std::string_view(value)); }
  PgParams& add(const char* value) { return add(std::string_view(value)); }
  PgParams& add(const std::optional<std::string>& value);  // nullopt → NULL
  PgParams& add(int64_t value);
  PgParams& add(int value) { return add(int64_t(value)); }
  PgParams& add(const std::optional<int64_t>& value);  // nullopt → NULL
  PgParams& add(double value);
  PgParams& add_null();

  int size() const { return int(values_.size()); }
  // libpq's arrays: NULL pointers for NULL values.
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

class PgResult;

// One row of a result, read by column like SQLite's Statement (columns from 0): what the
// row readers of store/columns.h take.
class PgRow {
 public:
  PgRow(const PgResult& result, int row) : result_(result), row_(row) {}
  bool is_null(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  int64_t int64(int column) const;
  std::optional<int64_t> optional_int64(int column) const;
  double real(int column) const;

 private:
  const PgResult& result_;
  int row_;
};

// One statement's result rows. Columns from 0, as in SQLite's Statement.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, PQclear) {}
  int rows() const { return PQntuples(result_.get()); }
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column); }
  std::string text(int row, int column) const;  // NULL → ""
  std::optional<std::string> optional_text(int row, int column) const;
  int64_t int64(int row, int column) const;  // NULL → 0
  std::optional<int64_t> optional_int64(int row, int column) const;
  double real(int row, int column) const;
  int64_t affected() const;  // rows an INSERT, UPDATE or DELETE touched
  PgRow row(int row) const { return PgRow(*this, row); }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

inline bool PgRow::is_null(int column) const { return result_.is_null(row_, column); }
inline std::string PgRow::text(int column) const { return result_.text(row_, column); }
inline std::optional<std::string> PgRow::optional_text(int column) const {
  return result_.optional_text(row_, column);
}
inline int64_t PgRow::int64(int column) const { return result_.int64(row_, column); }
inline std::optional<int64_t> PgRow::optional_int64(int column) const {
  return result_.optional_int64(row_, column);
}
inline double PgRow::real(int column) const { return result_.real(row_, column); }

class PgConnection {
 public:
  // Connects to `url` (a postgresql:// URL, libpq's syntax); `connect_timeout_s` unless the
  // URL gives connect_timeout; `setup` (SET statements) runs on every (re)connection.
  // Server notices are dropped (the store prints nothing). Throws PgError: "cannot connect:
  // <libpq's reason>".
  static PgConnection connect(const std::string& url, int connect_timeout_s, std::string setup);

  PgConnection(PgConnection&&) noexcept = default;
  PgConnection& operator=(PgConnection&&) noexcept = default;

  // Runs `sql` (one or more statements, no parameters). Throws PgError.
  PgResult exec(std::string_view sql);
  // Runs `sql` with `params`, prepared on this connection the first time and kept: what every
  // write batch and frequent read runs. Throws PgError (a value holding a NUL character,
  // which PostgreSQL text cannot store, included).
  PgResult run(std::string_view sql, const PgParams& params = {});
  // The same without keeping the statement: for SQL that varies with its input (a listing's
  // filters), which would fill the connection with statements used once.
  PgResult run_once(std::string_view sql, const PgParams& params);

  // Pipelined statements (libpq's pipeline mode): between begin_pipeline() and
  // end_pipeline(), send() queues a statement as run() would run it, without waiting for its
  // answer; end_pipeline() reads every answer and throws the first failure (the statements
  // after a failed one are skipped by the server). A write batch's hundreds of INSERTs then
  // cost a few round trips instead of one each: about a third of a batch's time in the
  // store on loopback (bench/README.md), more over a network. Nothing else may run on the
  // connection in between. The answers are read every kPipelineChunk statements so that
  // neither side's buffers fill while the other waits.
  void begin_pipeline();
  void send(std::string_view sql, const PgParams& params);
  void end_pipeline();
  // After a failure between the two: reads what is left and leaves pipeline mode, so that
  // the connection takes a ROLLBACK; nothing when not pipelining or the connection is gone.
  void abandon_pipeline() noexcept;
  static constexpr int kPipelineChunk = 256;

  // Connects again after a lost connection (the prepared statements go with the old one).
  // Throws PgError like connect().
  void reconnect();
  bool broken() const { return PQstatus(conn_.get()) != CONNECTION_OK; }

 private:
  PgConnection(PGconn* conn, std::string url, int connect_timeout_s, std::string setup)
      : conn_(conn, PQfinish),
        url_(std::move(url)),
        connect_timeout_s_(connect_timeout_s),
        setup_(std::move(setup)) {}
  static PGconn* open(const std::string& url, int connect_timeout_s);
  // Throws PgError for a result that is not a success; returns it otherwise.
  PgResult check(PGresult* result);
  // The statement's name on this connection, and whether it must be prepared first.
  std::pair<std::string, bool> statement_name(std::string_view sql);
  // Reads the answers of the statements sent since the last sync; throws the first failure.
  void sync_pipeline();

  std::unique_ptr<PGconn, void (*)(PGconn*)> conn_;
  std::string url_;
  int connect_timeout_s_;
  std::string setup_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
  int64_t statements_named_ = 0;
  int in_flight_ = 0;  // pipelined statements (and preparations) not yet answered
  std::vector<std::string> prepared_in_flight_;  // SQL prepared in them: unknown if they fail
};

}  // namespace recoupe::store
