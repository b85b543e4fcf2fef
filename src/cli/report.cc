// recoupe report: inputs → stories (near-duplicates marked, articles grouped by event).

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/cluster_options.h"
#include "cli/commands.h"
#include "engine/batch.h"
#include "engine/load.h"
#include "report/stories_json.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe report FILE|DIR|- ... [--format json|text] [-o FILE] [--with-text]\n"
    "                      [--config FILE] [--data DIR] [--threads N]\n\n"
    "Cleans every input article, finds reprints of the same copy and groups the articles\n"
    "into stories (one real-world event each; every article in exactly one story), most\n"
    "important first (distinct outlets, then articles, then recency).\n\n"
    "  --format json|text  json (default): {\"articles\": [...], \"stories\": [...]} (formats.md)\n"
    "  -o, --output FILE   write there instead of stdout\n"
    "  --with-text         include each article's cleaned text (json)\n"
    "  --config FILE       JSON object overriding ClusterConfig fields\n"
    "  --data DIR          language resources; --threads N  extraction threads\n\n"
    "Exit codes: 0 ok; 1 some inputs refused (errors on stderr); 2 usage; 3 nothing processed.\n";

}  // namespace

int run_report(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"--format", "--output", "--config", "--data", "--threads"},
                         {"--help", "--with-text"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("json");
  if (!args.error.empty() || (format != "json" && format != "text") || args.positional.empty()) {
    std::fprintf(stderr, "recoupe report: %s\n%s",
                 !args.error.empty()       ? args.error.c_str()
                 : args.positional.empty() ? "no input given"
                                           : "--format must be json or text",
                 kHelp);
    return kExitUsage;
  }
  engine::BatchOptions options;
  if (!read_batch_options(args, "report", options)) return kExitUsage;
  std::ofstream file;
  if (auto path = args.get("--output")) {
    file.open(*path);
    if (!file) {
      std::fprintf(stderr, "recoupe report: cannot write %s\n", path->c_str());
      return kExitUsage;
    }
  }
  std::ostream& out = file.is_open() ? file : std::cout;

  engine::LoadedArticles loaded = engine::load_articles(args.positional, options.threads);
  for (const auto& e : loaded.errors) std::fprintf(stderr, "recoupe: %s\n", e.to_string().c_str());
  if (loaded.articles.empty() && !loaded.errors.empty()) return kExitNothingProcessed;

  engine::BatchResult result = engine::group_articles(loaded.articles, options);
  if (format == "json")
    out << report::stories_to_json(loaded.articles, result.duplicate_of, result.stories,
                                   args.has("--with-text"))
               .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
  else
    report::print_stories_text(out, loaded.articles, result.duplicate_of, result.stories);
  out.flush();
  return loaded.errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
