#include "store/postgres_connection.h"

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace recoupe::store {
namespace {

// libpq's messages end with a newline and may continue on indented lines ("\n\tIs the server
// running…"): one line, single spaces.
std::string one_line(std::string_view message) {
  std::string out;
  bool space = false;
  for (char c : message) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void drop_notice(void*, const char*) {}

}  // namespace

std::string without_password(const std::string& url) {
  std::string out = url;
  const size_t scheme = out.find("://");
  const size_t at = out.find('@', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme != std::string::npos && at != std::string::npos) {
    const size_t colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
  }
  // A password given as a query parameter: drop "password=…" up to the next '&'.
  if (size_t p = out.find("password="); p != std::string::npos) {
    size_t end = out.find('&', p);
    const size_t from = p > 0 && (out[p - 1] == '&') ? p - 1 : p;
    if (end == std::string::npos)
      end = out.size();
    else if (from == p)
      ++end;  // "?password=x&y" → "?y"
    out.erase(from, end - from);
    if (!out.empty() && (out.back() == '?' || out.back() == '&')) out.pop_back();
  }
  return out;
}

PgParams& PgParams::add(std::string_view value) {
  values_.emplace_back(std::string(value));
  return *this;
}

PgParams& PgParams::add(const std::optional<std::string>& value) {
  values_.push_back(value);
  return *this;
}

PgParams& PgParams::add(int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

PgParams& PgParams::add(const std::optional<int64_t>& value) {
  return value ? add(*value) : add_null();
}

PgParams& PgParams::add(double value) {
  values_.emplace_back(fmt::format("{}", value));  // shortest text that reads back the same
  return *this;
}

PgParams& PgParams::add_null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

std::vector<const char*> PgParams::pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) {
    if (v && v->find('\0') != std::string::npos)
      throw PgError("a value holds a NUL character, which PostgreSQL text cannot store", "22021",
                    false);
    out.push_back(v ? v->c_str() : nullptr);
  }
  return out;
}

std::string PgResult::text(int row, int column) const {
  const PGresult* r = result_.get();
  return std::string(PQgetvalue(r, row, column), size_t(PQgetlength(r, row, column)));
}

std::optional<std::string> PgResult::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

int64_t PgResult::int64(int row, int column) const {
  if (is_null(row, column)) return 0;
  return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}

std::optional<int64_t> PgResult::optional_int64(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return int64(row, column);
}

double PgResult::real(int row, int column) const {
  if (is_null(row, column)) return 0;
  return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

int64_t PgResult::affected() const {
  const char* n = PQcmdTuples(result_.get());
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}

PGconn* PgConnection::open(const std::string& url, int connect_timeout_s) {
  // Our connect_timeout comes first: a connect_timeout in the URL (expanded from dbname)
  // overrides it.
  const std::string timeout = std::to_string(connect_timeout_s);
  const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "recoupe", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) throw PgError("cannot connect: out of memory", "", true);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = one_line(PQerrorMessage(conn));
    PQfinish(conn);
    throw PgError("cannot connect: " + why, "08001", true);
  }
  PQsetNoticeProcessor(conn, drop_notice, nullptr);
  return conn;
}

PgConnection PgConnection::connect(const std::string& url, int connect_timeout_s,
                                   std::string setup) {
  PgConnection c(open(url, connect_timeout_s), url, connect_timeout_s, std::move(setup));
  if (!c.setup_.empty()) c.exec(c.setup_);
  return c;
}

void PgConnection::reconnect() {
  prepared_.clear();
  conn_.reset(open(url_, connect_timeout_s_));
  if (!setup_.empty()) exec(setup_);
}

PgResult PgConnection::check(PGresult* result) {
  PgResult out(result);
  const ExecStatusType status = PQresultStatus(result);
  if (result != nullptr &&
      (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY))
    return out;
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string why = one_line(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_.get()));
  if (why.empty()) why = one_line(PQerrorMessage(conn_.get()));
  if (why.starts_with("ERROR: ")) why.erase(0, 7);
  const bool lost = broken();
  if (lost) why = "lost the connection to the server: " + why;
  throw PgError(why, state ? state : "", lost);
}

PgResult PgConnection::exec(std::string_view sql) {
  return check(PQexec(conn_.get(), std::string(sql).c_str()));
}

PgResult PgConnection::run_once(std::string_view sql, const PgParams& params) {
  const std::vector<const char*> values = params.pointers();
  return check(PQexecParams(conn_.get(), std::string(sql).c_str(), params.size(), nullptr,
                            values.data(), nullptr, nullptr, 0));
}

