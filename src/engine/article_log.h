// ArticleLog: where recoupe's articles travel when it is scaled out (issue 15, docs/scale.md):
// two JetStream streams and one event subject on the bus (src/bus/).
//
//   raw articles      stream RECOUPE_RAW,     subject recoupe.raw      ingest --bus, POST, watcher
//        │  analysis workers (durable consumer "cleaning", any number): clean, publish, ack
//   cleaned articles  stream RECOUPE_CLEANED, subject recoupe.cleaned  bus::CleanedArticle
//        │  the clusterer (one active): reads in stream order, places, cross-checks, stores
//   story events      subject recoupe.story.<kind>  (plain NATS)       API servers relay SSE
//
// Message ids make every publish idempotent: a raw article's is ingest::raw_document_content_id
// (the same article read twice is stored once), and its cleaned form carries the same id,
// so a worker killed between publishing and acknowledging publishes it again for nothing.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "bus/bus_config.h"
#include "bus/connection.h"
#include "bus/message.h"
#include "bus/publish.h"
#include "core/expected.h"
#include "core/raw_document.h"

namespace recoupe::engine {

inline constexpr const char* kRawStream = "RECOUPE_RAW";
inline constexpr const char* kRawSubject = "recoupe.raw";
inline constexpr const char* kCleanedStream = "RECOUPE_CLEANED";
inline constexpr const char* kCleanedSubject = "recoupe.cleaned";
inline constexpr const char* kStoryEventSubjects = "recoupe.story.>";
// The durable consumer the analysis workers share.
inline constexpr const char* kCleaningConsumer = "cleaning";

struct ArticleLogConfig {
  // Copies of each stream on distinct nodes: 3 survives the loss of one node; 1 for a
  // single-node bus (a developer's laptop).
  int replicas = 3;
  // How long the streams keep articles (0: for ever). The raw log is what a new clusterer
  // or a rebuilt store replays; keep it at least as long as the store's history.
  std::chrono::seconds max_age{0};
  // A message id published again within this window is stored once.
  std::chrono::seconds duplicate_window{std::chrono::hours(1)};
};

// Creates or updates both streams (bus::ensure_stream); every role calls it at start.
// Fails with the bus's one-line error naming the stream.
Expected<bus::Done> ensure_article_log(bus::Connection& connection, const ArticleLogConfig& config);

// Publishes one raw article (ingest::to_jsonl_record) with its content id as message id and
// waits until the stream has it. Fails with the bus's error naming the subject.
Expected<bus::PublishAck> publish_raw(bus::Connection& connection, const RawDocument& document);
// The same for many at once, their round trips overlapping (bus::publish_all): the acks in
// the order of `documents`. On failure, those before the failing one are stored.
Expected<std::vector<bus::PublishAck>> publish_raw_all(bus::Connection& connection,
                                                       const std::vector<RawDocument>& documents);

// The NATS servers of a --bus option: "nats://a:4222,nats://b:4222" → each URL (empty
// items skipped).
std::vector<std::string> bus_urls(const std::string& list);

// How the roles name a message in their errors: its subject and stream position
// ("recoupe.raw #6").
std::string message_where(const bus::Message& message);

// The subject of a story event of `kind` ("created", "updated", "merged").
std::string story_event_subject(const std::string& kind);

}  // namespace recoupe::engine
