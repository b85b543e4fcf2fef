#include "engine/arrival_batches.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace recoupe::engine {
namespace {

// What the reader thread and the committing thread share; owned by both, so a detached
// reader outlives the call safely.
struct Arrivals {
  std::mutex mutex;
  std::condition_variable arrived;
  IngestBatch waiting;
  bool ended = false;      // the reader returned
  bool abandoned = false;  // the committer stopped: drop what comes
};

}  // namespace

bool batch_arrivals(const std::function<void(const DocumentSink&)>& read,
                    const ArrivalOptions& options, const std::function<bool(IngestBatch)>& commit) {
  auto shared = std::make_shared<Arrivals>();
  std::thread reader([shared, read] {
    read([&shared](Expected<RawDocument> doc) {
      {
        std::lock_guard lock(shared->mutex);
        if (shared->abandoned) return;
        if (doc)
          shared->waiting.documents.push_back(std::move(*doc));
        else
          shared->waiting.refused.push_back(doc.error());
      }
      shared->arrived.notify_all();
    });
    {
      std::lock_guard lock(shared->mutex);
      shared->ended = true;
    }
    shared->arrived.notify_all();
  });

  const size_t most = std::max<size_t>(1, options.max_documents);
  for (;;) {
    IngestBatch batch;
    bool last = false;
    {
      std::unique_lock lock(shared->mutex);
      // Wait for a first document (or the end), then for the batch to fill or go quiet.
      shared->arrived.wait(lock, [&] {
        return shared->ended || !shared->waiting.documents.empty() ||
               !shared->waiting.refused.empty();
      });
      for (;;) {
        const size_t before = shared->waiting.documents.size() + shared->waiting.refused.size();
        if (shared->ended || shared->waiting.documents.size() >= most) break;
        const bool more = shared->arrived.wait_for(lock, options.quiet, [&] {
          return shared->ended ||
                 shared->waiting.documents.size() + shared->waiting.refused.size() != before;
        });
        if (!more) break;  // quiet: commit what waits
      }
      // At most `most` documents; the rest stay for the next batch.
      IngestBatch& w = shared->waiting;
      if (w.documents.size() > most) {
        batch.documents.assign(std::make_move_iterator(w.documents.begin()),
                               std::make_move_iterator(w.documents.begin() + long(most)));
        w.documents.erase(w.documents.begin(), w.documents.begin() + long(most));
      } else {
        batch.documents = std::move(w.documents);
        w.documents.clear();
      }
      batch.refused = std::move(w.refused);
      w.refused.clear();
      last = shared->ended && w.documents.empty() && w.refused.empty();
    }
    if (!batch.documents.empty() || !batch.refused.empty()) {
      if (!commit(std::move(batch))) {
        {
          std::lock_guard lock(shared->mutex);
          shared->abandoned = true;
        }
        reader.detach();
        return false;
      }
    }
    if (last) break;
  }
  reader.join();
  return true;
}

}  // namespace recoupe::engine
