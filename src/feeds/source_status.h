// SourceStatus: what the watcher last saw of each source of a sources file, and what it has
// fetched since it started, as plain values; with their JSON (GET /api/sources) and their
// Prometheus series (GET /metrics, recoupe_fetch_*).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace recoupe::feeds {

struct SourceStatus {
  std::string url;
  std::string outlet;  // "" when the sources file names none
  std::string where;   // "sources.txt:3"
  // The last round: "never" (not polled yet), "ok", "not_modified" (the feed answered 304:
  // nothing to do), "partial" (the feed was read, but some of its pages failed or entries
  // past the cap were left out: see `message`), "error" (the source itself could not be read).
  std::string outcome = "never";
  std::string message;       // the last round's error or warning, "" when all went well
  std::string last_fetch;    // UTC time the last round of this source started, "" before any
  double last_seconds = 0;   // how long it took
  int64_t entries_seen = 0;  // entries the feed listed in the last round
  int64_t entries_new = 0;   // of those, new or changed ones, fetched in the last round
  // Since the watcher started:
  int64_t rounds = 0;
  int64_t pages_fetched = 0;  // pages turned into documents (handed to the store)
  int64_t pages_failed = 0;
  int64_t errors = 0;  // rounds whose outcome was "error"
};

// Requests made, since the watcher started, by outcome: "ok", "not_modified", "error".
// Retries of a transient failure count as one request (its last outcome).
struct FetchCounts {
  std::map<std::string, int64_t> by_outcome;
  int64_t bytes = 0;    // decoded bytes received
  int64_t retried = 0;  // requests that needed more than one attempt
};

// {"sources": [{"url", "outlet", "where", "outcome", "message", "last_fetch",
// "last_seconds", "entries_seen", "entries_new", "rounds", "pages_fetched",
// "pages_failed", "errors"}]}; outlet, message and last_fetch null when empty.
nlohmann::ordered_json sources_to_json(const std::vector<SourceStatus>& sources);

// The Prometheus text (format 0.0.4) of the fetches: recoupe_fetch_requests_total{outcome},
// recoupe_fetch_bytes_total, recoupe_fetch_retried_total, recoupe_fetch_pages_total{outcome=
// "ok|failed"}, recoupe_fetch_sources{outcome} (sources by their last round's outcome),
// recoupe_fetch_source_up{source} (1 when its last round was not an error),
// recoupe_fetch_source_last_fetch_seconds{source} (Unix time of its last round).
std::string fetch_metrics(const std::vector<SourceStatus>& sources, const FetchCounts& counts);

}  // namespace recoupe::feeds
