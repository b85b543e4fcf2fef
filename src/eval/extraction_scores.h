// Scores of main-text extraction against gold, as the extraction benchmarks define them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recoupe::eval {

// Precision / recall / F1 triple.
struct Prf {
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
};

// Counts of trafilatura's snippet method for a set of pages.
struct SnippetCounts {
  long tp = 0;  // `with` snippets found in the extracted text
  long fn = 0;  // `with` snippets missing
  long tn = 0;  // `without` snippets absent
  long fp = 0;  // `without` snippets present (boilerplate kept)

  void add(const SnippetCounts& o) {
    tp += o.tp;
    fn += o.fn;
    tn += o.tn;
    fp += o.fp;
  }
  Prf prf() const;
  double accuracy() const;
};

// Scores one page: each `with` snippet should be a substring of `extracted`, each `without`
// snippet should not; whitespace is collapsed on both sides before matching (as trafilatura's
// evaluation and ../shared/tools/baseline_extract.py do).
SnippetCounts score_snippets(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without);

// The snippets score_snippets counts as wrong: `with` snippets missing from `extracted`
// (`missed`) and `without` snippets found in it (`kept`), in their given order.
struct SnippetMisses {
  std::vector<std::string> missed;
  std::vector<std::string> kept;
};
SnippetMisses snippet_misses(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without);

// Bag-of-words precision/recall/F1 of `extracted` against `gold` (whitespace tokens,
// Unicode case-folded), as ../shared/tools/common.py token_prf. Two empty texts score 1.
Prf token_prf(std::string_view extracted, std::string_view gold);

}  // namespace recoupe::eval
