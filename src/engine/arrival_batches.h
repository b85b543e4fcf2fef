// Arrival batches: documents that arrive over time (a pipe: `tail -f feed.jsonl | recoupe
// ingest -`) cut into ingest batches, so that each one is stored, and its stories shown,
// while the next is still arriving. A batch is closed when `max_documents` are waiting, when
// nothing more arrived for `quiet` while something waits, and at the end of the input.
//
//   engine::batch_arrivals(
//       [&](const engine::DocumentSink& sink) { ingest::read_inputs({"-"}, limits, sink); },
//       {}, [&](engine::IngestBatch batch) { return live.ingest(std::move(batch)).has_value(); });
//
// The reader runs on a thread of its own (it may block on a pipe for hours); batches are
// committed on the calling thread, one at a time and in arrival order. When `commit`
// returns false the function returns at once, without waiting for the reader (which may be
// blocked on input that never comes): the reader thread is detached and its later documents
// are dropped. Memory: the documents waiting (at most about max_documents).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>

#include "core/expected.h"
#include "core/raw_document.h"
#include "engine/live_stories.h"

namespace recoupe::engine {

using DocumentSink = std::function<void(Expected<RawDocument>)>;

struct ArrivalOptions {
  size_t max_documents = 200;            // a batch is never larger
  std::chrono::milliseconds quiet{300};  // no new document for this long: commit
};

// Runs `read` (which calls its sink for each document or refusal and returns at the end of
// input) and calls `commit` with each batch as described above. A refusal rides with the
// next batch. False when `commit` returned false (the input was not read to its end).
bool batch_arrivals(const std::function<void(const DocumentSink&)>& read,
                    const ArrivalOptions& options, const std::function<bool(IngestBatch)>& commit);

}  // namespace recoupe::engine
