#include "engine/clusterer.h"

#include <future>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "bus/cleaned_article.h"
#include "bus/events.h"
#include "engine/article_log.h"

namespace recoupe::engine {
namespace {

using Clock = std::chrono::steady_clock;

// While a batch is written behind, how often a round waiting for its first article looks
// whether the write has ended (a local check: the bus pushes the messages).
constexpr std::chrono::milliseconds kWritePoll{5};

// Whether the thread behind `future` has ended (a write behind, a step of checks).
template <typename T>
bool ready(const std::future<T>& future) {
  return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

Clusterer::Clusterer(bus::Connection& connection, store::Store& store, store::Store* writer,
                     LiveStories live, const ClustererConfig& config)
    : connection_(&connection),
      store_(&store),
      writer_(writer),
      live_(std::move(live)),
      config_(config),
      order_(config.gap_wait) {}

Clusterer::Clusterer(Clusterer&&) noexcept = default;
Clusterer& Clusterer::operator=(Clusterer&&) noexcept = default;
Clusterer::~Clusterer() = default;

Expected<Clusterer> Clusterer::open(bus::Connection& connection, const Pipeline& pipeline,
                                    store::Store& store, const ClustererConfig& config,
                                    store::Store* writer) {
  auto live = LiveStories::open(pipeline, store);
  if (!live) return live.error();
  Clusterer clusterer(connection, store, writer, std::move(*live), config);
  if (auto opened = clusterer.reopen_reader(); !opened) return opened.error();
  return clusterer;
}

Expected<bool> Clusterer::reopen_reader() {
  auto position = store_->log_position();
  if (!position) return position.error();
  auto reader = bus::OrderedReader::open(*connection_, kCleanedStream, kCleanedSubject,
                                         uint64_t(position->read_up_to) + 1);
  if (!reader) return reader.error();
  reader_ = std::make_unique<bus::OrderedReader>(std::move(*reader));
  position_ = position->read_up_to;
  ahead_ = position->read_up_to;
  last_read_ = position->read_up_to;
  // Unknown after a start or a takeover: the raw order goes on from where the last batch
  // stored left it, whoever stored it; an empty store starts with the first raw article.
  if (!order_.expected()) {
    if (position->next_raw)
      order_.expect(uint64_t(*position->next_raw));
    else if (position->read_up_to == 0)
      order_.expect(1);
  }
  return true;
}

void Clusterer::read_again(std::optional<uint64_t> next_raw) {
  reader_.reset();
  order_ = RawOrder(config_.gap_wait);
  order_.expect(next_raw);
}

Expected<ClusterRound> Clusterer::run_once() {
  ClusterRound round;
  auto lead = store_->hold_lead(kClustererLead);
  if (!lead || !*lead)  // what was being written is known before anything else
    if (auto finished = finish_write(round); !finished) return finished.error();
  if (!lead) return lead.error();
  if (!*lead) {  // standing by
    // No reader meanwhile: taking over reads from the store's position anyway, and an open
    // one had the servers push it every cleaned article (as much bus work as the leader's).
    reader_.reset();
    drop_checks();
    leading_ = false;
    round.leading = false;
    std::this_thread::sleep_for(config_.wait);
    return round;
  }
  if (!leading_) {  // just took over: read on from where the store is, not from memory
    if (auto followed = live_.follow(); !followed) return followed.error();
    leading_ = true;
    read_again(std::nullopt);  // the raw order goes on from where the store says it stood
  }
  if (!reader_)
    if (auto reopened = reopen_reader(); !reopened) return reopened.error();
  round.position = position_;
  if (auto stepped = step_checks(round); !stepped) return stepped.error();
  auto read = read_round(round);
  if (!read) return read.error();
  if (!*read) return round;
  order_.anchor([this](const RawOrder::Item& item) {
    return !item.message.refused && !live_.knows(item.message.article.id);
  });
  // Everything before it is stored (or being written): where to wait from again if this
  // batch fails.
  const std::optional<uint64_t> expected_before = order_.expected();
  IngestBatch batch;
  for (RawOrder::Item& item : order_.release(Clock::now())) {
    if (item.message.refused) continue;
    batch.documents.push_back(std::move(item.message.raw));
    batch.cleaned.push_back(std::move(item.message.article));
  }
  const int64_t settled = std::max(ahead_, order_.settled(last_read_));
  if (batch.documents.empty()) {  // refusals, skipped messages, or all held back
    // A round that reads nothing ends the write in flight: caught up, all is stored.
    if (round.read == 0)
      if (auto finished = finish_write(round); !finished) return finished.error();
    ahead_ = settled;
    if (!in_flight_) position_ = settled;
    round.position = position_;
    return round;
  }
  ahead_ = settled;
  batch.log_position = store::LogPosition{settled, std::nullopt};
  if (order_.expected()) batch.log_position->next_raw = int64_t(*order_.expected());
  if (!writer_) return store_now(std::move(round), std::move(batch), expected_before, settled);
  return write_behind(std::move(round), std::move(batch), expected_before, settled);
}

Expected<bool> Clusterer::read_round(ClusterRound& round) {
  Clock::time_point until = Clock::now() + config_.wait;
  bool behind = false;  // articles were waiting when the round began
  while (round.read < config_.batch) {
    // Behind, the articles still waiting are on their way: no linger ends the round early.
    std::chrono::milliseconds timeout = config_.wait;
    if (!behind) {
      // Past the linger the round still takes what has come already, up to a batch: the
      // servers push messages ahead into the client's buffer, where `pending` no longer
      // counts them, so a clusterer behind can look caught up. Ending there made batches
      // of ~50 articles out of a backlog of thousands (scale_bench, 10,000 at 200/s), each
      // cross-checking its stories again.
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      timeout = std::max(left, std::chrono::milliseconds(1));
    }
    // While a batch is written or a step of checks made, the first article is waited for in
    // short slices, so that the write's end is told (and its lag measured) when it comes, and
    // a step made is stored then, not with the next batch.
    const bool polling = (in_flight_ || checking_) && round.read == 0;
    if (polling) timeout = std::min(timeout, kWritePoll);
    auto next = reader_->next(timeout);
    if (!next) {
      if (auto finished = finish_write(round); !finished) return finished.error();
      read_again(order_.expected());  // everything released so far is stored
      return next.error();
    }
    if (!*next) {  // caught up
      if (!polling || Clock::now() >= until) break;
      if (!(in_flight_ && ready(in_flight_->done)) && !(checking_ && ready(*checking_))) continue;
      if (auto finished = finish_write(round); !finished) return finished.error();
      return false;
    }
    const bus::Message& m = **next;
    if (round.read++ == 0) {
      until = Clock::now() + config_.linger;
      behind = m.pending > 0;
    }
    last_read_ = int64_t(m.stream_sequence);
    // Behind the stream, lingering for more only delays what waits already: the round
    // stops once it has read every article that was waiting.
    const bool read_all_waiting = behind && m.pending == 0;
    if (auto message = bus::decode_cleaned(m.data, message_where(m)))
      order_.add({last_read_, std::move(*message)});
    else
      round.errors.push_back(message.error());
    if (read_all_waiting) break;
  }
  return true;
}

Expected<ClusterRound> Clusterer::store_now(ClusterRound round, IngestBatch batch,
                                            std::optional<uint64_t> expected_before,
                                            int64_t settled) {
  auto done = live_.ingest(std::move(batch), check_when());
  if (!done) {
    // These articles are read again, from the store's position, and placed from the first.
    read_again(expected_before);
    return done.error();
  }
  // Stored, or nothing to store (every article known already): either way these messages
  // are done. A batch that wrote nothing recorded no position; after a restart they are
  // read again and found unchanged again.
  position_ = settled;
  round.position = position_;
  round.warnings = tell_events(*done);
  round.summary = std::move(*done);
  return round;
}

Expected<ClusterRound> Clusterer::write_behind(ClusterRound round, IngestBatch batch,
                                               std::optional<uint64_t> expected_before,
                                               int64_t settled) {
  auto prepared = live_.prepare(std::move(batch), check_when());
  // The write in flight ends first: this batch was prepared on the state it left.
  auto finished = finish_write(round);
  if (!prepared || !finished) {
    live_.drop();
    if (finished) read_again(expected_before);  // else read again from before the failed one
    return prepared ? finished.error() : prepared.error();
  }
  if (prepared->summary.committed < 0) {  // nothing to write: these messages are done
    position_ = settled;
    round.position = position_;
    if (round.summary.committed < 0) round.summary = std::move(prepared->summary);
    return round;
  }
  InFlight write;
  write.done = std::async(std::launch::async, [writer = writer_, w = std::move(prepared->write)] {
    const auto started = Clock::now();
    Expected<int64_t> generation = writer->apply(w);
    return WriteResult{std::move(generation),
                       std::chrono::duration<double>(Clock::now() - started).count()};
  });
  write.summary = std::move(prepared->summary);
  write.position = settled;
  write.expected_before = expected_before;
  in_flight_ = std::move(write);
  return round;
}

Expected<bool> Clusterer::finish_write(ClusterRound& round) {
  if (!in_flight_) return true;
  WriteResult result = in_flight_->done.get();
  InFlight write = std::move(*in_flight_);
  in_flight_.reset();
  const int64_t expected = write.summary.committed;
  if (!result.generation || *result.generation != expected) {
    // The live state holds this batch (and maybe the next, prepared on it): back to the
    // store's, and to its position, as after a restart.
    live_.drop();
    read_again(write.expected_before);
    if (!result.generation) return result.generation.error();
    return Error{store_->path(), "the batch was stored as generation " +
                                     std::to_string(*result.generation) + ", not " +
                                     std::to_string(expected) + "; reading again"};
  }
  write.summary.seconds.store = result.seconds;
  position_ = write.position;
  round.position = position_;
  round.warnings = tell_events(write.summary);
  round.summary = std::move(write.summary);
  return true;
}

Expected<bool> Clusterer::step_checks(ClusterRound& round) {
  if (!config_.check_later) return true;
  if (checking_) {
    if (!ready(*checking_)) return true;
    CheckJob job = checking_->get();
    checking_.reset();
    // Stored on the generation the last batch made: its write ends first.
    if (auto finished = finish_write(round); !finished) return finished.error();
    auto done = live_.store_checks(std::move(job));
    if (!done) {
      // The live state is dropped with the step; its stories still wait in the store, and
      // the next step takes them from there even if no batch comes to rebuild the state.
      checks_lost_ = true;
      return done.error();
    }
    if (done->committed >= 0) {
      for (Error& e : tell_events(*done)) round.warnings.push_back(std::move(e));
      round.checks = std::move(*done);
    }
  }
  if (live_.unchecked() == 0 && !checks_lost_) return true;
  auto job = live_.take_checks(config_.check_stories);  // rebuilds a dropped state first
  if (!job) return job.error();
  checks_lost_ = false;
  if (job->empty()) return true;
  checking_ = std::async(std::launch::async, [live = &live_, job = std::move(*job)]() mutable {
    live->make_checks(job);
    return std::move(job);
  });
  return true;
}

void Clusterer::drop_checks() {
  if (!checking_) return;
  try {
    live_.forget_checks(checking_->get());  // its stories wait again (unchecked in the store)
  } catch (const std::exception&) {
    live_.drop();  // rebuilt from the store, where the stories still wait
  }
  checking_.reset();
}

std::vector<Error> Clusterer::tell_events(const IngestSummary& summary) {
  std::vector<Error> failed;
  auto tell = [&](const char* kind, const nlohmann::json& data) {
    auto sent = bus::publish_event(*connection_, story_event_subject(kind), data.dump());
    if (!sent) failed.push_back(sent.error());
  };
  for (const auto& id : summary.created) tell("created", {{"id", id}});
  for (const auto& id : summary.updated) tell("updated", {{"id", id}});
  for (const auto& r : summary.merged) tell("merged", {{"from", r.old_id}, {"into", r.new_id}});
  return failed;
}

}  // namespace recoupe::engine
