// Watcher: keeps polling the sources of a sources file and hands the pages of new or changed
// entries to a sink as input documents (the store's ingest, in `recoupe watch` and
// `recoupe serve --sources`).
//
//   feeds::Watcher watcher(sources, fetcher, config, sink, log);
//   watcher.run_round();         // one round over every source (--once)
//   watcher.run();               // rounds every config.every_seconds, until stop()
//
// A round polls every source (config.parallel_sources at once). A feed, sitemap or sitemap
// index (followed one level), or the feeds a home page declares (`discover`), is read with a
// conditional GET: a feed that did not change costs one 304 and nothing else. Its entries
// not seen before, or whose title or date the feed changed, are fetched (a changed page is
// then stored as a revision of the same article) and turned into documents by
// fetched_page.h; the others are not fetched again. A page source is read with a
// conditional GET each round and handed on when it changed. What the watcher remembers of a
// feed is what the feed lists now: an entry that left the feed is forgotten (bounded memory).
//
// Failures never stop the other sources: a source that cannot be read (timeout, size limit,
// redirect loop, invalid XML…) is one log line (not repeated while it fails the same way)
// and its status's outcome "error"; a page that
// fails (not HTML, too large…) is one log line, counted in the status, and tried again in
// the next rounds (config.page_attempts in all) unless it failed for good.
// Thread-safety: run_round() and run() from one thread; stop(), statuses() and counts()
// from any. The sink and the log are called from the polling threads, one call at a time.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/raw_document.h"
#include "feeds/source_status.h"
#include "feeds/sources.h"
#include "feeds/watch_config.h"
#include "fetch/fetcher.h"

namespace recoupe::feeds {

class Watcher {
 public:
  // Receives the documents of one source (at most config.pages_per_batch at a time).
  using Sink = std::function<void(const Source&, std::vector<RawDocument>)>;
  // Receives one line ("sources.txt:3 https://…/feed.xml: timed out…"), no newline.
  using Log = std::function<void(const std::string&)>;

  // `fetcher` must outlive the Watcher.
  Watcher(std::vector<Source> sources, fetch::Fetcher& fetcher, WatchConfig config, Sink sink,
          Log log);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Answers whether the store holds the article at `url` (normalize_url of a feed entry's
  // link) as the feed describes it: stored under that id, with the entry's `title` when the
  // feed gives one. Thread-safe (the polling threads call it).
  using Stored =
      std::function<bool(const std::string& url, const std::optional<std::string>& title)>;
  // Makes an entry this watcher has not seen yet, and that `stored` says is stored as listed,
  // count as fetched: after a restart (or between two `--once` runs) the entries stored
  // before are not fetched again; one whose title changed since (an updated article) is.
  // Call before the first round.
  void skip_stored(Stored stored) { stored_ = std::move(stored); }

  // Polls every source once and returns when each is done (or stop() was called).
  void run_round();
  // Rounds until stop(), config.every_seconds apart (from the end of one to the start of
  // the next), each ended by one log line ("round 3 done in 1.20 s: 12 sources, 2 with new
  // entries, 1 with errors; 40 pages stored since the start").
  void run();
  // Ends run() and run_round() soon: the transfers in flight are aborted (Fetcher::stop),
  // the pages fetched so far are handed to the sink. Thread-safe.
  void stop();

  std::vector<SourceStatus> statuses() const;
  FetchCounts counts() const;

 private:
  struct SourceState;
  class SourceRound;
  void poll(size_t index);
  // One log line after a round of run(): what changed, what failed.
  void say_round(int64_t round, std::chrono::steady_clock::duration took);

  std::vector<Source> sources_;
  fetch::Fetcher& fetcher_;
  const WatchConfig config_;
  Sink sink_;
  Log log_;
  Stored stored_;
  std::vector<std::unique_ptr<SourceState>> states_;  // parallel to sources_
  mutable std::mutex status_mutex_;
  std::vector<SourceStatus> statuses_;
  FetchCounts counts_;
  std::mutex sink_mutex_;  // one sink or log call at a time
  std::mutex stop_mutex_;
  std::condition_variable stop_wake_;
  std::atomic<bool> stopping_{false};
};

}  // namespace recoupe::feeds
