// recoupe extract: inputs → one clean article per line (JSONL) or readable text.

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "report/article_json.h"
#include "report/article_text.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "extract",
    help::kExtract,
    Inputs::kRequired,
    {one_of_option("--format", {"json", "text"}), value_option("--output"),
     value_option("--config"), value_option("--data")}};

}  // namespace

int run_extract(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "extract", code);
  if (!setup) return code;
  Output output;
  if (!output.open(*args, "extract", args->positional)) return kExitUsage;
  std::ostream& out = output.stream();

  const bool json = args->get("--format").value_or("json") == "json";
  code = for_each_article(setup->pipeline(), args->positional, [&](const Article& a) {
    if (json)
      out << report::article_to_json(a).dump(-1, ' ', false,
                                             nlohmann::ordered_json::error_handler_t::replace)
          << "\n";
    else
      out << report::article_to_text(a);
  });
  return output.finish() ? code : kExitWriteFailed;
}

}  // namespace recoupe::cli
