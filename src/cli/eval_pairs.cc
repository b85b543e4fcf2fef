// recoupe eval-pairs: same-event decisions on labeled article pairs (e.g. tgnews pairs).

#include <cstdio>

#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/pair_gold.h"
#include "eval/pair_scores.h"

namespace recoupe::cli {

int run_eval_pairs(int argc, char** argv) {
  int exit_code = kExitOk;
  auto args = parse_gold_eval_args(argc, argv, "eval-pairs", help::kEvalPairs, exit_code);
  if (!args) return exit_code;

  auto gold = eval::read_pair_gold(args->gold);
  if (!gold) {
    print_error("eval-pairs", gold.error().to_string());
    return kExitNothingProcessed;
  }
  ErrorLines::print("eval-pairs", args->gold, gold->errors);
  if (gold->pairs.empty()) {
    print_error("eval-pairs", args->gold + ": no pair record");
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
  const std::string result =
      args->format == "json" ? eval::pair_json(s).dump() + "\n" : eval::pair_text(s);
  if (!write_stdout("eval-pairs", result)) return kExitWriteFailed;
  return gold->errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
