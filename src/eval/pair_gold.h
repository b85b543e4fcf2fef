// Labelled article pairs (e.g. ../shared/data/pairs/tgnews-pairs.jsonl): one JSON record a
// line, {lang, first_url, first_title, first_text, second_url, second_title, second_text,
// same_event}.
#pragma once

#include <string>
#include <vector>

#include "core/article.h"
#include "core/expected.h"

namespace recoupe::eval {

struct LabeledPair {
  Article first, second;  // id = *_url, title, text, language = lang (when given)
  bool same_event = false;
};

struct PairGold {
  std::vector<LabeledPair> pairs;  // file order
  std::vector<Error> errors;       // "file:line: why", one per line skipped
};

// Reads a .jsonl or .jsonl.zst file, one line at a time (memory: the pairs plus one line of at
// most ingest::ReadLimits' line length). Blank lines are skipped. A line is skipped with an
// error naming "file:line" and why when it is over the line length, is not a JSON object,
// has no boolean "same_event", has a field above that is neither a string nor null, or
// leaves one article with no title and no text. Error naming the file when it cannot be
// read (cannot open, corrupt or truncated zstd).
Expected<PairGold> read_pair_gold(const std::string& path);

}  // namespace recoupe::eval
