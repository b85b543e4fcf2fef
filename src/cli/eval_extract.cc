// recoupe eval-extract: extraction quality and speed against a gold set.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/extraction_eval.h"
#include "eval/extraction_gold.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-extract --gold FILE.jsonl[.zst] [--format text|json] [--limit N]\n"
    "                            [--details FILE]\n\n"
    "Extracts every page of a gold set and scores the main text:\n"
    "  snippet gold (records with \"with\"/\"without\" lists, trafilatura's method): each\n"
    "    \"with\" snippet must appear in the text, each \"without\" must not; P, R, F1, accuracy;\n"
    "  body gold (records with \"body\"): mean per-page bag-of-words P, R, F1.\n"
    "Records hold \"html\" or \"text\" (scraped plain text). Also reports metadata accuracy\n"
    "where the gold has gold_title / gold_date / gold_author, and speed (pages/s, MB/s of\n"
    "input, extraction only).\n\n"
    "  --details FILE   one JSON line per page: missed \"with\" and kept \"without\" snippets\n";

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
  if (!args.error.empty() || !args.get("--gold") || (format != "json" && format != "text")) {
    std::fprintf(stderr, "recoupe eval-extract: %s\n%s",
                 !args.error.empty() ? args.error.c_str() : "--gold FILE is required", kHelp);
    return kExitUsage;
  }
  int code = kExitOk;
  auto setup = load_setup(args, "eval-extract", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  eval::ExtractionEval result;
  result.gold_path = *args.get("--gold");
  long limit = args.get("--limit") ? std::atol(args.get("--limit")->c_str()) : -1;
  std::ofstream details;
  if (auto d = args.get("--details")) details.open(*d);

  auto read = eval::read_extraction_gold(result.gold_path, [&](auto gold) {
    if (limit >= 0 && result.pages >= limit) return false;
    auto page = gold ? engine::extract_gold_page(gold->record, gold->where, pipeline)
                     : Expected<engine::GoldPage>(gold.error());
    if (!page) {
      ++result.refused;
      std::fprintf(stderr, "recoupe: %s\n", page.error().to_string().c_str());
      return true;
    }
    auto detail =
        result.add(*gold, page->article, page->seconds, page->input_bytes, details.is_open());
    if (details.is_open())
      details << detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return true;
  });
  if (!read) {
    std::fprintf(stderr, "recoupe: %s\n", read.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  if (result.pages == 0) {
    std::fprintf(stderr, "recoupe: %s: no page could be scored\n", result.gold_path.c_str());
    return kExitNothingProcessed;
  }
  if (format == "json")
    std::cout << eval::extraction_json(result).dump(2) << "\n";
  else
    std::cout << eval::extraction_text(result);
  return result.refused ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace recoupe::cli
