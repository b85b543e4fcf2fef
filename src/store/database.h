// Database: one open SQLite connection of the store, and the prepared statements and
// transactions made on it. The store's SQL runs through these three small RAII types only;
// nothing outside src/store/ includes this header.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace recoupe::store {

class Statement;

// A failed SQLite call inside the store: what was being done and SQLite's reason, in one
// line. Thrown by Database, Statement and Transaction, and caught by every public method
// of Store and LiveStories, which return it as an Error naming the database file: no
// exception leaves src/store/.
class SqlError : public std::runtime_error {
 public:
  SqlError(std::string message, int code) : std::runtime_error(std::move(message)), code_(code) {}
  int code() const { return code_; }  // the SQLite result code (SQLITE_BUSY, SQLITE_FULL…)

 private:
  int code_;
};

enum class OpenMode {
  kReadWrite,  // creates the file when missing; WAL journal
  kReadOnly,   // the file must exist; nothing is ever written
};

// One connection. Opened with foreign keys on, a busy timeout (a reader or writer waits that
// long for another process's lock before failing with SQLITE_BUSY) and, read-write, the WAL
// journal (readers never block the writer nor see half a batch). Move-only; not
// thread-safe (one connection per thread).
class Database {
 public:
  // Throws SqlError when the file cannot be opened in `mode`: a folder that does not exist,
  // a read-only file or folder (read-write), no file (read-only), not an SQLite database.
  static Database open(const std::string& path, OpenMode mode, int busy_timeout_ms);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements without results (schema, pragmas). Throws SqlError.
  void exec(std::string_view sql);

  // The statement of `sql` prepared once on this connection and kept until it closes, reset
  // and ready to bind: for the SQL every write batch runs (a single-article batch would
  // otherwise spend a fifth of its store time parsing SQL). The reference is valid until
  // this Database is moved or destroyed; do not hold it across a call that may prepare the
  // same SQL again. Throws SqlError like Statement's constructor.
  Statement& prepared(std::string_view sql);

  const std::string& path() const { return path_; }
  OpenMode mode() const { return mode_; }
  sqlite3* handle() const { return db_; }

  // A SqlError for the last failure on this connection: "`doing`: SQLite's message".
  SqlError error(std::string_view doing, int code) const;

 private:
  Database(sqlite3* db, std::string path, OpenMode mode)
      : db_(db), path_(std::move(path)), mode_(mode) {}
  sqlite3* db_ = nullptr;
  std::string path_;
  OpenMode mode_ = OpenMode::kReadOnly;
  // prepared(): SQL text → its statement. Dropped (finalized) on a move, before the
  // connection closes.
  std::unordered_map<std::string, std::unique_ptr<Statement>> prepared_;
};

// One prepared statement, reset for reuse by reset(). Parameters are numbered from 1,
// columns from 0, as in SQLite. Move-only; tied to the Database it was prepared on, which
// must outlive it.
class Statement {
 public:
  Statement(const Database& db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::optional<std::string>& value);  // nullopt → NULL
  Statement& bind(int index, const std::optional<int64_t>& value);      // nullopt → NULL
  Statement& bind_null(int index);

  // Steps once: true when a row is ready to read, false when the statement is done.
  // Throws SqlError on failure (the statement is then reset).
  bool step();
  // Steps to the end (a write), then reset().
  void run();
  // Ready to run again: rewound, parameters cleared.
  void reset();

  int columns() const { return sqlite3_column_count(stmt_); }
  bool is_null(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;                          // NULL → ""
  std::optional<std::string> optional_text(int column) const;  // NULL → nullopt
  std::optional<int64_t> optional_int64(int column) const;

 private:
  const Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE … COMMIT: takes the write lock at once (so two writers queue on the busy
// timeout instead of failing half-way), and rolls back in the destructor unless commit()
// succeeded. Not movable.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();  // throws SqlError (then the destructor rolls back)

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace recoupe::store
