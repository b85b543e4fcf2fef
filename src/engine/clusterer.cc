#include "engine/clusterer.h"

#include <thread>

#include <nlohmann/json.hpp>

#include "bus/cleaned_article.h"
#include "bus/events.h"
#include "engine/article_log.h"

namespace recoupe::engine {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

Clusterer::Clusterer(bus::Connection& connection, store::Store& store, LiveStories live,
                     const ClustererConfig& config)
    : connection_(&connection),
      store_(&store),
      live_(std::move(live)),
      config_(config),
      order_(config.gap_wait) {}

Clusterer::Clusterer(Clusterer&&) noexcept = default;
Clusterer& Clusterer::operator=(Clusterer&&) noexcept = default;
Clusterer::~Clusterer() = default;

Expected<Clusterer> Clusterer::open(bus::Connection& connection, const Pipeline& pipeline,
                                    store::Store& store, const ClustererConfig& config) {
  auto live = LiveStories::open(pipeline, store);
  if (!live) return live.error();
  Clusterer clusterer(connection, store, std::move(*live), config);
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
  if (!lead) return lead.error();
  if (!*lead) {  // standing by
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
  Clock::time_point until = Clock::now() + config_.wait;
  bool behind = false;  // articles were waiting when the round began
  while (round.read < config_.batch) {
    // Behind, the articles still waiting are on their way: no linger ends the round early.
    std::chrono::milliseconds timeout = config_.wait;
    if (!behind) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      if (left.count() <= 0 && round.read > 0) break;
      timeout = std::max(left, std::chrono::milliseconds(1));
    }
    auto next = reader_->next(timeout);
    if (!next) {
      read_again(order_.expected());  // everything released so far is stored
      return next.error();
    }
    if (!*next) break;  // caught up
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
  order_.anchor([this](const RawOrder::Item& item) {
    return !item.message.refused && !live_.knows(item.message.article.id);
  });
  // Everything before it is stored: where to wait from again if this batch fails.
  const std::optional<uint64_t> expected_before = order_.expected();
  IngestBatch batch;
  for (RawOrder::Item& item : order_.release(Clock::now())) {
    if (item.message.refused) continue;
    batch.documents.push_back(std::move(item.message.raw));
    batch.cleaned.push_back(std::move(item.message.article));
  }
  const int64_t settled = std::max(position_, order_.settled(last_read_));
  if (batch.documents.empty()) {  // refusals, skipped messages, or all held back
    position_ = settled;
    round.position = position_;
    return round;
  }
  batch.log_position = store::LogPosition{settled, std::nullopt};
  if (order_.expected()) batch.log_position->next_raw = int64_t(*order_.expected());
  auto done = live_.ingest(std::move(batch));
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
