// What GET /metrics reports, in the Prometheus text format (version 0.0.4): the store's
// size as the live grouper sees it, the ingest batches and their articles, and the HTTP
// requests answered by status. Counters start at zero with the process.
// Thread-safe: request threads count while the writer records batches.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "engine/live_stories.h"

namespace recoupe::server {

class Metrics {
 public:
  // One answered request (any path) with its status.
  void count_request(int status);
  // One committed batch, and the size of the store after it (articles, stories).
  void count_batch(const engine::IngestSummary& done, size_t articles, size_t stories);
  // The store's size when the server starts (before any batch).
  void set_size(size_t articles, size_t stories);
  // One step of cross-checks of stories stored unchecked: `taken` stories were checked, those
  // stored are named in the summary's `updated` (the others were written by a batch
  // meanwhile, or merged away, and wait for the next check), and how many still wait.
  void count_checks(const engine::IngestSummary& done, size_t taken, size_t still_unchecked);
  // The stories waiting for their cross-check now.
  void set_unchecked(size_t stories);

  // The series, one "# HELP", "# TYPE" and value lines each:
  // recoupe_articles, recoupe_stories, recoupe_stories_unchecked (gauges),
  // recoupe_cross_checked_stories_total, recoupe_cross_checks_behind_total,
  // recoupe_cross_checks_dropped_total,
  // recoupe_ingest_batches_total,
  // recoupe_ingest_articles_total{outcome="added|revised|unchanged|refused"},
  // recoupe_ingest_seconds_total{step="clean|place|cross_check|store"} (wall time of the
  // committed batches' steps), recoupe_http_requests_total{status="200"…}.
  std::string render() const;

 private:
  mutable std::mutex mutex_;
  size_t articles_ = 0, stories_ = 0, unchecked_ = 0;
  int64_t checked_ = 0;         // stories cross-checked after their batch
  int64_t behind_checks_ = 0;   // checks stored as reports of stories that grew meanwhile
  int64_t dropped_checks_ = 0;  // checks of stories merged or split meanwhile
  int64_t batches_ = 0;
  int64_t added_ = 0, revised_ = 0, unchanged_ = 0, refused_ = 0;
  engine::IngestSummary::Timings seconds_;  // summed over the batches
  std::map<int, int64_t> requests_;         // status → count
};

}  // namespace recoupe::server
