// recoupe eval-pairs: same-event decisions on labeled article pairs (e.g. tgnews pairs).

#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/pair_gold.h"
#include "eval/pair_scores.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-pairs --gold PAIRS.jsonl [--format json|text] [--config FILE]\n"
    "                          [--data DIR] [--threads N]\n\n"
    "Scores each pair with the clustering's pair score and decides \"same event\" when it\n"
    "reaches the bar for two lone articles (cluster::pair_bar). Records: {lang, first_title, "
    "first_text,\n"
    "second_title, second_text, same_event}. Prints pairs, positives, accuracy, precision,\n"
    "recall, f1 at that threshold, and (diagnostic only) the best F1 any threshold would give.\n";

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
  for (const auto& e : gold->errors) std::fprintf(stderr, "recoupe: %s\n", e.to_string().c_str());
  if (gold->pairs.empty()) return kExitNothingProcessed;
  std::vector<engine::ArticlePair> pairs;
  std::vector<bool> same_event;
  for (auto& p : gold->pairs) {
    pairs.push_back({std::move(p.first), std::move(p.second)});
    same_event.push_back(p.same_event);
  }
  engine::SameEventScores run = engine::score_same_event(pairs, args->setup.pipeline());
  eval::PairScores s = eval::score_pairs(run.scores, same_event, run.threshold);
  if (args->format == "json")
    std::cout << eval::pair_json(s).dump() << "\n";
  else
    std::cout << eval::pair_text(s);
  return gold->errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
