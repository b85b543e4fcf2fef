// Clusterer: the one process that places articles when recoupe is scaled out
// (engine/article_log.h). It reads the cleaned articles the analysis workers publish, in
// the order the stream stored them, and stores them as `recoupe ingest` does
// (engine::LiveStories: placed by the live grouper, the touched stories cross-checked,
// one transaction), each batch with the stream position it read up to. Then it tells the
// story changes on the bus (story_event_subject: "created", "updated", "merged"), which
// the API servers relay to their browsers.
//
//   auto clusterer = engine::Clusterer::open(connection, pipeline, store);
//   while (!stop) { auto round = clusterer->run_once(); ... }
//
// One active: a clusterer works only while it holds the store's lead "clusterer"
// (Store::hold_lead); the others stand by and take over when its process dies.
// Exactly once: a batch and its position commit together, and a clusterer (re)starting or
// taking over reads from the position after the store's (Store::log_position). One killed
// at any moment neither loses nor repeats a placement. Even two active at once (a lead
// lost with a network partition) stay correct: Store::apply refuses a batch computed on a
// stale state, and the loser reads the store again.
// Order: the grouper is online, so the partition depends on the order and the batches
// articles come in. The clusterer places them in the order their raw articles were
// published (engine/raw_order.h), not in the order the workers finished cleaning them, so
// that a slow or killed worker changes no story: an article still with a worker holds back
// the ones after it, for at most ClustererConfig::gap_wait. Each batch stores, with its
// position, the first raw sequence not placed yet, so that a clusterer taking over goes on
// in the order the last one would have. Within one batch, articles are
// placed in publication order (engine::publication_order), as `recoupe ingest` places one.
// Write-behind: given a second Store on the same database (`writer`), the clusterer writes
// batch N on a thread of its own while it reads, places and cross-checks batch N+1
// (LiveStories::prepare: the live state runs one batch ahead of the store). The store's
// position still moves only with a committed batch, in its transaction. When the write of
// batch N fails (PostgreSQL restarting, another writer), batch N+1 is dropped unwritten, the
// live state is rebuilt from the store as at a restart, and both are read again from the
// store's position: nothing is lost or stored twice. A round reports the batch whose write
// it saw end (ClusterRound::summary), and a round that reads nothing waits for the write
// in flight, so a caught-up clusterer has stored everything it read.
// Cross-checks behind (ClustererConfig::check_later, the default): a batch is stored with its
// touched stories unchecked (LiveStories "Two steps": their articles, outlets and counts
// written, their reports not yet), so that a story update is stored and told as soon as the
// articles are placed, whatever the size of the stories. The stories waiting are then
// cross-checked a step at a time (the longest waiting first, each once for every article
// that joined it meanwhile) on a thread of the clusterer's own while the next batches are
// read and placed, and each step is stored between two batch writes (a new generation, its
// stories told "updated" again). A step whose stories a batch wrote meanwhile stores them
// as LiveStories::store_checks says. Once nothing waits, the reports are those a clusterer
// checking inside its batches stores. A clusterer that loses the lead drops its step: the
// stories still wait in the store, where the next leader finds them.
// The first shape had separate cross-check workers; they would need every story's
// article analyses again (read back from the store or carried over the bus), which the
// clusterer keeps in memory, and on one machine they would share the same cores. What the
// lag needs is only that placement no longer waits for the checks.
// Not thread-safe; `connection`, `pipeline`, `store` and `writer` must outlive it, and it
// is not moved while it checks (it is moved only by open()).
#pragma once

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "bus/connection.h"
#include "bus/ordered_reader.h"
#include "core/expected.h"
#include "engine/live_stories.h"
#include "engine/pipeline.h"
#include "engine/raw_order.h"
#include "store/store.h"

namespace recoupe::engine {

// The name of the lead the clusterers of one store compete for (Store::hold_lead).
inline constexpr const char* kClustererLead = "clusterer";

struct ClustererConfig {
  // Cleaned articles stored in one batch at most. Big batches cost fewer transactions and
  // cross-check a story once for all its new articles; each waits longer to be seen.
  size_t batch = 500;
  // After the first article of a batch, how long to wait for more before storing it. Only
  // when the clusterer has caught up with the stream: a round that finds articles waiting
  // reads those (up to `batch`) and stores them without waiting for more.
  // 20 ms: at 200 articles/s, p99 from publish to stored 1.2-2.2 s against 2.3-2.8 s with
  // 200 ms (bench/README.md, session 12); behind, rounds size themselves anyway.
  std::chrono::milliseconds linger{20};
  // How long one round waits for a first article before it ends empty.
  std::chrono::milliseconds wait{1000};
  // How long a raw article still with a worker holds back the ones published after it
  // (engine/raw_order.h). Longer than the cleaning queue's ack wait (10 s), after which a
  // killed worker's articles go to another one, so that even they are placed in order.
  std::chrono::milliseconds gap_wait{15000};
  // Cross-check the stories a batch touched after it is stored, a step at a time beside the
  // next batches (see above), instead of inside the batch before its write.
  bool check_later = true;
  // Stories cross-checked in one step behind the batches.
  size_t check_stories = 8;
};

// What one round did.
struct ClusterRound {
  bool leading = true;    // false: another clusterer holds the lead; nothing was read
  size_t read = 0;        // cleaned articles read off the stream
  int64_t position = 0;   // the stream position read up to (the store's, when nothing)
  IngestSummary summary;  // what the batch stored (committed = -1: nothing changed)
  // The step of cross-checks stored at the start of this round (check_later; committed =
  // -1: none).
  IngestSummary checks;
  std::vector<Error> errors;    // messages that were not cleaned articles (skipped)
  std::vector<Error> warnings;  // events that could not be told (the batch is stored)
};

class Clusterer {
 public:
  // Replays the store into a LiveStories and opens the stream after the store's position.
  // Fails with the store's or the bus's error.
  // With `writer` (another Store opened on the same location; used only from the write
  // thread), batches are written behind (see above); without, each round writes its batch.
  static Expected<Clusterer> open(bus::Connection& connection, const Pipeline& pipeline,
                                  store::Store& store, const ClustererConfig& config = {},
                                  store::Store* writer = nullptr);
  Clusterer(Clusterer&&) noexcept;
  Clusterer& operator=(Clusterer&&) noexcept;
  ~Clusterer();