std::pair<std::string, bool> PgConnection::statement_name(std::string_view sql) {
  auto found = prepared_.find(std::string(sql));
  if (found != prepared_.end()) return {found->second, false};
  // Never a name used before on this connection: a preparation whose outcome was lost with a
  // failed pipeline may exist on the server.
  const std::string name = fmt::format("recoupe_{}", ++statements_named_);
  prepared_.emplace(std::string(sql), name);
  return {name, true};
}

PgResult PgConnection::run(std::string_view sql, const PgParams& params) {
  const std::vector<const char*> values = params.pointers();
  auto [name, fresh] = statement_name(sql);
  if (fresh) {
    try {
      check(PQprepare(conn_.get(), name.c_str(), std::string(sql).c_str(), 0, nullptr));
    } catch (const PgError&) {
      prepared_.erase(std::string(sql));
      throw;
    }
  }
  return check(
      PQexecPrepared(conn_.get(), name.c_str(), params.size(), values.data(), nullptr, nullptr, 0));
}

void PgConnection::begin_pipeline() {
  if (PQenterPipelineMode(conn_.get()) != 1)
    throw PgError("cannot pipeline statements: " + one_line(PQerrorMessage(conn_.get())), "",
                  broken());
  in_flight_ = 0;
  prepared_in_flight_.clear();
}

void PgConnection::send(std::string_view sql, const PgParams& params) {
  const std::vector<const char*> values = params.pointers();
  auto [name, fresh] = statement_name(sql);
  bool sent = true;
  if (fresh) {
    prepared_in_flight_.emplace_back(sql);
    sent = PQsendPrepare(conn_.get(), name.c_str(), std::string(sql).c_str(), 0, nullptr) == 1;
    if (sent) ++in_flight_;
  }
  if (sent)
    sent = PQsendQueryPrepared(conn_.get(), name.c_str(), params.size(), values.data(), nullptr,
                               nullptr, 0) == 1;
  if (!sent) {
    const std::string why = one_line(PQerrorMessage(conn_.get()));
    for (const auto& s : prepared_in_flight_) prepared_.erase(s);
    throw PgError(broken() ? "lost the connection to the server: " + why : why, "", broken());
  }
  if (++in_flight_ >= kPipelineChunk) sync_pipeline();
}

void PgConnection::sync_pipeline() {
  if (PQpipelineSync(conn_.get()) != 1)
    throw PgError("lost the connection to the server: " + one_line(PQerrorMessage(conn_.get())), "",
                  true);
  std::optional<PgError> first;
  for (int i = 0; i < in_flight_; ++i) {
    PGresult* result = PQgetResult(conn_.get());
    if (result == nullptr) {  // the connection went before every answer came
      first = PgError("lost the connection to the server: " + one_line(PQerrorMessage(conn_.get())),
                      "", true);
      break;
    }
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_PIPELINE_ABORTED) {  // skipped after a failure: not the cause
      PQclear(result);
    } else if (first) {
      PQclear(result);
    } else {
      try {
        check(result);  // takes it, and throws a failure as run() would
      } catch (PgError& e) {
        first = std::move(e);
      }
    }
    while (PGresult* end = PQgetResult(conn_.get())) PQclear(end);  // the NULL after each
  }
  in_flight_ = 0;
  if (!first) {
    PGresult* sync = PQgetResult(conn_.get());  // PGRES_PIPELINE_SYNC
    if (sync) PQclear(sync);
    prepared_in_flight_.clear();
    return;
  }
  // A preparation among them may have failed: prepare those statements again next time.
  for (const auto& s : prepared_in_flight_) prepared_.erase(s);
  prepared_in_flight_.clear();
  if (!first->connection_lost()) {
    while (PGresult* r = PQgetResult(conn_.get())) {  // up to the sync
      const bool synced = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
      PQclear(r);
      if (synced) break;
    }
    PQexitPipelineMode(conn_.get());
  }
  throw *first;
}

void PgConnection::abandon_pipeline() noexcept {
  if (PQpipelineStatus(conn_.get()) == PQ_PIPELINE_OFF || broken()) return;
  try {
    sync_pipeline();
  } catch (const PgError&) {
    return;  // it left pipeline mode, or the connection is gone
  }
  PQexitPipelineMode(conn_.get());
}

void PgConnection::end_pipeline() {
  sync_pipeline();
  if (PQexitPipelineMode(conn_.get()) != 1)
    throw PgError("cannot leave pipeline mode: " + one_line(PQerrorMessage(conn_.get())), "",
                  broken());
}

}  // namespace recoupe::store
