// What the evaluation commands (`recoupe eval*`) need from the stages, one function or
// class per evaluation, so that every call from an evaluation into extract / analyze /
// cluster / synth goes through here. The scores themselves are in src/eval/.
#pragma once

#include <string>
#include <vector>

#include "core/article.h"
#include "core/expected.h"
#include "engine/batch.h"

namespace recoupe::engine {

// ---- recoupe eval: a gold set grouped exactly as `recoupe report` groups it.

struct GoldGrouping {
  std::vector<Article> articles;  // input order; gold labels in Article::event
  std::vector<Error> errors;      // inputs that could not be read (the rest is grouped)
  std::vector<size_t> story_of;   // per article, the index of its story
  double seconds = 0;             // grouping time (features + clustering), reading excluded
};

// Loads `path` (load_articles: read, clean, never lose an article) and groups it
// (group_articles). Never fails: unreadable inputs are in `errors`.
GoldGrouping group_gold_set(const std::string& path, const BatchOptions& options);

}  // namespace recoupe::engine
