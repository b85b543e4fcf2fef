// recoupe eval-pairs: same-event decisions on labeled article pairs (e.g. tgnews pairs).

#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/pair_gold.h"
#include "eval/pair_scores.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-pairs --gold PAIRS.jsonl[.zst] [--format json|text] [--config FILE]\n"
    "                          [--data DIR] [--threads N]\n\n"
    "Scores each pair with the clustering's pair score and decides \"same event\" when it\n"
    "reaches the bar for two lone articles (cluster::pair_bar). Prints pairs, positives,\n"
    "accuracy, precision, recall, f1 at that threshold, and (diagnostic only) the best F1 any\n"
    "threshold would give.\n\n"
    "  --gold FILE       one pair a line: {same_event: true|false, lang, first_url, first_title,\n"
    "                    first_text, second_url, second_title, second_text}; the fields other\n"
    "                    than same_event are strings or null, and each article needs a title\n"
    "                    or a text. A regular, non-empty text file (.zst: zstd data); lines\n"
    "                    up to 64 MB\n"
    "  --format F        text (default) or json\n"
    "  --config FILE     settings over the defaults (recoupe config --defaults)\n"
    "  --data DIR        language resources (default: see recoupe --help)\n"
    "  --threads N       worker threads, 0..256 (default 0: all cores)\n\n"
    "Lines that are not a pair are named on stderr (the first 10, then a count) and skipped.\n"
    "Exit codes: 0 ok; 1 some lines skipped (the rest scored); 2 usage, bad config or data\n"
    "folder; 3 the gold file unreadable or no pair in it, nothing scored; 4 the output could\n"
    "not be written.\n";

}  // namespace

int run_eval_pairs(int argc, char** argv) {
  int exit_code = kExitOk;
  auto args = parse_gold_eval_args(argc, argv, "eval-pairs", kHelp, exit_code);
  if (!args) return exit_code;

  auto gold = eval::read_pair_gold(args->gold);
  if (!gold) {
    std::fprintf(stderr, "recoupe eval-pairs: %s\n", gold.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  ErrorLines errors("eval-pairs", args->gold);
  errors.add_all(gold->errors);
  errors.finish();
  if (gold->pairs.empty()) {
    std::fprintf(stderr, "recoupe eval-pairs: %s: no pair record\n", args->gold.c_str());
    return kExitNothingProcessed;
  }
  std::vector<engine::ArticlePair> pairs;
  std::vector<bool> same_event;
  for (auto& p : gold->pairs) {
    pairs.push_back({std::move(p.first), std::move(p.second)});
    same_event.push_back(p.same_event);
  }
  engine::SameEventScores run = engine::score_same_event(pairs, args->setup.pipeline());
  eval::PairScores s = eval::score_pairs(run.scores, same_event, run.threshold);
  Output out;
  out.open_path(std::nullopt, "eval-pairs");
  if (args->format == "json")
    out.stream() << eval::pair_json(s).dump() << "\n";
  else
    out.stream() << eval::pair_text(s);
  if (!out.finish()) return kExitWriteFailed;
  return gold->errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
