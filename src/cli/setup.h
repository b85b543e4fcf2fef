// What every command that runs the pipeline shares: --data DIR, --config FILE, --threads N
// become one loaded Resources and one Config, or one error line and an exit code.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include "cli/args.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "engine/config.h"
#include "engine/pipeline.h"
#include "engine/resources.h"

namespace recoupe::cli {

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
  auto resources = engine::Resources::find_and_load(args.get("--data").value_or(""));
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
                                                        std::string_view help, int& exit_code) {
  const CommandLine line = {
      command,
      help,
      Inputs::kNone,
      {required_option("--gold"), one_of_option("--format", {"json", "text"}),
       value_option("--config"), value_option("--data"), value_option("--threads")}};
  auto args = parse_command_line(argc, argv, line, exit_code);
  if (!args) return std::nullopt;
  auto setup = load_setup(*args, command, exit_code);
  if (!setup) return std::nullopt;
  if (!accept_input_file(command, *args->get("--gold"))) {
    exit_code = kExitNothingProcessed;
    return std::nullopt;
  }
  return GoldEvalArgs{*args->get("--gold"), args->get("--format").value_or("text"),
                      std::move(*setup)};
}

}  // namespace recoupe::cli
