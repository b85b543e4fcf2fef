#include "server/shared_batch.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <string>

namespace recoupe::server {

SharedBatch merge_batches(std::vector<engine::IngestBatch> requests) {
  SharedBatch shared;
  for (engine::IngestBatch& r : requests) {
    shared.documents.push_back(r.documents.size());
    shared.refused.push_back(std::move(r.refused));
    std::move(r.documents.begin(), r.documents.end(), std::back_inserter(shared.batch.documents));
  }
  return shared;
}

namespace {

using Kind = engine::DocumentOutcome::Kind;

// The part of `whole` that the documents [begin, end) made. The stories, and the merges
// into stories, that hold no article of any request (not in `claimed`) are in every part.
engine::IngestSummary part_of(const engine::IngestSummary& whole, size_t begin, size_t end,
                              std::vector<Error> refused_unread,
                              const std::set<std::string>& claimed) {
  engine::IngestSummary part;
  part.refused = std::move(refused_unread);
  std::set<std::string> own;  // the stories its articles are in
  for (size_t k = begin; k < end; ++k) {
    const engine::DocumentOutcome& d = whole.documents.at(k);
    part.documents.push_back(d);
    if (d.refusal) part.refused.push_back(*d.refusal);
    part.warnings.insert(part.warnings.end(), d.warnings.begin(), d.warnings.end());
    if (!d.story.empty()) own.insert(d.story);
    part.counts.added += d.kind == Kind::kAdded;
    part.counts.revised += d.kind == Kind::kRevised;
    part.counts.unchanged += d.kind == Kind::kUnchanged;
  }
  part.counts.refused = int64_t(part.refused.size());
  auto named = [&](const std::string& id) { return own.count(id) || !claimed.count(id); };
  for (const std::string& id : whole.created)
    if (named(id)) part.created.push_back(id);
  for (const std::string& id : whole.updated)
    if (named(id)) part.updated.push_back(id);
  for (const store::Redirect& r : whole.merged)
    if (named(r.new_id)) part.merged.push_back(r);
  part.counts.stories_touched = int64_t(part.created.size() + part.updated.size());
  part.committed = whole.committed;
  part.seconds = whole.seconds;
  return part;
}

}  // namespace

std::vector<engine::IngestSummary> split_summary(const engine::IngestSummary& whole,
                                                 const SharedBatch& shared) {
  std::set<std::string> claimed;  // stories holding an article of some request
  for (const engine::DocumentOutcome& d : whole.documents)
    if (!d.story.empty()) claimed.insert(d.story);
  std::vector<engine::IngestSummary> parts;
  size_t begin = 0;
  for (size_t r = 0; r < shared.documents.size(); ++r) {
    const size_t end = begin + shared.documents[r];
    parts.push_back(part_of(whole, begin, end, shared.refused[r], claimed));
    begin = end;
  }
  return parts;
}

}  // namespace recoupe::server
