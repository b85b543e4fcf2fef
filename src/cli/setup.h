// What every command that runs the pipeline shares: --data DIR, --config FILE, --threads N
// become one loaded Resources and one Config, or one error line and an exit code.
#pragma once

#include <cstdio>
#include <optional>
#include <set>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "engine/config.h"
#include "engine/pipeline.h"
#include "engine/resources.h"
#include "text/data_dir.h"

namespace recoupe::cli {

// The options above, as given (see parse_setup_options).
inline const std::set<std::string> kSetupOptions = {"--data", "--config", "--threads"};

// A command's loaded data and config. Resources are not copyable: keep the Setup where the
// Pipeline that refers to it lives.
struct Setup {
  engine::Resources resources;
  engine::Config config;
  engine::Pipeline pipeline() const { return engine::Pipeline(resources, config); }
};

// Parses "N" as a thread count 0..256; nullopt for anything else ("abc", "-1", "1e3").
inline std::optional<unsigned> parse_threads(const std::string& s) {
  if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  unsigned n = unsigned(std::stoul(s));
  return n <= 256 ? std::optional<unsigned>(n) : std::nullopt;
}

// Reads --config (over the defaults), then --threads (over the config), then loads the data
// folder of --data / $RECOUPE_DATA / the build's data/. On failure prints one line naming
// `command` and the file or option at fault, sets `exit_code` to kExitUsage and returns
// nullopt: a run never starts on a missing data folder or a bad config.
inline std::optional<Setup> load_setup(const Args& args, const char* command, int& exit_code) {
  auto fail = [&](const std::string& message) {
    std::fprintf(stderr, "recoupe %s: %s\n", command, message.c_str());
    exit_code = kExitUsage;
    return std::nullopt;
  };
  engine::Config config;
  if (auto path = args.get("--config")) {
    // A FIFO or device given as --config would block the read forever.
    if (std::string why = refuse_input_file(*path); !why.empty()) return fail(why);
    auto loaded = engine::load_config(*path);
    if (!loaded) return fail(loaded.error().to_string());
    config = *loaded;
  }
  if (auto t = args.get("--threads")) {
    auto n = parse_threads(*t);
    if (!n) return fail("--threads must be an integer from 0 (all cores) to 256, not '" + *t + "'");
    config.threads = *n;
  }
  auto resources = engine::Resources::load(text::find_data_dir(args.get("--data").value_or("")));
  if (!resources) return fail(resources.error().to_string());
  return Setup{std::move(*resources), std::move(config)};
}

}  // namespace recoupe::cli

namespace recoupe::cli {

// The command line of the commands that score grouping against a gold file (eval,
// eval-pairs): --gold FILE (required), --format json|text, and the setup options above.
struct GoldEvalArgs {
  std::string gold;
  std::string format = "text";
  Setup setup;
};

// Parses argv[2..]; on --help prints `help` and returns kExitOk in `exit_code`; on a bad
// command line or setup prints the reason (and `help` for usage) and returns kExitUsage; on a
// gold file refused by refuse_input_file (missing, not a regular file, empty, binary) prints
// that line and returns kExitNothingProcessed. nullopt in those cases.
inline std::optional<GoldEvalArgs> parse_gold_eval_args(int argc, char** argv, const char* command,
                                                        const char* help, int& exit_code) {
  Args args = parse_args(argc, argv, 2, {"--gold", "--format", "--config", "--data", "--threads"},
                         {"--help"});
  if (args.has("--help")) {
    std::fputs(help, stdout);
    exit_code = kExitOk;
    return std::nullopt;
  }
  std::string format = args.get("--format").value_or("text");
  const std::string problem =
      !args.error.empty()                    ? args.error
      : !args.get("--gold")                  ? "--gold FILE is required"
      : !args.positional.empty()             ? "unexpected argument " + args.positional[0]
      : format != "json" && format != "text" ? "--format must be json or text"
                                             : "";
  if (!problem.empty()) {
    std::fprintf(stderr, "recoupe %s: %s\n%s", command, problem.c_str(), help);
    exit_code = kExitUsage;
    return std::nullopt;
  }
  auto setup = load_setup(args, command, exit_code);
  if (!setup) return std::nullopt;
  if (std::string why = refuse_input_file(*args.get("--gold")); !why.empty()) {
    std::fprintf(stderr, "recoupe %s: %s\n", command, why.c_str());
    exit_code = kExitNothingProcessed;
    return std::nullopt;
  }
  return GoldEvalArgs{*args.get("--gold"), format, std::move(*setup)};
}

}  // namespace recoupe::cli
