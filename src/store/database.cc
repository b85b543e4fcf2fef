#include "store/database.h"

#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

namespace recoupe::store {
namespace {

// The parent folder of `path` ("." for a bare file name).
std::filesystem::path folder_of(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

// `path` with the characters an SQLite URI gives a meaning to ('?', '#', '%') escaped.
std::string uri_escaped(const std::string& path) {
  std::string out;
  for (char c : path)
    out += c == '?' ? "%3f" : c == '#' ? "%23" : c == '%' ? "%25" : std::string(1, c);
  return out;
}

}  // namespace

Database Database::open(const std::string& path, OpenMode mode, int busy_timeout_ms) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // SQLite says "unable to open database file" for every one of these; name the cause.
  if (!fs::is_directory(folder_of(path), ec))
    throw SqlError(
        fmt::format("cannot open: the folder {} does not exist", folder_of(path).string()),
        SQLITE_CANTOPEN);
  if (fs::is_directory(path, ec))
    throw SqlError("cannot open: is a folder, not a database file", SQLITE_CANTOPEN);
  if (mode == OpenMode::kReadOnly && !fs::exists(path, ec))
    throw SqlError("no store here yet (recoupe ingest creates it)", SQLITE_CANTOPEN);
  int flags = (mode == OpenMode::kReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                            : SQLITE_OPEN_READONLY) |
              SQLITE_OPEN_NOMUTEX;
  std::string name = path;
  // A reader of a WAL store needs its -shm file, which it cannot create in a read-only
  // folder (a read-only mount, a copy on a CD): "unable to open database file". Without a
  // -wal file beside it nobody is writing there, so the file is opened as immutable.
  if (mode == OpenMode::kReadOnly && ::access(folder_of(path).c_str(), W_OK) != 0 &&
      !fs::exists(path + "-wal", ec)) {
    name = "file:" + uri_escaped(fs::absolute(path, ec).string()) + "?immutable=1";
    flags |= SQLITE_OPEN_URI;
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  Database db(raw, path, mode);
  if (rc != SQLITE_OK) {
    if (mode == OpenMode::kReadWrite && (rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY))
      throw SqlError("cannot open for writing: the file or its folder is read-only", rc);
    throw db.error("cannot open", rc);
  }
  sqlite3_extended_result_codes(db.db_, 1);
  // A read-only file opened read-write is silently opened read-only by SQLite: refuse it
  // now rather than at the first write of a batch.
  if (mode == OpenMode::kReadWrite && sqlite3_db_readonly(db.db_, "main") == 1)
    throw SqlError("cannot open for writing: the file is read-only", SQLITE_READONLY);
  sqlite3_busy_timeout(db.db_, busy_timeout_ms);
  // Reading the schema checks that this is an SQLite database at all.
  db.exec("PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_schema;");
  if (mode == OpenMode::kReadWrite) {
    Statement wal(db, "PRAGMA journal_mode = WAL");
    if (!wal.step() || wal.text(0) != "wal")
      throw SqlError("cannot use the WAL journal (is the folder writable?)", SQLITE_CANTOPEN);
    // In WAL mode NORMAL loses no committed batch on a process crash; only a power cut
    // can undo the last commits, never corrupt the file.
    db.exec("PRAGMA synchronous = NORMAL");
  }
  return db;
}

// The kept statements name the Database they were prepared through (for its errors): a move
// finalizes them; they are prepared again on first use.
Database::Database(Database&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), mode_(other.mode_) {
  other.prepared_.clear();
  other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    prepared_.clear();
    other.prepared_.clear();
    if (db_) sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    mode_ = other.mode_;
    other.db_ = nullptr;
  }
  return *this;
}

Database::~Database() {
  prepared_.clear();
  if (db_) sqlite3_close_v2(db_);
}

Statement& Database::prepared(std::string_view sql) {
  auto it = prepared_.find(std::string(sql));
  if (it == prepared_.end())
    it = prepared_.emplace(std::string(sql), std::make_unique<Statement>(*this, sql)).first;
  it->second->reset();  // a statement an exception left mid-way starts over
  return *it->second;
}

void Database::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string why = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw SqlError(why, rc);
  }
}

SqlError Database::error(std::string_view doing, int code) const {
  const char* why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  return SqlError(fmt::format("{}: {}", doing, why), code);
}

Statement::Statement(const Database& db, std::string_view sql) : db_(&db) {
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &stmt_, nullptr);
  if (rc != SQLITE_OK) throw db.error("preparing a statement", rc);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  // The text is copied (SQLITE_TRANSIENT): callers may bind temporaries.
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  SqlError e = db_->error("running a statement", rc);
  sqlite3_reset(stmt_);
  throw e;
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, size_t(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
  open_ = true;
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace recoupe::store
