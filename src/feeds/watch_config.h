// WatchConfig: how often and how much `recoupe watch` (and `recoupe serve --sources`) reads
// of each source. Section "watch" of the engine config (docs/config.md).
#pragma once

#include <cstddef>

namespace recoupe::feeds {

struct WatchConfig {
  // Pause between the end of a round over every source and the start of the next, in seconds
  // (--every overrides it). A feed that did not change costs one conditional GET a round.
  long every_seconds = 300;
  // Sources polled at once (each by one thread; the fetcher keeps one request per host).
  long parallel_sources = 8;
  // Entries read of one feed (and child sitemaps of one index); the rest is left out and said.
  long max_entries = 500;
  // New or changed pages fetched from one source in one round; the rest waits for the next.
  long max_pages_per_round = 200;
  // Pages handed to the store together: each group is one ingest batch, so the first
  // stories show while later pages of a large feed are still being fetched.
  long pages_per_batch = 20;
  // A page that failed is tried again in the next rounds, at most this many times in all,
  // unless the feed changes its entry.
  long page_attempts = 3;
};

}  // namespace recoupe::feeds
