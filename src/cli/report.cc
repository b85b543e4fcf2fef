// recoupe report: inputs → cross-checked stories (clean, group, cross-check, render).

#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/progress.h"
#include "cli/setup.h"
#include "report/build_report.h"
#include "report/html_view.h"
#include "report/report_json.h"
#include "report/terminal.h"
#include "report/text_view.h"
#include "report/view_labels.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe report FILE|DIR|- ... [--format text|json|html] [-o FILE] [--with-text]\n"
    "                      [--color auto|always|never] [--lang en|fr] [--no-cross-check]\n"
    "                      [--config FILE] [--data DIR] [--threads N]\n\n"
    "Cleans every input article, finds reprints of the same copy, groups the articles into\n"
    "stories (one real-world event each; every article in exactly one story), most important\n"
    "first (distinct outlets, then articles, then recency), and cross-checks each story: a\n"
    "neutral title, a cited summary, facts corroborated by several outlets, single-source\n"
    "facts, disagreements, quotes with speakers, entities, timeline and framing.\n\n"
    "  --format text|json|html  text (default) for a terminal; json follows docs/formats.md;\n"
    "                      html is one self-contained page\n"
    "  -o, --output FILE   write there instead of stdout\n"
    "  --with-text         include each article's cleaned text (json, html)\n"
    "  --color MODE        text colors: auto (a terminal, NO_COLOR unset), always, never\n"
    "  --lang en|fr        labels of the text and html views (default: the articles' language,\n"
    "                      English when it is neither); another value is a usage error\n"
    "  --no-cross-check    only group (faster; stories without the cross-check fields)\n"
    "  --config FILE       settings over the defaults (recoupe config --defaults)\n"
    "  --data DIR          language data folder (default: see recoupe --help)\n"
    "  --threads N         worker threads, 0..256 (default 0: all cores); same result for any N\n\n"
    "Input order does not matter: the articles are taken undated ones first, then by\n"
    "publication time, then id, url and content, so the same inputs listed in any order\n"
    "give the same report, byte for byte; articles[] comes in that order. Ids are unique:\n"
    "when several articles have one id, the first in that order keeps it and the others\n"
    "become ID#2, ID#3… A published value that is not a date is left out. Each change is one\n"
    "warning line on stderr naming the input (\"recoupe: FILE:LINE: warning: …\"); the\n"
    "article is still reported and the exit code is unchanged.\n\n"
    "Progress goes to stderr when it is a terminal.\n"
    "Exit codes: 0 ok; 1 some inputs refused (errors on stderr); 2 usage, bad config or data\n"
    "folder; 3 nothing processed; 4 output not written (disk full, closed pipe).\n";

}  // namespace

int run_report(int argc, char** argv) {
  Args args =
      parse_args(argc, argv, 2,
                 {"--format", "--output", "--config", "--data", "--threads", "--color", "--lang"},
                 {"--help", "--with-text", "--no-cross-check"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("text");
  auto color = report::parse_color_mode(args.get("--color").value_or("auto"));
  auto lang_option = args.get("--lang");
  std::string usage_error = !args.error.empty()       ? args.error
                            : args.positional.empty() ? "no input given"
                            : (format != "json" && format != "text" && format != "html")
                                ? "--format must be text, json or html"
                            : !color ? "--color must be auto, always or never"
                            : lang_option && !report::has_labels(*lang_option)
                                ? fmt::format(
                                      "--lang must be one of {} (the languages of the "
                                      "labels), not '{}'",
                                      report::kLabelLanguages, *lang_option)
                                : "";
  if (!usage_error.empty()) {
    std::fprintf(stderr, "recoupe report: %s\n%s", usage_error.c_str(), kHelp);
    return kExitUsage;
  }
  int code = kExitOk;
  auto setup = load_setup(args, "report", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  Output output;
  if (!output.open(args, "report", args.positional)) return kExitUsage;
  std::ostream& out = output.stream();

  Progress progress("recoupe report");
  engine::LoadedArticles loaded = pipeline.load(args.positional, progress.callback("cleaned"));
  for (const auto& e : loaded.errors) std::fprintf(stderr, "recoupe: %s\n", e.to_string().c_str());
  for (const auto& a : loaded.articles) print_warnings(a);
  if (loaded.articles.empty() && !loaded.errors.empty()) return kExitNothingProcessed;

  progress.step("grouping", loaded.articles.size());
  engine::BatchResult result = pipeline.group(loaded.articles);
  std::vector<CrossCheck> checks;  // same order as result.stories; none: no cross-check
  if (!args.has("--no-cross-check")) {
    progress.step("cross-checking", result.stories.size());
    checks = pipeline.cross_check(loaded.articles, result);
  }
  const Report doc = report::build_report(loaded.articles, result.duplicate_of, result.stories,
                                          std::move(checks), args.has("--with-text"));
  const std::string lang = lang_option.value_or(report::report_language(doc));
  if (format == "json") {
    out << report::to_json_text(doc);
  } else if (format == "text") {
    const bool to_stdout = !output.to_file();
    report::TextViewOptions view;
    view.width = to_stdout && report::stdout_is_tty() ? report::terminal_width() : 100;
    view.color = to_stdout ? report::use_color(*color) : *color == report::ColorMode::kAlways;
    view.lang = lang;
    out << report::render_text(doc, view);
  } else {
    report::HtmlViewOptions view;
    view.lang = lang;
    out << report::render_html(doc, view);
  }
  if (!output.finish()) return kExitWriteFailed;
  progress.done(
      fmt::format("{} articles, {} stories", loaded.articles.size(), result.stories.size()));
  return loaded.errors.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
