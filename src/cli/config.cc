// recoupe config: prints the settings a run would use (the defaults, or a file over them).

#include <iostream>
#include <string>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/input_file.h"
#include "engine/config.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "config", help::kConfig, Inputs::kNone, {value_option("--check"), switch_option("--defaults")}};

}  // namespace

int run_config(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  if (args->has("--defaults") == args->has("--check"))  // exactly one of the two
    return usage_error(kCommandLine, "give --defaults or --check FILE");
  engine::Config config;
  if (auto path = args->get("--check")) {
    if (!accept_input_file("config", *path)) return kExitUsage;  // a FIFO would block
    auto loaded = engine::load_config(*path);
    if (!loaded) {
      print_error("config", loaded.error().to_string());
      return kExitUsage;
    }
    config = *loaded;
  }
  std::cout << engine::config_json(config) << "\n";
  return std::cout.flush() ? kExitOk : kExitUsage;
}

}  // namespace recoupe::cli
