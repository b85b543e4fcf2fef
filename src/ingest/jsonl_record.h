// A RawDocument as one JSONL article record and back: how a raw article travels between
// processes (published on the bus by ingest, the POST handler and the feed watcher; pulled
// by the analysis workers). The record is the input format of `recoupe ingest -`
// (docs/formats.md) plus the fields only a RawDocument has, so a message read off the bus
// is also a line `recoupe ingest -` reads as it is.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"
#include "core/raw_document.h"
#include "ingest/reader.h"

namespace recoupe::ingest {

// One line (no '\n'): the fields of the JSONL article record ("id", "url", "source",
// "title", "published", "lang", "text" or "html", "event", "final_url", "fetched_at") and
// "file", "encoding", "hint_title", "hint_published", "hint_author"; absent fields are left
// out. Never throws (bytes that are not UTF-8 are replaced; ingest never makes them).
std::string to_jsonl_record(const RawDocument& doc);

// The inverse: read by parse_jsonl_record (the reader of `recoupe ingest -`: same checks,
// same errors naming `where`), then the RawDocument-only fields. For any document ingest
// makes, from_jsonl_record(to_jsonl_record(doc)) equals doc field by field: its fields
// are already what the reader would make of them (UTF-8, repaired, no control characters,
// non-blank), so reading them again changes nothing. `file` is `where` when the record
// has none.
Expected<RawDocument> from_jsonl_record(std::string_view line, const std::string& where,
                                        const ReadLimits& limits = {});

// What makes two raw articles the same one, as 16 hex digits (64-bit FNV-1a): every field
// but where and when this copy was read (file, encoding, fetched_at). The bus's message id:
// the same article published again (a retry, a feed read twice, two watchers) is stored
// once, while a changed page (new content, new title) is a new message.
std::string raw_document_content_id(const RawDocument& doc);

}  // namespace recoupe::ingest
