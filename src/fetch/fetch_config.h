// FetchConfig: how politely and how far the fetcher goes. Section "fetch" of the engine
// config (docs/config.md); `recoupe fetch` options override some keys.
#pragma once

#include <cstddef>
#include <string>

namespace recoupe::fetch {

struct FetchConfig {
  // Sent with every request; names the program and where to read about it.
  std::string user_agent = "recoupe/0.3 (+https://github.com/recoupe/recoupe; news cross-check)";
  // The product token robots.txt groups are matched against.
  std::string robots_agent = "recoupe";
  // Whether robots.txt is read and obeyed (turn off only for your own sites).
  bool obey_robots = true;
  // How long a site's robots.txt is kept before it is read again (RFC 9309: at most a day).
  long robots_max_age_ms = 3600000;
  // Redirects followed for one request; one more is an error (a redirect loop).
  long max_redirects = 5;
  // Decoded bytes of one answer; the transfer is aborted past it (endless body, gzip bomb).
  size_t max_body_bytes = 16777216;
  // Time to open the connection.
  long connect_timeout_ms = 10000;
  // The whole transfer, redirects included (a slow-drip server is cut off here).
  long total_timeout_ms = 30000;
  // Pause between two requests to one host (the next starts this long after the previous
  // ended); a robots.txt Crawl-delay raises it, up to max_crawl_delay_ms.
  long per_host_delay_ms = 1000;
  // The longest Crawl-delay obeyed.
  long max_crawl_delay_ms = 30000;
  // Transient failures (HTTP 5xx, a timeout, a connection refused or reset, an empty answer)
  // are tried again up to max_retries more times, after retry_delay_ms, then twice that, and
  // so on; a 4xx answer, a redirect loop or a body over the limit are not: trying again
  // would get the same.
  long max_retries = 2;
  // The first pause before a retry (doubled at each one).
  long retry_delay_ms = 500;
  // Transfers running at once over all hosts (each host has one at a time anyway).
  long max_concurrent = 8;
};

}  // namespace recoupe::fetch