  // Without the lead, waits config.wait and returns a round with leading false. With it,
  // reads up to config.batch cleaned articles (waiting config.wait for the first, then
  // config.linger for the rest, unless the first had others waiting behind it: then those
  // only), stores them as one batch with their position, and
  // publishes the story events. When storing fails (the store down, another writer), the
  // error is returned and the next round reads the same articles again from the store's
  // position. A message that is not a cleaned article is skipped and named in the errors.
  Expected<ClusterRound> run_once();

  // The stream position stored with the last batch (or read at open).
  int64_t position() const { return position_; }
  // The stories stored unchecked and not yet cross-checked behind (check_later; those of the
  // step being made included). 0 once a caught-up clusterer has checked everything.
  size_t unchecked() const { return live_.unchecked(); }

 private:
  // A batch written behind (write-behind): the write thread's answer, and what to report
  // and where to read again from once it ends.
  struct WriteResult {
    Expected<int64_t> generation;
    double seconds = 0;  // how long Store::apply took
  };
  struct InFlight {
    std::future<WriteResult> done;
    IngestSummary summary;                    // committed: the generation it must make
    int64_t position = 0;                     // the stream position it stores
    std::optional<uint64_t> expected_before;  // the first raw sequence not stored before it
  };

  Clusterer(bus::Connection& connection, store::Store& store, store::Store* writer,
            LiveStories live, const ClustererConfig& config);
  Expected<bool> reopen_reader();
  // Reads up to config.batch messages into order_; false when the round is over already
  // (the write in flight ended while it waited for a first article).
  Expected<bool> read_round(ClusterRound& round);
  // Stores the batch now (no writer), or prepares it and hands it to the write thread.
  Expected<ClusterRound> store_now(ClusterRound round, IngestBatch batch,
                                   std::optional<uint64_t> expected_before, int64_t settled);
  Expected<ClusterRound> write_behind(ClusterRound round, IngestBatch batch,
                                      std::optional<uint64_t> expected_before, int64_t settled);
  // Waits for the write in flight, if any, and reports it in `round`; when it failed, the
  // live state is dropped and the stream read again from the store's position.
  Expected<bool> finish_write(ClusterRound& round);
  std::vector<Error> tell_events(const IngestSummary& summary);
  CheckWhen check_when() const {
    return config_.check_later ? CheckWhen::kLater : CheckWhen::kInBatch;
  }
  // check_later, at the start of each round: stores the step of cross-checks made since the
  // last round, if it is made (after the write in flight), and starts the next one when
  // stories wait. Never waits for a check: a round waiting for articles ends as soon as the
  // step is made (read_round), and the next round stores it.
  Expected<bool> step_checks(ClusterRound& round);
  // Waits for the step being made, if any, and forgets it: its stories wait in the store.
  void drop_checks();

  bus::Connection* connection_;
  store::Store* store_;
  store::Store* writer_;  // null: no write-behind
  LiveStories live_;
  std::unique_ptr<bus::OrderedReader> reader_;  // null: to reopen from the store's position
  int64_t position_ = 0;               // the stream position stored with the last batch committed
  int64_t ahead_ = 0;                  // the stream position of the last batch handed to live_
  std::optional<InFlight> in_flight_;  // the batch the write thread is writing
  std::optional<std::future<CheckJob>> checking_;  // the step of cross-checks being made
  bool checks_lost_ = false;  // a step's store failed: its stories wait in the store only
  bool leading_ = false;
  ClustererConfig config_;
  RawOrder order_;
  int64_t last_read_ = 0;  // the cleaned stream's sequence of the last message read
  // Drops what is held and reads again from the store's position; `next_raw`: the first
  // raw sequence not stored, when known.
  void read_again(std::optional<uint64_t> next_raw);
};

}  // namespace recoupe::engine
