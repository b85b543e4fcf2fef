// The budget of one story's cross-check: what it reads of a hostile-size story, and the
// notices that say so. Every step of the cross-check is near-linear in what it reads, with
// constants that grow with the story (alignment candidates, quote and timeline groups); the
// budget bounds what it reads so that one story of any size costs bounded time and memory:
//  - an article longer than SynthConfig::max_article_bytes is read up to its last paragraph
//    (else sentence, else word) end before that size;
//  - a story's articles are read in story order until SynthConfig::max_story_bytes of text;
//    the rest stay in the story but are not read;
//  - of the reprints of one original (near-duplicates, `duplicate_of`), the first
//    SynthConfig::max_reprints_read are read; the others add nothing an original does not
//    say, so they are credited wherever their original is cited (credit_reprints).
// Real stories stay far below every limit (the largest dev story is 30 articles, 12,500
// words): the budget only bites on hostile or accidental input, and then says so.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/cross_check.h"
#include "synth/synth_config.h"

namespace recoupe::synth {

// An article whose text the budget cut.
struct ArticleCut {
  size_t article = 0;      // index into BudgetedStory::articles
  size_t total_bytes = 0;  // the text's size before the cut
};

// The articles of one story as the cross-check reads them.
struct BudgetedStory {
  std::vector<Article> articles;          // read, in story order; texts possibly cut
  std::vector<std::string> duplicate_of;  // parallel to articles: original's id, or ""
  std::vector<ArticleCut> cuts;
  // Reprints not read, each with the id of the original it repeats.
  std::vector<std::pair<std::string, std::string>> credited_reprints;
  // Articles not read because the story reached max_story_bytes before them.
  std::vector<std::string> unread;
  // Every article id of the story in story order (read or not): credit_reprints keeps
  // article lists in this order.
  std::vector<std::string> story_order;
};

// The length of the prefix of `text` that the cross-check reads: all of it when it fits in
// max_bytes, else up to the last paragraph end ("\n") in the second half of the limit, else
// the last sentence end (". ", "! ", "? ", "… "), else the last space, else the last UTF-8
// character boundary. Pure; linear in max_bytes.
size_t cross_check_prefix(std::string_view text, size_t max_bytes);

// Applies the budget to one story: `articles` and `duplicate_of` (same size, story order;
// duplicate_of[i] is the id of the original articles[i] reprints, or ""). Pure; linear in
// the number of articles plus the bytes kept.
BudgetedStory budget_story(std::vector<Article> articles, std::vector<std::string> duplicate_of,
                           const SynthConfig& config);

// One line per limit that bit, for a reader of the story: which article was read only in part
// (with `sentences_read[cut.article]`, the sentences the analysis found in the part read),
// how many reprints were credited without being read, how many articles were not read.
// Empty when nothing was cut.
std::vector<std::string> budget_notices(const BudgetedStory& story,
                                        const std::vector<size_t>& sentences_read,
                                        const SynthConfig& config);

// Adds each credited reprint to every article list of `cc` that cites its original (summary,
// corroborated, single-source, disagreement versions, quotes and their variants, entities,
// timeline), keeping each list in story order. Framing stays per article read. Pure.
void credit_reprints(const BudgetedStory& story, CrossCheck& cc);

}  // namespace recoupe::synth
