// recoupe eval: clustering quality against gold event labels (formats.md).

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "cluster/metrics.h"
#include "engine/batch.h"
#include "engine/load.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval --gold FILE.jsonl [--format json|text] [--config FILE] [--data DIR]\n"
    "                    [--threads N]\n\n"
    "Groups the gold file's articles exactly as `recoupe report` would and compares the\n"
    "stories with the records' \"event\" labels (a record without one is its own event).\n"
    "Prints docs, gold_events, found_events, bcubed_p, bcubed_r, bcubed_f1, pair_p, pair_r,\n"
    "pair_f1 and seconds (grouping time: features + clustering).\n\n"
    "  --gold FILE       JSONL with \"event\" labels (.jsonl or .jsonl.zst)\n"
    "  --format F        text (default) or json\n"
    "  --config FILE     JSON object overriding ClusterConfig fields "
    "(src/cluster/cluster_config.h)\n"
    "  --data DIR        language resources (default: see recoupe --help)\n"
    "  --threads N       feature extraction threads (default: all cores)\n";

}  // namespace

int run_eval(int argc, char** argv) {
  int exit_code = kExitOk;
  auto args = parse_gold_eval_args(argc, argv, "eval", kHelp, exit_code);
  if (!args) return exit_code;
  const std::string& format = args->format;
  const engine::Pipeline pipeline = args->setup.pipeline();

  engine::LoadedArticles loaded = pipeline.load({args->gold});
  for (const auto& e : loaded.errors) std::fprintf(stderr, "recoupe: %s\n", e.to_string().c_str());
  if (loaded.articles.empty()) return kExitNothingProcessed;

  auto start = std::chrono::steady_clock::now();
  engine::BatchResult result = pipeline.group(loaded.articles);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<std::string> gold, found;
  for (size_t i = 0; i < loaded.articles.size(); ++i) {
    const Article& a = loaded.articles[i];
    gold.push_back(a.event ? "e:" + *a.event : "id:" + a.id);
    found.push_back(std::to_string(result.story_of[i]));
  }
  cluster::ClusteringScores s = cluster::score_clustering(gold, found);
  auto r4 = [](double x) { return std::round(x * 10000.0) / 10000.0; };
  if (format == "json") {
    nlohmann::ordered_json j;
    j["docs"] = s.docs;
    j["gold_events"] = s.gold_events;
    j["found_events"] = s.found_events;
    j["bcubed_p"] = r4(s.bcubed_p);
    j["bcubed_r"] = r4(s.bcubed_r);
    j["bcubed_f1"] = r4(s.bcubed_f1);
    j["pair_p"] = r4(s.pair_p);
    j["pair_r"] = r4(s.pair_r);
    j["pair_f1"] = r4(s.pair_f1);
    j["seconds"] = std::round(seconds * 1000.0) / 1000.0;
    std::cout << j.dump() << "\n";
  } else {
    std::printf(
        "docs          %zu\ngold_events   %zu\nfound_events  %zu\nbcubed_p      %.4f\n"
        "bcubed_r      %.4f\nbcubed_f1     %.4f\npair_p        %.4f\npair_r        %.4f\n"
        "pair_f1       %.4f\nseconds       %.3f\n",
        s.docs, s.gold_events, s.found_events, s.bcubed_p, s.bcubed_r, s.bcubed_f1, s.pair_p,
        s.pair_r, s.pair_f1, seconds);
  }
  return loaded.errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
