// Readers for the inputs a user gives: files, folders, JSONL, stdin.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/raw_document.h"

namespace recoupe::ingest {

// Limits on outside input. Documented in `recoupe --help`; every refusal names the input.
struct ReadLimits {
  // One article file (.txt/.html) or stdin document. A news page is rarely over 2 MB; 64 MB
  // leaves room for pages with inline images while refusing dumps and disk images.
  size_t max_document_bytes = 64u << 20;
  // One JSONL record (article with its HTML). Files themselves are streamed: any size.
  size_t max_line_bytes = 64u << 20;
  // JSON nesting depth of one JSONL record; an article record has depth 2.
  int max_json_depth = 64;
};

// Reads every input in order and hands each document (or the reason it could not be read)
// to `sink`, one at a time, so memory stays bounded by one document.
//  - a `.txt` file: one plain-text article; `.html`/`.htm`: one page;
//  - a `.jsonl` (or `.jsonl.zst`) file: one article per line, fields of formats.md;
//  - a folder: the files above inside it, recursively, in name order (others skipped);
//  - "-": stdin, as JSONL when it starts with '{', else as one article (HTML or text, sniffed);
//  - any other file named explicitly: sniffed as HTML or text.
// Encoding is repaired to UTF-8 here (see encoding.h). An empty or binary input, a broken
// JSONL line or an oversized file yields an Error whose `where` is "path" or "path:line";
// reading goes on with the next input.
void read_inputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                 const std::function<void(Expected<RawDocument>)>& sink);

// Parses one JSONL record (already UTF-8) into a RawDocument. `where` names it in errors.
Expected<RawDocument> parse_jsonl_record(std::string_view line, const std::string& where,
                                         const ReadLimits& limits);

// A stable id from content: 16 hex digits of a 64-bit FNV-1a hash.
std::string content_hash_id(std::string_view content);

}  // namespace recoupe::ingest
