// The body of POST /api/articles: one JSON object (it may span lines) or JSONL (one
// article record a line, blank lines skipped), in the record format `recoupe ingest` reads
// (docs/formats.md; ingest::parse_jsonl_record).
#pragma once

#include <string_view>

#include "engine/live_stories.h"
#include "ingest/reader.h"

namespace recoupe::server {

// The records of `body` as one ingest batch: each record read is a document, each one that
// cannot be read (not JSON, not an object, no text, too deep) an Error whose `where` is
// "request:LINE". A body that is one JSON object over several lines is one record
// ("request:1"). Never throws; cost linear in the body.
engine::IngestBatch read_post_body(std::string_view body, const ingest::ReadLimits& limits);

}  // namespace recoupe::server
