// The extraction gold sets (e.g. ../shared/data/extraction/trafilatura-eval/*.jsonl.zst):
// one JSON record a line holding the page ("html", or "text" for scraped plain text, as
// ingest reads a JSONL record) and what it should give: "with"/"without" snippet lists,
// a "body", "gold_title", "gold_date", "gold_author".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"

namespace recoupe::eval {

struct ExtractionGold {
  std::string_view record;    // the whole JSONL line: the page to extract (valid in the handler)
  std::string where;          // "file:line"
  bool has_snippets = false;  // the record has "with" or "without"
  std::vector<std::string> with;     // snippets the text must contain (string entries only)
  std::vector<std::string> without;  // snippets it must not contain
  std::optional<std::string> body;   // the whole main text, when given as a string
  // Metadata the page states; only non-empty strings are kept.
  std::optional<std::string> title, date, author;
};

// Receives each record, or the error of a line that is not a JSON object ("file:line: not
// valid JSON"); returns false to stop reading (later lines are left unread).
using ExtractionGoldHandler = std::function<bool(Expected<ExtractionGold>)>;

// Reads a .jsonl or .jsonl.zst gold set, one record at a time (memory: one line). Blank lines
// and lines over ingest::ReadLimits' line length are skipped. Error naming the file when it
// cannot be read (lines read before were handed over).
Expected<size_t> read_extraction_gold(const std::string& path,
                                      const ExtractionGoldHandler& on_record);

}  // namespace recoupe::eval
