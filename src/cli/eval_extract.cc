// recoupe eval-extract: extraction quality and speed against a gold set.

#include <string>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/input_file.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/extraction_eval.h"
#include "eval/extraction_gold.h"

namespace recoupe::cli {
namespace {

constexpr long kMaxLimit = 1'000'000'000;  // --limit: pages

const CommandLine kCommandLine = {
    "eval-extract",
    help::kEvalExtract,
    Inputs::kNone,
    {required_option("--gold"), one_of_option("--format", {"json", "text"}),
     int_option("--limit", 1, kMaxLimit), value_option("--details"), value_option("--data"),
     value_option("--config")}};

}  // namespace

int run_eval_extract(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  const long limit = args->has("--limit") ? *parse_int_in(*args->get("--limit"), 1, kMaxLimit) : -1;
  auto setup = load_setup(*args, "eval-extract", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  eval::ExtractionEval result;
  result.gold_path = *args->get("--gold");
  if (!accept_input_file("eval-extract", result.gold_path)) return kExitNothingProcessed;
  Output details, out;
  out.open_path(std::nullopt, "eval-extract");
  if (!details.open_path(args->get("--details"), "eval-extract", {result.gold_path}))
    return kExitWriteFailed;

  ErrorLines errors("eval-extract", result.gold_path);
  auto read = eval::read_extraction_gold(result.gold_path, [&](auto gold) {
    if (limit >= 0 && result.pages >= limit) return false;
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
  if (!read || result.pages == 0) {
    print_error("eval-extract",
                !read ? read.error().to_string() : result.gold_path + ": no page could be scored");
    return kExitNothingProcessed;
  }
  if (args->get("--format").value_or("text") == "json")
    out.stream() << eval::extraction_json(result).dump(2) << "\n";
  else
    out.stream() << eval::extraction_text(result);
  if (!details.finish() || !out.finish()) return kExitWriteFailed;
  return result.refused ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace recoupe::cli
