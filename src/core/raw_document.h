// RawDocument: one input article as read from disk or stdin, before any cleaning.
#pragma once

#include <optional>
#include <string>

namespace recoupe {

enum class ContentKind { kText, kHtml };

// What ingest hands to extract. `content` is valid UTF-8 (ingest repaired the encoding).
// The optional fields were given by the input itself (a JSONL record); they win over
// anything extract infers.
struct RawDocument {
  std::string id;    // given id, else file name, else a stable hash of the content
  std::string file;  // path as the user gave it, "-" for stdin; "x.jsonl:12" for a JSONL line
  ContentKind kind = ContentKind::kText;
  std::string content;
  std::string encoding;  // what the bytes were decoded from, e.g. "UTF-8", "windows-1252"

  std::optional<std::string> url;
  std::optional<std::string> source;
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::optional<std::string> language;
  std::optional<std::string> event;  // gold label, only in evaluation files

  // What a feed said of the page (its entry's title, ISO 8601 date, author): used only where
  // the page itself says nothing, unlike the given fields above, which win.
  std::optional<std::string> hint_title, hint_published, hint_author;
  // A page fetched from the web (recoupe fetch, recoupe watch): the address it was read
  // from after redirects, and when (UTC, "2026-12-03T19:12:00Z"). Kept with the article.
  std::optional<std::string> final_url, fetched_at;
};

}  // namespace recoupe
