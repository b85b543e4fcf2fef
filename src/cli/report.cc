// recoupe report: inputs → cross-checked stories (clean, group, cross-check, render).

#include <cstdio>

#include <fmt/format.h>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/help_texts.h"
#include "cli/io.h"
#include "cli/progress.h"
#include "cli/setup.h"
#include "report/build_report.h"
#include "report/render.h"
#include "report/view_labels.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "report",
    help::kReport,
    Inputs::kRequired,
    {one_of_option("--format", {"text", "json", "html"}), value_option("--output"),
     value_option("--config"), value_option("--data"), value_option("--threads"),
     checked_option(
         "--color", [](std::string_view v) { return !!report::parse_color_mode(v); },
         "--color must be auto, always or never"),
     checked_option(
         "--lang", report::has_labels,
         fmt::format("--lang must be one of {} (the languages of the labels), not '{{}}'",
                     report::kLabelLanguages)),
     switch_option("--with-text"), switch_option("--no-cross-check")}};

}  // namespace

int run_report(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  auto setup = load_setup(*args, "report", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  Output output;
  if (!output.open(*args, "report", args->positional)) return kExitUsage;

  Progress progress("recoupe report");
  engine::LoadedArticles loaded = pipeline.load(args->positional, progress.callback("cleaned"));
  for (const auto& e : loaded.errors) std::fprintf(stderr, "recoupe: %s\n", e.to_string().c_str());
  for (const auto& a : loaded.articles) print_warnings(a);
  if (loaded.articles.empty() && !loaded.errors.empty()) return kExitNothingProcessed;

  progress.step("grouping", loaded.articles.size());
  engine::BatchResult result = pipeline.group(loaded.articles);
  std::vector<CrossCheck> checks;  // same order as result.stories; none: no cross-check
  if (!args->has("--no-cross-check")) {
    progress.step("cross-checking", result.stories.size());
    checks = pipeline.cross_check(loaded.articles, result);
  }
  const Report doc = report::build_report(loaded.articles, result.duplicate_of, result.stories,
                                          std::move(checks), args->has("--with-text"));
  const auto format = report::parse_view_format(args->get("--format").value_or("text"));
  const auto color = report::parse_color_mode(args->get("--color").value_or("auto"));
  output.stream() << report::render(
      doc, report::view_for_output(*format, args->get("--lang").value_or(""), *color,
                                   !output.to_file()));
  if (!output.finish()) return kExitWriteFailed;
  progress.done(
      fmt::format("{} articles, {} stories", loaded.articles.size(), result.stories.size()));
  return loaded.errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
