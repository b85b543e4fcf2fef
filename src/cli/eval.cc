// recoupe eval: clustering quality against gold event labels (formats.md).

#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/clustering_scores.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval --gold FILE.jsonl[.zst] [--format json|text] [--config FILE]\n"
    "                    [--data DIR] [--threads N]\n\n"
    "Groups the gold file's articles exactly as `recoupe report` would and compares the\n"
    "stories with the records' \"event\" labels (a record without one is its own event).\n"
    "Prints docs, gold_events, found_events, bcubed_p, bcubed_r, bcubed_f1, pair_p, pair_r,\n"
    "pair_f1 and seconds (grouping time: features + clustering).\n\n"
    "  --gold FILE       JSONL with \"event\" labels (.jsonl or .jsonl.zst)\n"
    "  --format F        text (default) or json\n"
    "  --config FILE     settings over the defaults (recoupe config --defaults)\n"
    "  --data DIR        language resources (default: see recoupe --help)\n"
    "  --threads N       feature extraction threads, 0..256 (default 0: all cores)\n\n"
    "The gold file must be a regular, non-empty text file (a .zst name: zstd data); a record\n"
    "is read as `recoupe report` reads a JSONL line (limits: recoupe --help). Records that\n"
    "cannot be read are named on stderr, the first 10 of them, then a count.\n"
    "Exit codes: 0 ok; 1 some records refused (the rest scored); 2 usage, bad config or data\n"
    "folder; 3 the gold file or every record refused, nothing scored; 4 the output could not\n"
    "be written.\n";

}  // namespace

int run_eval(int argc, char** argv) {
  int exit_code = kExitOk;
  auto args = parse_gold_eval_args(argc, argv, "eval", kHelp, exit_code);
  if (!args) return exit_code;

  engine::GoldGrouping run = engine::group_gold_set(args->gold, args->setup.pipeline());
  ErrorLines errors("eval", args->gold);
  errors.add_all(run.errors);
  errors.finish();
  if (run.articles.empty()) {
    std::fprintf(stderr, "recoupe eval: %s: no record could be read\n", args->gold.c_str());
    return kExitNothingProcessed;
  }

  eval::ClusteringScores s =
      eval::score_clustering(eval::event_labels(run.articles), eval::story_labels(run.story_of));
  Output out;
  out.open_path(std::nullopt, "eval");
  if (args->format == "json")
    out.stream() << eval::clustering_json(s, run.seconds).dump() << "\n";
  else
    out.stream() << eval::clustering_text(s, run.seconds);
  if (!out.finish()) return kExitWriteFailed;
  return run.errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
