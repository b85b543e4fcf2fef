// FetchConfig: how politely and how far the fetcher goes.
#pragma once

#include <cstddef>
#include <string>

namespace recoupe::fetch {

struct FetchConfig {
  // Sent with every request; names the program and where to read about it.
  std::string user_agent = "recoupe/0.3 (+https://github.com/recoupe/recoupe; news cross-check)";
  // The product token robots.txt groups are matched against.
  std::string robots_agent = "recoupe";
  bool obey_robots = true;
  long max_redirects = 5;
  size_t max_body_bytes = 16u << 20;  // decoded bytes; the transfer is aborted past it
  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 30'000;  // the whole transfer, redirects included (slow-drip servers)
  // Pause between two requests to one host (the next starts this long after the previous
  // ended); a robots.txt Crawl-delay raises it, up to max_crawl_delay_ms.
  long per_host_delay_ms = 1'000;
  long max_crawl_delay_ms = 30'000;
};

}  // namespace recoupe::fetch
