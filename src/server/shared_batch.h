// SharedBatch: the batches of several POSTs stored as one (group commit,
// server/group_commit.h), and the summary of that one batch split back into each POST's
// own answer.
//
//   SharedBatch shared = merge_batches(std::move(requests));
//   auto done = live.ingest(std::move(shared.batch));                 // one transaction
//   std::vector<engine::IngestSummary> answers = split_summary(*done, shared);
//
// What a POST's part says (docs/api.md, "POST /api/articles"): its own documents' counts,
// refusals and warnings; `created` and `updated` name the stories its articles are in;
// `merged` the merges into those stories. A story the shared batch changed that holds none
// of the group's articles (what is left of a story split by another POST's article) and a
// merge into such a story are named in every part, so the parts together name every story
// the batch changed. `committed` and `seconds` are the shared batch's.
#pragma once

#include <cstddef>
#include <vector>

#include "core/expected.h"
#include "engine/live_stories.h"

namespace recoupe::server {

struct SharedBatch {
  engine::IngestBatch batch;                // every request's documents, in request order
  std::vector<size_t> documents;            // per request: how many documents it brought
  std::vector<std::vector<Error>> refused;  // per request: the inputs its body could not read
};

// Requests as read from POST bodies (no `cleaned` documents, no log position).
SharedBatch merge_batches(std::vector<engine::IngestBatch> requests);

// One summary per request of `shared`, from the summary of its batch.
std::vector<engine::IngestSummary> split_summary(const engine::IngestSummary& whole,
                                                 const SharedBatch& shared);

}  // namespace recoupe::server
