#include "feeds/watcher.h"

#include <chrono>
#include <ctime>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "feeds/canonical_url.h"
#include "feeds/fetched_page.h"
#include "feeds/page_links.h"
#include "feeds/parse_feed.h"

namespace recoupe::feeds {
namespace {

// What makes a listed entry "changed", so that its page is fetched again: the title and
// date the feed gives it (an outlet that edits an article usually updates both).
std::string fingerprint(const FeedEntry& e) {
  return e.title.value_or("") + '\x1f' + e.published.value_or("");
}

struct Validators {
  std::optional<std::string> etag, last_modified;
};

}  // namespace

// What the watcher keeps of one source between rounds: only what its documents list now.
struct Watcher::SourceState {
  struct Document {  // a feed, sitemap, home page or page source, by URL
    Validators validators;
    std::vector<std::string> children;    // child sitemaps, or the feeds a home page declares
    std::vector<std::string> entry_keys;  // identity keys of the entries it listed
  };
  struct Entry {  // a listed article page, by identity key
    std::string fingerprint;
    int failures = 0;
    bool done = false;  // fetched (or failed for good): not fetched again unless it changes
    Validators validators;
  };
  std::map<std::string, Document> documents;
  std::map<std::string, Entry> entries;
};

// One round of one source: what it fetches, hands on, counts and says.
class Watcher::SourceRound {
 public:
  // `last_message`: the source's status message after its previous round.
  SourceRound(Watcher& w, size_t index, std::string last_message)
      : w_(w),
        source_(w.sources_[index]),
        state_(*w.states_[index]),
        last_message_(std::move(last_message)) {}

  // Runs the round and returns the source's status for it (counters: this round only).
  SourceStatus run() {
    status_.last_fetch = fetch::utc_now();
    const auto start = std::chrono::steady_clock::now();
    read_document(source_.url, 0);
    flush();
    state_.documents = std::move(next_documents_);
    state_.entries = std::move(next_entries_);
    status_.last_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (source_error_) {
      status_.outcome = "error";
      status_.message = *source_error_;
    } else if (!problems_.empty()) {
      status_.outcome = "partial";
      status_.message = problems_.front();
      if (problems_.size() > 1)
        status_.message += " (and " + std::to_string(problems_.size() - 1) + " more)";
    } else {
      status_.outcome = any_read_ ? "ok" : "not_modified";
    }
    return status_;
  }

 private:
  // Reads one document of the source (the source's URL at depth 0, then the feeds or
  // sitemaps it leads to at depth 1) and what it lists.
  void read_document(const std::string& url, int depth) {
    if (w_.stopping_) return;
    if (next_documents_.count(url)) return;  // listed twice (or a loop)
    SourceState::Document& doc = next_documents_[url];
    const auto old = state_.documents.find(url);
    const bool known = old != state_.documents.end();
    fetch::FetchRequest request{url, {}, {}};
    if (known && !has_pending_entries(old->second)) {
      request.etag = old->second.validators.etag;
      request.last_modified = old->second.validators.last_modified;
    }
    auto r = get(request);
    if (!r) return fail_document(url, depth, r.error().message);
    if (r->not_modified) {  // nothing new here: what it listed stays as it was
      doc = old->second;
      for (const auto& key : doc.entry_keys)
        if (auto e = state_.entries.find(key); e != state_.entries.end()) next_entries_.insert(*e);
      for (const auto& child : doc.children) read_document(child, depth + 1);
      return;
    }
    any_read_ = true;
    doc.validators = {r->etag, r->last_modified};
    if (looks_like_feed(r->body)) return read_feed(url, *r, depth);
    if (depth > 0) return fail_document(url, depth, "not a feed or sitemap");
    if (source_.discover) return read_home_page(url, *r);
    page(url, *r, nullptr, nullptr);  // a page source
  }

  void read_feed(const std::string& url, const fetch::FetchResult& r, int depth) {
    FeedLimits limits;
    limits.max_entries = size_t(std::max(1L, w_.config_.max_entries));
    auto feed = parse_feed(r.body, limits, r.final_url);
    if (!feed) return fail_document(url, depth, feed.error().message);
    if (feed->dropped)
      problem(url, std::to_string(feed->dropped) + " entries past watch.max_entries (" +
                       std::to_string(limits.max_entries) + ") left out");
    if (!feed->child_sitemaps.empty()) {
      next_documents_[url].children = feed->child_sitemaps;
      for (const auto& child : feed->child_sitemaps) {
        if (depth > 0) {
          problem(child, "a sitemap index inside a sitemap index is not followed");
          continue;
        }
        read_document(child, depth + 1);
      }
    }
    status_.entries_seen += int64_t(feed->entries.size());
    std::vector<std::string> keys;
    for (const FeedEntry& entry : feed->entries) {
      if (w_.stopping_) break;
      std::string key = identity_key(entry.url);
      if (key.empty()) key = entry.url;
      keys.push_back(key);
      read_entry(key, entry);
    }
    next_documents_[url].entry_keys = std::move(keys);
  }

