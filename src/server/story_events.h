// StoryEvents: what GET /api/events streams (Server-Sent Events): one event per story a
// batch created, cross-checked again or merged away, published after the batch commits.
// Subscribers wait for events after the last one they saw; the newest `capacity` events
// are kept, so a client that reconnects with Last-Event-ID gets what it missed (unless it
// was away for more than `capacity` events: it then starts from the oldest kept).
// Thread-safe: the writer publishes while request threads wait.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/live_stories.h"

namespace recoupe::server {

struct StoryEvent {
  int64_t id = 0;    // 1, 2, … in publication order (the SSE "id:")
  std::string type;  // "story.created", "story.updated", "story.merged"
  std::string data;  // one line of JSON: {"id", "checked"[, "through"]} or {"from", "into"}
};

// The events that take the stories of `before` to those of `after` (id → version, as
// store::Store::story_versions gives them): the one way events are told, for the server's
// own batches and for those of another process (a `recoupe ingest` beside the server),
// which leave no IngestSummary here. An id only in `after` was
// created, a version that changed was updated, an id gone was merged into
// `successor(id)` (nullopt: it left no redirect and no event is told). Created, then
// updated, then merged, each in id order. A created or updated event says whether the
// story's report is its cross-check now ({"id", "checked"}): false for the ids of
// `unchecked` (stored with new articles, cross-check to come: a second event follows).
// `through`, given for a step of cross-checks: the id of the last event told before the step
// took its stories. Each created or updated event then says it ({"id", "checked",
// "through"}): the story's report now covers every article of the batches told up to that
// event, even when "checked" is false (a batch added articles during the check: those wait
// for the next one).
using StoryVersions = std::map<std::string, int64_t>;
std::vector<StoryEvent> events_between(
    const StoryVersions& before, const StoryVersions& after,
    const std::function<std::optional<std::string>(const std::string&)>& successor,
    const std::set<std::string>& unchecked = {}, std::optional<int64_t> through = std::nullopt);

// An event as SSE text: "id: N\nevent: TYPE\ndata: JSON\n\n".
std::string sse_text(const StoryEvent& e);

class StoryEvents {
 public:
  explicit StoryEvents(size_t capacity = 1000) : capacity_(capacity) {}

  // Numbers and keeps `events`, then wakes every waiting subscriber.
  void publish(std::vector<StoryEvent> events);
  // The kept events after `after` (an event id; 0: from the oldest kept), waiting up to
  // `timeout` for one to come; empty on timeout or once closed.
  std::vector<StoryEvent> wait_after(int64_t after, std::chrono::milliseconds timeout);
  // The id of the newest event (0: none yet): where a new subscriber starts.
  int64_t last_id() const;
  // Wakes every subscriber for good (the server stops).
  void close();
  bool closed() const;

  // Counts the subscribers streaming now; try_subscribe refuses past `max` (each one holds
  // a request thread).
  bool try_subscribe(size_t max);
  void unsubscribe();

 private:
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<StoryEvent> kept_;
  int64_t next_id_ = 1;
  bool closed_ = false;
  size_t subscribers_ = 0;
};

}  // namespace recoupe::server
