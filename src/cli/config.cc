// recoupe config: prints the settings a run would use (the defaults, or a file over them).

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "engine/config.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe config --defaults | --check FILE\n\n"
    "Prints every setting of every stage as JSON, one section per stage (threads, ingest,\n"
    "extract, analyze, cluster, synth). Save it, change what you need, delete the rest, and\n"
    "pass it with --config FILE to report, stream, extract, analyze and the eval commands.\n"
    "Every key is documented in docs/config.md.\n\n"
    "  --defaults     the built-in defaults\n"
    "  --check FILE   FILE over the defaults, after checking it (unknown keys, wrong types and\n"
    "                 out-of-range values are errors naming the key)\n\n"
    "Exit codes: 0 ok; 2 usage or invalid config file.\n";

}  // namespace

int run_config(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"--check"}, {"--help", "--defaults"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (!args.error.empty() || !args.positional.empty() ||
      args.has("--defaults") == args.get("--check").has_value()) {
    const std::string problem = !args.error.empty() ? args.error
                                : !args.positional.empty()
                                    ? "unexpected argument " + args.positional[0]
                                    : "give --defaults or --check FILE";
    std::fprintf(stderr, "recoupe config: %s\n%s", problem.c_str(), kHelp);
    return kExitUsage;
  }
  engine::Config config;
  if (auto path = args.get("--check")) {
    if (std::string why = refuse_input_file(*path); !why.empty()) {  // a FIFO would block
      std::fprintf(stderr, "recoupe config: %s\n", why.c_str());
      return kExitUsage;
    }
    auto loaded = engine::load_config(*path);
    if (!loaded) {
      std::fprintf(stderr, "recoupe config: %s\n", loaded.error().to_string().c_str());
      return kExitUsage;
    }
    config = *loaded;
  }
  std::cout << engine::config_json(config) << "\n";
  return std::cout.flush() ? kExitOk : kExitUsage;
}

}  // namespace recoupe::cli
