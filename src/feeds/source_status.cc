#include "feeds/source_status.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "core/calendar.h"

namespace recoupe::feeds {
namespace {

nlohmann::ordered_json text_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

// A label value as Prometheus reads it: backslash, quote and newline escaped.
std::string label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// "2026-12-04T10:00:00Z" → Unix seconds; 0 when it is not such a time.
int64_t unix_seconds(const std::string& utc) {
  if (utc.size() < 19) return 0;
  auto day = parse_iso_date(utc.substr(0, 10));
  if (!day) return 0;
  const int h = std::atoi(utc.c_str() + 11), m = std::atoi(utc.c_str() + 14),
            s = std::atoi(utc.c_str() + 17);
  return days_from_civil(*day) * 86400 + h * 3600 + m * 60 + s;
}

}  // namespace

nlohmann::ordered_json sources_to_json(const std::vector<SourceStatus>& sources) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const SourceStatus& s : sources)
    list.push_back({{"url", s.url},
                    {"outlet", text_or_null(s.outlet)},
                    {"where", s.where},
                    {"outcome", s.outcome},
                    {"message", text_or_null(s.message)},
                    {"last_fetch", text_or_null(s.last_fetch)},
                    {"last_seconds", std::round(s.last_seconds * 1000) / 1000},
                    {"entries_seen", s.entries_seen},
                    {"entries_new", s.entries_new},
                    {"rounds", s.rounds},
                    {"pages_fetched", s.pages_fetched},
                    {"pages_failed", s.pages_failed},
                    {"errors", s.errors}});
  return {{"sources", list}};
}

std::string fetch_metrics(const std::vector<SourceStatus>& sources, const FetchCounts& counts) {
  std::string out;
  auto series = [&](const char* name, const char* type, const char* help) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
  };
  series("recoupe_fetch_requests_total", "counter", "HTTP requests of the watcher, by outcome.");
  for (const char* outcome : {"ok", "not_modified", "error"}) {
    auto it = counts.by_outcome.find(outcome);
    out += fmt::format("recoupe_fetch_requests_total{{outcome=\"{}\"}} {}\n", outcome,
                       it == counts.by_outcome.end() ? 0 : it->second);
  }
  series("recoupe_fetch_bytes_total", "counter", "Decoded bytes the watcher received.");
  out += fmt::format("recoupe_fetch_bytes_total {}\n", counts.bytes);
  series("recoupe_fetch_retried_total", "counter",
         "Requests tried again after a transient failure.");
  out += fmt::format("recoupe_fetch_retried_total {}\n", counts.retried);
  int64_t pages_ok = 0, pages_failed = 0;
  std::map<std::string, int64_t> by_outcome = {
      {"never", 0}, {"ok", 0}, {"not_modified", 0}, {"partial", 0}, {"error", 0}};
  for (const SourceStatus& s : sources) {
    pages_ok += s.pages_fetched;
    pages_failed += s.pages_failed;
    ++by_outcome[s.outcome];
  }
  series("recoupe_fetch_pages_total", "counter", "Article pages fetched, by outcome.");
  out += fmt::format("recoupe_fetch_pages_total{{outcome=\"ok\"}} {}\n", pages_ok);
  out += fmt::format("recoupe_fetch_pages_total{{outcome=\"failed\"}} {}\n", pages_failed);
  series("recoupe_fetch_sources", "gauge", "Sources by the outcome of their last round.");
  for (const auto& [outcome, n] : by_outcome)
    out += fmt::format("recoupe_fetch_sources{{outcome=\"{}\"}} {}\n", outcome, n);
  series("recoupe_fetch_source_up", "gauge", "1 when the source's last round was no error.");
  for (const SourceStatus& s : sources)
    out += fmt::format("recoupe_fetch_source_up{{source=\"{}\"}} {}\n", label(s.url),
                       s.outcome == "error" ? 0 : 1);
  series("recoupe_fetch_source_last_fetch_seconds", "gauge",
         "Unix time of the source's last round (0: never).");
  for (const SourceStatus& s : sources)
    out += fmt::format("recoupe_fetch_source_last_fetch_seconds{{source=\"{}\"}} {}\n",
                       label(s.url), unix_seconds(s.last_fetch));
  return out;
}

}  // namespace recoupe::feeds