  void read_home_page(const std::string& url, const fetch::FetchResult& r) {
    const PageLinks links = read_page_links(r.body, r.final_url);
    if (links.feeds.empty())
      return fail_document(url, 0, "the page declares no feed (<link rel=\"alternate\">)");
    next_documents_[url].children = links.feeds;
    for (const auto& feed : links.feeds) read_document(feed, 1);
  }

  // One listed entry: fetched when new, changed, or failed before and worth another try.
  void read_entry(const std::string& key, const FeedEntry& entry) {
    if (next_entries_.count(key)) return;  // listed twice
    const auto old = state_.entries.find(key);
    const std::string print = fingerprint(entry);
    if (old != state_.entries.end() && old->second.done && old->second.fingerprint == print) {
      next_entries_.insert(*old);
      return;
    }
    if (old == state_.entries.end() && w_.stored_ &&
        w_.stored_(normalize_url(entry.url), entry.title)) {
      SourceState::Entry known;  // stored by an earlier run, as the feed lists it now
      known.fingerprint = print;
      known.done = true;
      next_entries_[key] = std::move(known);
      return;
    }
    if (pages_this_round_ >= size_t(std::max(0L, w_.config_.max_pages_per_round))) {
      if (old != state_.entries.end()) next_entries_.insert(*old);
      return;  // not remembered as done: the next round takes it
    }
    ++pages_this_round_;
    ++status_.entries_new;
    SourceState::Entry e;
    e.fingerprint = print;
    fetch::FetchRequest request{entry.url, {}, {}};
    if (old != state_.entries.end()) {
      if (old->second.fingerprint == print) e.failures = old->second.failures;
      request.etag = old->second.validators.etag;
      request.last_modified = old->second.validators.last_modified;
    }
    auto r = get(request);
    if (!r) {
      e.done = ++e.failures >= w_.config_.page_attempts;
      page_failed(entry.url, r.error().message);
    } else {
      e.validators = {r->etag, r->last_modified};
      e.done = true;  // a page that is not HTML will not become one: not tried again
      if (!r->not_modified) page(entry.url, *r, &entry, &e);
    }
    next_entries_[key] = std::move(e);
  }

  // A fetched page → a document for the sink.
  void page(const std::string& url, const fetch::FetchResult& r, const FeedEntry* entry,
            SourceState::Entry* seen) {
    auto doc = page_document(r, entry, &source_);
    if (!doc) {
      if (!entry) return fail_document(url, 0, doc.error().message);  // the source itself
      if (seen) seen->done = true;
      return page_failed(url, doc.error().message);
    }
    ++status_.pages_fetched;
    pending_.push_back(std::move(*doc));
    if (pending_.size() >= size_t(std::max(1L, w_.config_.pages_per_batch))) flush();
  }

  // A GET, counted by outcome.
  Expected<fetch::FetchResult> get(const fetch::FetchRequest& request) {
    auto r = w_.fetcher_.fetch(request);
    std::lock_guard lock(w_.status_mutex_);
    FetchCounts& c = w_.counts_;
    ++c.by_outcome[!r ? "error" : r->not_modified ? "not_modified" : "ok"];
    if (r) {
      c.bytes += int64_t(r->body.size());
      if (r->attempts > 1) ++c.retried;
    } else if (r.error().message.find(" attempts)") != std::string::npos) {
      ++c.retried;
    }
    return r;
  }

  bool has_pending_entries(const SourceState::Document& doc) const {
    for (const auto& key : doc.entry_keys)
      if (auto e = state_.entries.find(key); e != state_.entries.end() && !e->second.done)
        return true;
    return false;
  }

  void fail_document(const std::string& url, int depth, const std::string& why) {
    if (why == "stopped") return;
    if (depth == 0) {
      source_error_ = url + ": " + why;
      // A source failing the same way round after round is said once (its status keeps
      // saying it, and the round line counts it).
      if (*source_error_ != last_message_) say(source_.where + " " + url + ": " + why);
      return;
    }
    problem(url, why);
  }

