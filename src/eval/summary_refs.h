// The reference summaries of the summary evaluation (e.g. ../shared/data/summaries/
// rpm2-fr-dev-refs.jsonl): one JSON record a line, {topic, slice, summaries: [..],
// doc_ids: [..]}, the human summaries of the articles named by doc_ids.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "core/expected.h"

namespace recoupe::eval {

struct SummaryRef {
  size_t line = 0;  // 1-based line of the record in its file
  std::string topic;
  int slice = 0;
  std::vector<std::string> summaries;  // the human summaries (at least one)
  std::vector<std::string> doc_ids;    // ids of the articles they summarize (at least one)
};

struct SummaryRefs {
  std::vector<SummaryRef> records;  // file order
  std::vector<Error> errors;        // records skipped, each naming "file:line" and why
};

// Reads a .jsonl or .jsonl.zst references file. Blank lines are skipped; a line is skipped
// with an error in `errors` (naming "file:line" and the field at fault) when it is over
// 64 MB, is not a JSON object, lacks a non-empty array "summaries" or "doc_ids" of strings,
// or has a "topic" that is not a string or a "slice" that is not an integer within an int
// (null topic or slice: absent). Error when the file cannot be read. Memory: the records
// (lines up to 64 MB).
Expected<SummaryRefs> read_summary_refs(const std::string& path);

// The articles `ref.doc_ids` names, in that order, copied from `by_id`; adds the number of
// ids not found there to `missing`.
std::vector<Article> articles_of(const SummaryRef& ref,
                                 const std::unordered_map<std::string, Article>& by_id,
                                 int& missing);

}  // namespace recoupe::eval
