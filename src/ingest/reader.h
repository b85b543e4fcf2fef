// Readers for the inputs a user gives: files, folders, JSONL, stdin.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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
  // HTML element nesting kept (html_nesting.h); deeper tags are dropped, their text kept.
  // Real pages stay under ~100 levels; the parser's cost grows with depth squared.
  int max_html_depth = 512;
};

// Reads every input in order and hands each document (or the reason it could not be read)
// to `sink`, one at a time, so memory stays bounded by one document.
//  - a `.txt`/`.text` file: one plain-text article; `.html`/`.htm`/`.xhtml`: one page;
//  - a `.jsonl`/`.ndjson` (or `.jsonl.zst`) file: one article per line, fields of formats.md;
//  - a folder: the files above inside it, recursively, sorted by path (element by element),
//    skipping other files and hidden ones (".DS_Store", "._x.html" are not articles);
//    links to folders are followed. Refused with an error each, never skipped in silence:
//    a sub-folder that cannot be read, an article-named link that is broken or loops, an
//    article-named FIFO, socket or device (never opened), a link to a folder already read;
//  - "-": stdin, as JSONL when it starts with '{', else as one article (HTML or text, sniffed);
//  - any other file named explicitly: sniffed as HTML or text.
// Encoding is repaired to UTF-8 here (see encoding.h) and HTML nesting is bounded
// (html_nesting.h). Each refusal is one Error whose `where` is "path" or "path:line" and
// whose message is one line (control characters in names are replaced by '?'): a missing
// path, an empty or binary file, a file over the size limit (refused from its size, without
// reading it), a broken JSONL line, a corrupt or truncated .zst, a folder without articles,
// and the folder entries above.
// Reading goes on with the next input. Call from one thread at a time (stdin is shared).
void read_inputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                 const std::function<void(Expected<RawDocument>)>& sink);

// One article's bytes (a file, stdin) → RawDocument: decodes to UTF-8 (`declared` charset
// from <meta> for HTML), refuses empty, binary and whitespace-only content, bounds HTML
// nesting. `kind` nullopt sniffs HTML vs text. id = file name of `where` ("-" gets a content
// hash). Errors carry `where`. Cost: linear in the bytes.
Expected<RawDocument> make_raw_document(std::string bytes, const std::string& where,
                                        std::optional<ContentKind> kind, const ReadLimits& limits);

// Parses one JSONL record into a RawDocument. `where` names it in errors ("x.jsonl:12").
// Invalid UTF-8 in the line is repaired first; control characters (NUL from "\u0000"…) are
// removed from every field; lone surrogate escapes ("\ud800") make the record invalid.
// The content is `html` when given (it carries metadata), else `text`; fields of the wrong
// JSON type are ignored; an integer id or event is used as its decimal text.
// Fails on: nesting deeper than limits.max_json_depth (checked before parsing), invalid
// JSON, a non-object, no non-blank "text"/"html" string. Never throws.
Expected<RawDocument> parse_jsonl_record(std::string_view line, const std::string& where,
                                         const ReadLimits& limits);

// A stable id from content: 16 hex digits of a 64-bit FNV-1a hash.
std::string content_hash_id(std::string_view content);

}  // namespace recoupe::ingest