  void page_failed(const std::string& url, const std::string& why) {
    if (why == "stopped") return;
    ++status_.pages_failed;
    problem(url, why);
  }

  void problem(const std::string& url, const std::string& why) {
    problems_.push_back(url + ": " + why);
    say(source_.where + " " + url + ": " + why);
  }

  void say(const std::string& line) {
    std::lock_guard lock(w_.sink_mutex_);
    w_.log_(line);
  }

  void flush() {
    if (pending_.empty()) return;
    std::vector<RawDocument> batch;
    batch.swap(pending_);
    std::lock_guard lock(w_.sink_mutex_);
    w_.sink_(source_, std::move(batch));
  }

  Watcher& w_;
  const Source& source_;
  SourceState& state_;
  const std::string last_message_;
  SourceStatus status_;
  std::map<std::string, SourceState::Document> next_documents_;
  std::map<std::string, SourceState::Entry> next_entries_;
  std::vector<RawDocument> pending_;
  std::vector<std::string> problems_;
  std::optional<std::string> source_error_;
  size_t pages_this_round_ = 0;
  bool any_read_ = false;
};

Watcher::Watcher(std::vector<Source> sources, fetch::Fetcher& fetcher, WatchConfig config,
                 Sink sink, Log log)
    : sources_(std::move(sources)),
      fetcher_(fetcher),
      config_(config),
      sink_(std::move(sink)),
      log_(std::move(log)) {
  for (const Source& s : sources_) {
    states_.push_back(std::make_unique<SourceState>());
    SourceStatus st;
    st.url = s.url;
    st.outlet = s.outlet.value_or("");
    st.where = s.where;
    statuses_.push_back(std::move(st));
  }
}

Watcher::~Watcher() = default;

void Watcher::poll(size_t index) {
  std::string last_message;
  {
    std::lock_guard lock(status_mutex_);
    last_message = statuses_[index].message;
  }
  SourceStatus round = SourceRound(*this, index, std::move(last_message)).run();
  if (stopping_ && round.outcome == "not_modified") return;  // cut short: says nothing
  std::lock_guard lock(status_mutex_);
  SourceStatus& s = statuses_[index];
  s.outcome = round.outcome;
  s.message = round.message;
  s.last_fetch = round.last_fetch;
  s.last_seconds = round.last_seconds;
  s.entries_seen = round.entries_seen;
  s.entries_new = round.entries_new;
  ++s.rounds;
  s.pages_fetched += round.pages_fetched;
  s.pages_failed += round.pages_failed;
  if (round.outcome == "error") ++s.errors;
}

void Watcher::run_round() {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < sources_.size() && !stopping_; i = next++) poll(i);
  };
  const size_t threads = std::min(sources_.size(), size_t(std::max(1L, config_.parallel_sources)));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

void Watcher::run() {
  for (int64_t round = 1; !stopping_; ++round) {
    const auto start = std::chrono::steady_clock::now();
    run_round();
    if (stopping_) break;
    say_round(round, std::chrono::steady_clock::now() - start);
    std::unique_lock lock(stop_mutex_);
    stop_wake_.wait_for(lock, std::chrono::seconds(std::max(1L, config_.every_seconds)),
                        [this] { return stopping_.load(); });
  }
}

void Watcher::say_round(int64_t round, std::chrono::steady_clock::duration took) {
  size_t changed = 0, failing = 0;
  int64_t pages = 0;
  {
    std::lock_guard lock(status_mutex_);
    for (const SourceStatus& s : statuses_) {
      changed += s.entries_new > 0;
      failing += s.outcome == "error" || s.outcome == "partial";
      pages += s.pages_fetched;
    }
  }
  std::lock_guard lock(sink_mutex_);
  log_(
      fmt::format("round {} done in {:.2f} s: {} sources, {} changed, {} with errors; {} pages "
                  "stored since the start",
                  round, std::chrono::duration<double>(took).count(), sources_.size(), changed,
                  failing, pages));
}

void Watcher::stop() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  fetcher_.stop();
  stop_wake_.notify_all();
}

std::vector<SourceStatus> Watcher::statuses() const {
  std::lock_guard lock(status_mutex_);
  return statuses_;
}

FetchCounts Watcher::counts() const {
  std::lock_guard lock(status_mutex_);
  return counts_;
}

}  // namespace recoupe::feeds
