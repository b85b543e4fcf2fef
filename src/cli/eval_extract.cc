// recoupe eval-extract: extraction quality and speed against a gold set.

#include <cstdio>
#include <optional>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/input_file.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/extraction_eval.h"
#include "eval/extraction_gold.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-extract --gold FILE.jsonl[.zst] [--format text|json] [--limit N]\n"
    "                            [--details FILE] [--config FILE] [--data DIR]\n\n"
    "Extracts every page of a gold set and scores the main text:\n"
    "  snippet gold (records with \"with\"/\"without\" lists, trafilatura's method): each\n"
    "    \"with\" snippet must appear in the text, each \"without\" must not; P, R, F1, accuracy;\n"
    "  body gold (records with \"body\"): mean per-page bag-of-words P, R, F1.\n"
    "Records hold \"html\" or \"text\" (scraped plain text). Also reports metadata accuracy\n"
    "where the gold has gold_title / gold_date / gold_author, and speed (pages/s, MB/s of\n"
    "input, extraction only). Fields of another type than documented are ignored.\n\n"
    "  --gold FILE      the gold set: a regular, non-empty text file (.zst: zstd data); lines\n"
    "                   up to 64 MB (longer ones are skipped)\n"
    "  --format F       text (default) or json\n"
    "  --limit N        score the first N pages only, 1..1000000000 (default: all)\n"
    "  --details FILE   one JSON line per page: missed \"with\" and kept \"without\" snippets\n"
    "                   (written under a temporary name and renamed at the end)\n"
    "  --config FILE    settings over the defaults (recoupe config --defaults)\n"
    "  --data DIR       language resources (default: see recoupe --help)\n\n"
    "Records that cannot be scored are named on stderr (the first 10, then a count).\n"
    "Exit codes: 0 ok; 1 some records refused (the rest scored); 2 usage, bad config or data\n"
    "folder; 3 the gold file unreadable or no page scored; 4 the output or --details could\n"
    "not be written.\n";

}  // namespace

int run_eval_extract(int argc, char** argv) {
  Args args =
      parse_args(argc, argv, 2,
                 {"--gold", "--format", "--limit", "--details", "--data", "--config"}, {"--help"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("text");
  auto limit_arg = args.get("--limit");
  std::optional<long> limit = limit_arg ? parse_int_in(*limit_arg, 1, 1'000'000'000) : -1;
  const std::string problem =
      !args.error.empty()                    ? args.error
      : !args.get("--gold")                  ? "--gold FILE is required"
      : !args.positional.empty()             ? "unexpected argument " + args.positional[0]
      : format != "json" && format != "text" ? "--format must be json or text"
      : !limit ? "--limit must be an integer from 1 to 1000000000, not '" + *limit_arg + "'"
               : "";
  if (!problem.empty()) {
    std::fprintf(stderr, "recoupe eval-extract: %s\n%s", problem.c_str(), kHelp);
    return kExitUsage;
  }
  int code = kExitOk;
  auto setup = load_setup(args, "eval-extract", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  eval::ExtractionEval result;
  result.gold_path = *args.get("--gold");
  if (std::string why = refuse_input_file(result.gold_path); !why.empty()) {
    std::fprintf(stderr, "recoupe eval-extract: %s\n", why.c_str());
    return kExitNothingProcessed;
  }
  Output details, out;
  out.open_path(std::nullopt, "eval-extract");
  if (!details.open_path(args.get("--details"), "eval-extract", {result.gold_path}))
    return kExitWriteFailed;

  ErrorLines errors("eval-extract", result.gold_path);
  auto read = eval::read_extraction_gold(result.gold_path, [&](auto gold) {
    if (*limit >= 0 && result.pages >= *limit) return false;
    auto page = gold ? engine::extract_gold_page(gold->record, gold->where, pipeline)
                     : Expected<engine::GoldPage>(gold.error());
    if (!page) {
      ++result.refused;
      errors.add(page.error());
      return true;
    }
    auto detail =
        result.add(*gold, page->article, page->seconds, page->input_bytes, details.to_file());
    if (details.to_file())
      details.stream() << detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                       << "\n";
    return true;
  });
  errors.finish();
  if (!read) {
    std::fprintf(stderr, "recoupe eval-extract: %s\n", read.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  if (result.pages == 0) {
    std::fprintf(stderr, "recoupe eval-extract: %s: no page could be scored\n",
                 result.gold_path.c_str());
    return kExitNothingProcessed;
  }
  if (format == "json")
    out.stream() << eval::extraction_json(result).dump(2) << "\n";
  else
    out.stream() << eval::extraction_text(result);
  if (!details.finish() || !out.finish()) return kExitWriteFailed;
  return result.refused ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace recoupe::cli
