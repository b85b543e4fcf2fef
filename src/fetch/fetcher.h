// Fetcher: one polite HTTP(S) GET on libcurl. Redirects with a limit, gzip/deflate (and br
// when libcurl has it) decoded, a body size limit, connect and total timeouts, a clear
// User-Agent, robots.txt obeyed (fetched once per site and kept), one request at a time per
// host with a pause, at most FetchConfig::max_concurrent transfers at once over all hosts,
// transient failures tried again with exponential backoff, conditional GET.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/expected.h"
#include "fetch/concurrency_limit.h"
#include "fetch/curl_library.h"
#include "fetch/fetch_config.h"
#include "fetch/host_pacer.h"
#include "fetch/robots.h"

namespace recoupe::fetch {

struct FetchRequest {
  std::string url;
  // Conditional GET: the validators of an earlier fetch of the same URL. A server that
  // finds the page unchanged answers 304 (FetchResult::not_modified).
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
};

struct FetchResult {
  std::string url;        // as requested
  std::string final_url;  // after redirects
  long status = 0;        // of the last response: 200, 304…
  bool not_modified = false;
  std::string body;          // decoded (no gzip), at most FetchConfig::max_body_bytes
  std::string content_type;  // "text/html; charset=utf-8", "" when not given
  std::optional<std::string> etag, last_modified;  // for the next conditional GET
  std::string fetched_at;                          // UTC, "2026-12-03T19:12:00Z"
  long redirects = 0;
  int attempts = 1;  // 2 or more when a transient failure was tried again
};

class Fetcher {
 public:
  // `library` (libcurl's process-wide state) must outlive the Fetcher.
  Fetcher(const CurlLibrary& library, FetchConfig config)
      : config_(std::move(config)), transfers_(size_t(std::max(1L, config_.max_concurrent))) {}

  // GETs `request.url` (http or https only). Fails with one line naming the cause (empty
  // `where`: the caller names the URL): "refused by robots.txt", "more than 5 redirects",
  // "body over 16777216 bytes", "timed out after 30 s", "HTTP 404", a connection error
  // with libcurl's words. A 304 answer to a conditional request is a result, not an error.
  // Blocks while another request to the same host runs or its pause lasts (HostPacer), and
  // for the transfer (bounded by the timeouts). A transient failure (5xx, a timeout, a
  // connection refused or reset) is tried again up to max_retries times with a doubling
  // pause; the last failure is returned with "(N attempts)" added. Thread-safe.
  Expected<FetchResult> fetch(const FetchRequest& request);

  // Makes every transfer in flight abort within about a second and every later fetch fail
  // at once ("stopped"): how a watcher stops on SIGTERM without waiting for slow sites.
  // Thread-safe; cannot be undone.
  void stop();
  bool stopped() const { return stopping_; }

  // The robots.txt rules of the site of `url`, fetched on first use and then kept for
  // FetchConfig::robots_max_age_ms: its rules
  // when it answers 2xx, everything allowed on 4xx, nothing allowed on 5xx (RFC 9309). Fails
  // (and is asked again next time) when the site cannot be reached at all. Thread-safe.
  Expected<RobotsRules> robots_for(const std::string& url);

  const FetchConfig& config() const { return config_; }

 private:
  // One transfer, no robots.txt check; `site` is what HostPacer paces by. `transient`: the
  // failure may not happen again (worth a retry).
  Expected<FetchResult> transfer(const FetchRequest& request, const std::string& site,
                                 bool& transient);
  // transfer() with the retries of FetchConfig::max_retries.
  Expected<FetchResult> transfer_with_retries(const FetchRequest& request, const std::string& site);
  std::chrono::milliseconds pause_for(const std::string& site);

  FetchConfig config_;
  HostPacer pacer_;
  ConcurrencyLimit transfers_;
  std::atomic<bool> stopping_{false};
  std::mutex stop_mutex_;
  std::condition_variable stop_wake_;  // ends the pauses between retries
  std::mutex robots_mutex_;
  struct KeptRobots {
    RobotsRules rules;
    HostPacer::Clock::time_point expires;
  };
  std::map<std::string, KeptRobots> robots_;  // by site ("https://host:port")
};

// "https://Host:8080/a?b" → "https://host:8080" (scheme, host and port), "" when `url` is not
// an absolute http(s) URL. Pure.
std::string site_of_url(const std::string& url);
// "https://host/a/b?q#f" → "/a/b?q": what robots.txt rules are matched against. Pure.
std::string path_of_url(const std::string& url);

// The current time, UTC, as fetches record it ("2026-12-03T19:12:00Z").
std::string utc_now();

}  // namespace recoupe::fetch
