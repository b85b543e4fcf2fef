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
  std::vector<Error> errors;       // "file:line: not a pair record", one per line skipped
};

// Reads a plain JSONL file; blank lines are skipped, a line that is not an object with a
// boolean "same_event" is skipped with an error. Error "cannot read FILE" when it cannot be
// opened.
Expected<PairGold> read_pair_gold(const std::string& path);

}  // namespace recoupe::eval
