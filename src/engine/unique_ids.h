// Article ids made unique within one run, so that an id names one article everywhere (its
// story, the reprints that cite it, the report's sources) and two inputs that happen to share
// an id (two feeds both numbering from "1") are never mixed.
#pragma once

#include <string>
#include <unordered_map>

#include "core/article.h"

namespace recoupe::engine {

// The first article given an id keeps it; a later article with the same id becomes "ID#2",
// "ID#3"… (the first such name no article of the run has taken) and gets a warning naming
// the input that holds the id. Nothing is dropped. Which article is "first" is the caller's
// order: arrival for extract/analyze/stream, the batch order (engine/batch.h
// publication_order) for report and eval, so a batch gets the same ids whatever the input
// order. Memory: the ids seen. Not thread-safe.
class UniqueIds {
 public:
  // Gives `article` an id no earlier article of this run has. True when it was renamed (then
  // Article::warnings says so).
  bool claim(Article& article);

 private:
  std::unordered_map<std::string, std::string> holder_;  // id → file of the article holding it
  std::unordered_map<std::string, int> next_suffix_;     // id → next "#N" to try
};

}  // namespace recoupe::engine
