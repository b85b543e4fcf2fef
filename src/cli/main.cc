// recoupe: news articles from many outlets → cross-checked stories.
// Dispatches to one function per subcommand (src/cli/<name>.cc); each command's help is
// src/cli/help/<name>.txt, and the top-level help, which lists the commands, recoupe.txt.

#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "cli/help_texts.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);
};

// In the order of the list in help/recoupe.txt, one a line.
// clang-format off
constexpr Command kCommands[] = {
    {"report", recoupe::cli::run_report},
    {"stream", recoupe::cli::run_stream},
    {"ingest", recoupe::cli::run_ingest},
    {"stories", recoupe::cli::run_stories},
    {"story", recoupe::cli::run_story},
    {"serve", recoupe::cli::run_serve},
    {"extract", recoupe::cli::run_extract},
    {"fetch", recoupe::cli::run_fetch},
    {"watch", recoupe::cli::run_watch},
    {"worker", recoupe::cli::run_worker},
    {"analyze", recoupe::cli::run_analyze},
    {"eval-extract", recoupe::cli::run_eval_extract},
    {"eval-ner", recoupe::cli::run_eval_ner},
    {"eval", recoupe::cli::run_eval},
    {"eval-pairs", recoupe::cli::run_eval_pairs},
    {"eval-summary", recoupe::cli::run_eval_summary},
    {"config", recoupe::cli::run_config},
};
// clang-format on

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version"))) {
    std::printf("recoupe %s\n", RECOUPE_VERSION);
    return recoupe::cli::kExitOk;
  }
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    std::fwrite(recoupe::cli::help::kRecoupe.data(), 1, recoupe::cli::help::kRecoupe.size(),
                stdout);
    return argc < 2 ? recoupe::cli::kExitUsage : recoupe::cli::kExitOk;
  }
  for (const auto& c : kCommands)
    if (std::string(argv[1]) == c.name) return c.run(argc, argv);
  std::fprintf(stderr, "recoupe: unknown command '%s' (see recoupe --help)\n", argv[1]);
  return recoupe::cli::kExitUsage;
}
