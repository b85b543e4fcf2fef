#include "store/store.h"

#include <ctime>

#include <fmt/format.h>

#include "store/postgres_connection.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace recoupe::store {

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}
bool is_postgres_location(const std::string& location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string shown_location(const std::string& location) {
  return is_postgres_location(location) ? without_password(location) : location;
}

Expected<Store> Store::open(const std::string& location, OpenMode mode, const StoreOptions& options,
                            const std::string& now) {
  auto backend = is_postgres_location(location)
                     ? PostgresStore::open(location, mode, options, now)
                     : SqliteStore::open(location, mode, options.busy_timeout_ms, now);
  if (!backend) return backend.error();
  return Store(std::move(*backend));
}

}  // namespace recoupe::store
