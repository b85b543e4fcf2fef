// The extraction evaluation (`recoupe eval-extract`): the scores of every page of a gold set
// accumulated, and their rendering.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/article.h"
#include "eval/extraction_gold.h"
#include "eval/extraction_scores.h"

namespace recoupe::eval {

// Exact-match accuracy of one metadata field over the pages whose gold states it.
struct MetadataScore {
  long gold = 0;     // pages whose gold states the field
  long found = 0;    // of those, pages where extraction found one
  long correct = 0;  // of those, equal to the gold once folded and spaces collapsed
  double accuracy() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
};

// Accumulates a run. Not thread-safe.
struct ExtractionEval {
  std::string gold_path;
  long pages = 0;    // pages extracted and scored
  long refused = 0;  // records that were not JSON or held no page (counted by the caller)
  long snippet_pages = 0;
  SnippetCounts snippets;
  long body_pages = 0;
  double body_precision = 0, body_recall = 0, body_f1 = 0;  // sums over body pages
  MetadataScore title, date, author;  // dates compare their first 10 characters (the day)
  double seconds = 0;                 // extraction time
  size_t input_bytes = 0;

  // Scores `article`, extracted from `gold`'s page in `seconds` from `input_bytes`, and adds
  // it. Returns the page's detail line: {id, missed and kept snippets (with `details` only),
  // body_f1, gold_title_found / gold_date_found / gold_author_found (what extraction found,
  // when the gold states it)}.
  nlohmann::ordered_json add(const ExtractionGold& gold, const Article& article, double seconds,
                             size_t input_bytes, bool details);

  double pages_per_second() const { return seconds > 0 ? pages / seconds : 0.0; }
  double mb_per_second() const { return seconds > 0 ? input_bytes / 1048576.0 / seconds : 0.0; }
};

// {gold, pages, refused, snippets: {pages, tp, fn, tn, fp, precision, recall, f1, accuracy}
// (when any page had snippets), body: {pages, precision, recall, f1} (mean per page, when
// any had a body), metadata: {title|date|author: {gold, found, correct, accuracy}}, seconds,
// pages_per_second, mb_per_second}.
nlohmann::ordered_json extraction_json(const ExtractionEval& e);

// The same in a few lines.
std::string extraction_text(const ExtractionEval& e);

}  // namespace recoupe::eval
