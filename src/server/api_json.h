// The JSON documents of the HTTP API (docs/api.md) that are not the report document: a
// story as listed, an article with its revisions, an ingest batch's summary, an error.
// `recoupe stories --format json` prints the same story summaries. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/expected.h"
#include "engine/live_stories.h"
#include "store/records.h"

namespace recoupe::server {

// {"id", "title", "language", "event_date", "articles", "sources", "version", "updated"}:
// unknown values are null.
nlohmann::ordered_json summary_to_json(const store::StorySummary& s);

// {"id", "story", "duplicate_of", "revision", "ingested_at", "revised_at", "article": the
// current revision as `recoupe extract` prints it, "revisions": [{"revision",
// "content_hash", "ingested_at", "raw_kind", "raw_encoding", "article"}], oldest first}.
nlohmann::ordered_json article_to_json(const store::StoredArticle& current,
                                       const std::vector<store::ArticleRevision>& revisions);

// {"added", "revised", "unchanged", "refused", "stories_touched", "created": [ids],
// "updated": [ids], "merged": [{"from", "into"}], "errors": [{"where", "message"}],
// "warnings": [{"where", "message"}]}; `errors` lists the refused inputs.
nlohmann::ordered_json ingest_summary_to_json(const engine::IngestSummary& done);

// How many errors (or warnings) an answer lists: a body of 100,000 bad lines is answered
// with the first ones and the count (`refused`), not 10 MB of error lines.
constexpr size_t kMaxListedErrors = 100;

// [{"where", "message"}] in order, the first kMaxListedErrors.
nlohmann::ordered_json errors_to_json(const std::vector<Error>& errors);

// {"error": message}.
std::string error_body(const std::string& message);

// `doc` as the API sends it: two-space indent, invalid UTF-8 replaced, ending with '\n'.
std::string dump(const nlohmann::ordered_json& doc);

// A listing, {"stories": [...], "next_cursor": cursor or null}, as dump() writes it, made of
// each story's summary_to_json as listed_story() writes it: a server keeps those pieces by
// story version, so that a listing made again after a batch serializes only the stories the
// batch changed (a listing of large stories is tens of KB, made again at every batch).
std::string listed_story(const store::StorySummary& s);
std::string listing_json(const std::vector<const std::string*>& listed_stories,
                         const std::optional<std::string>& next_cursor);

}  // namespace recoupe::server
