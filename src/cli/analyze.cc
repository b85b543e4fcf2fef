// recoupe analyze: inputs → per article, its sentences, dates, quantities and quotes.

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "core/calendar.h"
#include "report/analysis_json.h"
#include "report/analysis_text.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "analyze",
    help::kAnalyze,
    Inputs::kRequired,
    {one_of_option("--format", {"json", "text"}), value_option("--output"),
     checked_option(
         "--reference-date", [](std::string_view v) { return !!parse_iso_date(v); },
         "--reference-date must be YYYY-MM-DD"),
     value_option("--data"), value_option("--config"), switch_option("--no-sentences")}};

}  // namespace

int run_analyze(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "analyze", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  Output output;
  if (!output.open(*args, "analyze", args->positional)) return kExitUsage;
  std::ostream& out = output.stream();

  const bool json = args->get("--format").value_or("json") == "json";
  const bool with_sentences = !args->has("--no-sentences");
  const auto reference = args->get("--reference-date");
  code = for_each_article(pipeline, args->positional, [&](const Article& art) {
    ArticleAnalysis a = pipeline.analyze(art, reference);
    if (json)
      out << report::analysis_to_json(a, with_sentences)
                 .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
          << "\n";
    else
      out << report::analysis_to_text(a);
  });
  return output.finish() ? code : kExitWriteFailed;
}

}  // namespace recoupe::cli
