// recoupe eval: clustering quality against gold event labels (formats.md).

#include <cstdio>

#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/clustering_scores.h"

namespace recoupe::cli {

int run_eval(int argc, char** argv) {
  int exit_code = kExitOk;
  auto args = parse_gold_eval_args(argc, argv, "eval", help::kEval, exit_code);
  if (!args) return exit_code;

  engine::GoldGrouping run = engine::group_gold_set(args->gold, args->setup.pipeline());
  ErrorLines::print("eval", args->gold, run.errors);
  if (run.articles.empty()) {
    print_error("eval", args->gold + ": no record could be read");
    return kExitNothingProcessed;
  }

  eval::ClusteringScores s =
      eval::score_clustering(eval::event_labels(run.articles), eval::story_labels(run.story_of));
  const std::string result = args->format == "json"
                                 ? eval::clustering_json(s, run.seconds).dump() + "\n"
                                 : eval::clustering_text(s, run.seconds);
  if (!write_stdout("eval", result)) return kExitWriteFailed;
  return run.errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
