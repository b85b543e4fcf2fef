#include "server/metrics.h"

#include <fmt/format.h>

namespace recoupe::server {

void Metrics::count_request(int status) {
  std::lock_guard lock(mutex_);
  ++requests_[status];
}

void Metrics::count_batch(const engine::IngestSummary& done, size_t articles, size_t stories) {
  std::lock_guard lock(mutex_);
  ++batches_;
  added_ += done.counts.added;
  revised_ += done.counts.revised;
  unchanged_ += done.counts.unchanged;
  refused_ += done.counts.refused;
  seconds_.clean += done.seconds.clean;
  seconds_.place += done.seconds.place;
  seconds_.cross_check += done.seconds.cross_check;
  seconds_.store += done.seconds.store;
  articles_ = articles;
  stories_ = stories;
}

void Metrics::count_checks(const engine::IngestSummary& done, size_t taken,
                           size_t still_unchecked) {
  std::lock_guard lock(mutex_);
  checked_ += int64_t(done.updated.size() - done.checked_behind.size());
  behind_checks_ += int64_t(done.checked_behind.size());
  if (taken > done.updated.size()) dropped_checks_ += int64_t(taken - done.updated.size());
  seconds_.cross_check += done.seconds.cross_check;
  seconds_.store += done.seconds.store;
  unchecked_ = still_unchecked;
}

void Metrics::set_unchecked(size_t stories) {
  std::lock_guard lock(mutex_);
  unchecked_ = stories;
}

void Metrics::set_size(size_t articles, size_t stories) {
  std::lock_guard lock(mutex_);
  articles_ = articles;
  stories_ = stories;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  auto series = [&](const char* name, const char* type, const char* help) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
  };
  series("recoupe_articles", "gauge", "Articles in the store.");
  out += fmt::format("recoupe_articles {}\n", articles_);
  series("recoupe_stories", "gauge", "Live stories in the store.");
  out += fmt::format("recoupe_stories {}\n", stories_);
  series("recoupe_stories_unchecked", "gauge",
         "Stories whose new articles are stored and whose cross-check is to come.");
  out += fmt::format("recoupe_stories_unchecked {}\n", unchecked_);
  series("recoupe_cross_checked_stories_total", "counter",
         "Stories cross-checked after their articles were stored (serve.check_after_answer).");
  out += fmt::format("recoupe_cross_checked_stories_total {}\n", checked_);
  series("recoupe_cross_checks_behind_total", "counter",
         "Cross-checks stored as the story's report while a batch added articles to it during "
         "the check: the story stays unchecked and is checked again.");
  out += fmt::format("recoupe_cross_checks_behind_total {}\n", behind_checks_);
  series("recoupe_cross_checks_dropped_total", "counter",
         "Cross-checks not stored because a batch merged or split their story while it was "
         "checked: the story waits for the next one.");
  out += fmt::format("recoupe_cross_checks_dropped_total {}\n", dropped_checks_);
  series("recoupe_ingest_batches_total", "counter", "Ingest batches committed by this process.");
  out += fmt::format("recoupe_ingest_batches_total {}\n", batches_);
  series("recoupe_ingest_articles_total", "counter",
         "Articles of the committed batches, by outcome.");
  for (const auto& [outcome, n] :
       {std::pair{"added", added_}, std::pair{"revised", revised_},
        std::pair{"unchanged", unchanged_}, std::pair{"refused", refused_}})
    out += fmt::format("recoupe_ingest_articles_total{{outcome=\"{}\"}} {}\n", outcome, n);
  series("recoupe_ingest_seconds_total", "counter",
         "Wall time of the committed batches and cross-check steps, by step: where ingest time "
         "goes.");
  for (const auto& [step, s] :
       {std::pair{"clean", seconds_.clean}, std::pair{"place", seconds_.place},
        std::pair{"cross_check", seconds_.cross_check}, std::pair{"store", seconds_.store}})
    out += fmt::format("recoupe_ingest_seconds_total{{step=\"{}\"}} {:.6f}\n", step, s);
  series("recoupe_http_requests_total", "counter", "HTTP requests answered, by status.");
  for (const auto& [status, n] : requests_)
    out += fmt::format("recoupe_http_requests_total{{status=\"{}\"}} {}\n", status, n);
  return out;
}

}  // namespace recoupe::server
