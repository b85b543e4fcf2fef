// recoupe: news articles from many outlets → cross-checked stories.
// Dispatches to one function per subcommand (src/cli/<name>.cc).

#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"report", recoupe::cli::run_report,
     "clean, group and cross-check articles into stories (text, json, html)"},
    {"stream", recoupe::cli::run_stream,
     "live grouping: place each article in a story as it arrives (JSONL)"},
    {"extract", recoupe::cli::run_extract, "clean articles: main text, metadata, language (JSONL)"},
    {"analyze", recoupe::cli::run_analyze, "sentences, dates, quantities, quotes of each article"},
    {"eval-extract", recoupe::cli::run_eval_extract,
     "score extraction against a gold set (snippets or body), with speed"},
    {"eval-ner", recoupe::cli::run_eval_ner,
     "named-entity P/R/F1 on held-out corpora, vs baseline"},
    {"eval", recoupe::cli::run_eval, "clustering quality against gold event labels"},
    {"eval-pairs", recoupe::cli::run_eval_pairs, "same-event pair decisions against labels"},
    {"eval-summary", recoupe::cli::run_eval_summary,
     "ROUGE of story summaries against human summaries, beside the lead baseline"},
    {"config", recoupe::cli::run_config,
     "print every setting with its default (docs/config.md), or check a config file"},
};

void print_help() {
  std::printf(
      "recoupe — turn raw news articles from many outlets into cross-checked stories\n\n"
      "usage: recoupe <command> [options] [inputs...]\n"
      "       recoupe --version\n\ncommands:\n");
  for (const auto& c : kCommands) std::printf("  %-14s %s\n", c.name, c.summary);
  std::printf(
      "\n'recoupe <command> --help' shows a command's options.\n\n"
      "inputs: .txt (one scraped article), .html/.htm (one page), .jsonl or .jsonl.zst (one\n"
      "article per line: id, url, source, title, published, lang, text|html), a folder (those\n"
      "files inside, recursively, in name order), or - for stdin.\n\n"
      "limits: one article file ≤ 64 MB; one JSONL line ≤ 64 MB; JSON depth ≤ 64; HTML\n"
      "nesting beyond 512 levels is flattened; an HTML element keeps its first 1000\n"
      "attributes; a zstd window ≤ 128 MB. The cross-check of one story reads at most 256 KB\n"
      "of an article, 4 MB of articles and 8 reprints of one original, and merges at most\n"
      "2000 quotes (synth.max_article_bytes, max_story_bytes, max_reprints_read,\n"
      "max_quotes_merged); a story over a limit says what was left out (\"notices\").\n"
      "Inputs over a limit, empty, binary or not decodable, and folder entries that cannot\n"
      "be read (unreadable sub-folders, broken or looping links, FIFOs) are refused with a\n"
      "one-line error naming the file (and line); the rest of the batch is processed. Kept\n"
      "with a warning line (\"FILE: warning: …\", exit code unchanged): a text line over 1 MiB\n"
      "(cut after its last whole sentence), a published value that is not a date (left out),\n"
      "an id already used (renamed ID#2, ID#3…).\n\n"
      "exit codes: 0 all inputs processed; 1 some inputs refused (see stderr), the rest\n"
      "processed; 2 usage error (bad option, config file or data folder); 3 no input could be\n"
      "processed; 4 the output could not be written (disk full, closed pipe; -o leaves no\n"
      "partial file, and an output that is also an input is refused).\n\n"
      "data: language resources are read from --data DIR, $RECOUPE_DATA, or ./data beside\n"
      "the build folder; a missing or incomplete data folder is an error at start.\n"
      "settings: --config FILE (recoupe config --defaults prints them; docs/config.md).\n"
      "formats of inputs and outputs: docs/formats.md.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version"))) {
    std::printf("recoupe %s\n", RECOUPE_VERSION);
    return recoupe::cli::kExitOk;
  }
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    print_help();
    return argc < 2 ? recoupe::cli::kExitUsage : recoupe::cli::kExitOk;
  }
  for (const auto& c : kCommands)
    if (std::string(argv[1]) == c.name) return c.run(argc, argv);
  std::fprintf(stderr, "recoupe: unknown command '%s' (see recoupe --help)\n", argv[1]);
  return recoupe::cli::kExitUsage;
}
