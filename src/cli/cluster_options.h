// Options shared by the commands that group articles: --config FILE, --data DIR, --threads N.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cluster/cluster_config.h"
#include "engine/batch.h"
#include "text/data_dir.h"

namespace recoupe::cli {

// Fills `options` from the arguments; prints the reason and returns false on a bad value.
inline bool read_batch_options(const Args& args, const char* command,
                               engine::BatchOptions& options) {
  if (auto path = args.get("--config")) {
    auto config = cluster::load_cluster_config(*path);
    if (!config) {
      std::fprintf(stderr, "recoupe %s: %s\n", command, config.error().to_string().c_str());
      return false;
    }
    options.config = *config;
  }
  options.data_dir = text::find_data_dir(args.get("--data").value_or(""));
  if (auto t = args.get("--threads"))
    options.threads = unsigned(std::strtoul(t->c_str(), nullptr, 10));
  return true;
}

// The command line of the commands that score grouping against a gold file (eval,
// eval-pairs): --gold FILE (required), --format json|text, and the batch options above.
struct GoldEvalArgs {
  std::string gold;
  std::string format = "text";
  engine::BatchOptions options;
};

// Parses argv[2..]; on --help prints `help` and returns kExitOk in `exit_code`; on a bad
// command line prints the reason and `help` and returns kExitUsage. nullopt in both cases.
inline std::optional<GoldEvalArgs> parse_gold_eval_args(int argc, char** argv, const char* command,
                                                        const char* help, int& exit_code) {
  Args args = parse_args(argc, argv, 2, {"--gold", "--format", "--config", "--data", "--threads"},
                         {"--help"});
  if (args.has("--help")) {
    std::fputs(help, stdout);
    exit_code = kExitOk;
    return std::nullopt;
  }
  GoldEvalArgs out;
  out.format = args.get("--format").value_or("text");
  const char* problem = !args.error.empty()        ? args.error.c_str()
                        : !args.get("--gold")      ? "--gold FILE is required"
                        : !args.positional.empty() ? "unexpected argument"
                        : out.format != "json" && out.format != "text"
                            ? "--format must be json or text"
                            : nullptr;
  if (problem) {
    std::fprintf(stderr, "recoupe %s: %s\n%s", command, problem, help);
    exit_code = kExitUsage;
    return std::nullopt;
  }
  out.gold = *args.get("--gold");
  if (!read_batch_options(args, command, out.options)) {
    exit_code = kExitUsage;
    return std::nullopt;
  }
  return out;
}

}  // namespace recoupe::cli
