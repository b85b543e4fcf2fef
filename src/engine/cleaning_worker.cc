#include "engine/cleaning_worker.h"

#include <chrono>
#include <optional>

#include "bus/cleaned_article.h"
#include "bus/publish.h"
#include "core/parallel_for.h"
#include "engine/article_log.h"
#include "ingest/jsonl_record.h"

namespace recoupe::engine {
namespace {

bool has_text(const Article& a) { return a.text.find_first_not_of(" \t\r\n") != std::string::npos; }

}  // namespace

CleaningWorkerConfig::CleaningWorkerConfig() {
  consumer.stream = kRawStream;
  consumer.durable = kCleaningConsumer;
  consumer.ack_wait = std::chrono::seconds(10);
  consumer.max_deliver = 5;
}

Expected<CleaningWorker> CleaningWorker::open(bus::Connection& connection, const Pipeline& pipeline,
                                              const CleaningWorkerConfig& config) {
  auto queue = bus::WorkQueue::open(connection, config.consumer);
  if (!queue) return queue.error();
  return CleaningWorker(connection, pipeline, std::move(*queue), config);
}

Expected<std::vector<bus::Delivery>> CleaningWorker::fetch_round() {
  using Clock = std::chrono::steady_clock;
  auto fetched = queue_.fetch(config_.batch, config_.wait);
  if (!fetched || fetched->empty()) return fetched;
  const Clock::time_point until = Clock::now() + config_.linger;
  while (int(fetched->size()) < config_.batch) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) break;
    auto more = queue_.fetch(config_.batch - int(fetched->size()), left);
    // Those fetched already are cleaned either way; a failed fetch shows again next round.
    if (!more || more->empty()) break;
    for (bus::Delivery& d : *more) fetched->push_back(std::move(d));
  }
  return fetched;
}

Expected<CleaningRound> CleaningWorker::run_once() {
  auto fetched = fetch_round();
  if (!fetched) return fetched.error();
  std::vector<bus::Delivery>& deliveries = *fetched;
  CleaningRound round;

  // Read every record first, then clean the readable ones in parallel.
  std::vector<std::optional<RawDocument>> raw(deliveries.size());
  for (size_t i = 0; i < deliveries.size(); ++i) {
    const bus::Message& m = deliveries[i].message();
    auto doc = ingest::from_jsonl_record(m.data, message_where(m), pipeline_->config().ingest);
    if (doc) {
      raw[i] = std::move(*doc);
      continue;
    }
    round.errors.push_back(doc.error());
    ++round.refused;
  }
  std::vector<Article> cleaned(deliveries.size());
  parallel_for(0, deliveries.size(), pipeline_->config().threads, [&](unsigned, size_t i) {
    if (raw[i]) cleaned[i] = pipeline_->extract(*raw[i]);
  });

  std::vector<bus::OutgoingMessage> out;
  std::vector<size_t> source;  // the delivery of each message of `out`
  for (size_t i = 0; i < deliveries.size(); ++i) {
    const bus::Message& m = deliveries[i].message();
    if (raw[i] && !has_text(cleaned[i])) {
      round.errors.push_back(
          {message_where(m), "no article text found after cleaning; not stored"});
      ++round.refused;
      raw[i].reset();
    }
    if (!raw[i]) {
      // A refusal in its place, so that the clusterer, which places articles in raw order
      // (engine/raw_order.h), does not wait for it; the record itself is dropped for good
      // (term) once the refusal is stored.
      bus::CleanedArticle refusal;
      refusal.raw_sequence = m.stream_sequence;
      refusal.refused = true;
      out.push_back({kCleanedSubject, bus::encode_cleaned(refusal),
                     "refused:" + std::to_string(m.stream_sequence)});
      source.push_back(i);
      continue;
    }
    const std::string id =
        m.id.empty() ? ingest::raw_document_content_id(*raw[i]) : m.id;  // same id as its raw
    out.push_back(
        {kCleanedSubject,
         bus::encode_cleaned({std::move(*raw[i]), std::move(cleaned[i]), m.stream_sequence}), id});
    source.push_back(i);
  }
  if (out.empty()) return round;
  // All at once: the round trips overlap, a fraction of one publish each (bench/README.md).
  auto sent = bus::publish_all(*connection_, out);
  if (!sent) {  // some may be stored: their next delivery publishes them again, for nothing
    round.errors.push_back(sent.error());
    for (size_t i : source) (void)deliveries[i].nak();  // another try, by any worker
    return round;
  }
  // Acknowledged only once the cleaned articles are stored, without waiting for the answer:
  // an ack lost on the way means one more delivery, whose publish the message id absorbs
  // (a confirmed ack would not do better: a consumer's new leader may deliver again anyway).
  for (size_t i : source) {
    auto answered = raw[i] ? deliveries[i].ack_unconfirmed() : deliveries[i].term();
    if (!answered) round.errors.push_back(answered.error());
    if (raw[i]) ++round.cleaned;
  }
  return round;
}

}  // namespace recoupe::engine
