// recoupe analyze: inputs → per article, its sentences, dates, quantities and quotes.

#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "core/calendar.h"
#include "report/analysis_json.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe analyze FILE|DIR|- ... [--format json|text] [--reference-date YYYY-MM-DD]\n"
    "                       [--no-sentences] [--data DIR] [--config FILE] [-o FILE]\n\n"
    "Cleans each input article (as recoupe extract) and analyses its text. Prints JSON Lines\n"
    "by default, one object per article: id, language, reference_date, sentences [{text,\n"
    "begin, end, paragraph}], dates [{text, begin, end, value, precision, relative, anchor,\n"
    "time_of_day}], quantities [{text, begin, end, value, unit, approximation}], quotes\n"
    "[{text, begin, end, kind, speaker, speaker_begin, speaker_end, verb, via}]. Offsets are\n"
    "UTF-8 byte offsets into the cleaned text (recoupe extract's \"text\").\n\n"
    "  --format json|text          output format (default json)\n"
    "  --reference-date YYYY-MM-DD resolve relative dates (\"mardi\", \"hier\") against this\n"
    "                              date when an article has no publication date\n"
    "  --no-sentences              leave the sentence list out of the JSON\n"
    "  --data DIR                  language data folder (default: see recoupe --help)\n"
    "  --config FILE               settings over the defaults (recoupe config --defaults)\n"
    "  -o, --output FILE           write there instead of stdout\n\n"
    "Exit codes: 0 ok; 1 some inputs refused (errors on stderr); 2 usage, bad config or data\n"
    "folder; 3 nothing processed; 4 output not written (disk full, closed pipe).\n";

void print_text(std::ostream& out, const Article& art, const ArticleAnalysis& a) {
  out << "── " << a.article_id << " (" << a.language << ", reference "
      << a.reference_date.value_or("none") << ")\n";
  out << a.sentences.size() << " sentences\n";
  out << "dates:\n";
  for (const auto& d : a.dates)
    out << fmt::format("  {:<28} {:<12} {}{}{}\n", d.text, d.value.empty() ? "?" : d.value,
                       to_string(d.precision), d.relative ? " relative" : "",
                       d.time_of_day.empty() ? "" : " " + d.time_of_day);
  out << "quantities:\n";
  for (const auto& q : a.quantities)
    out << fmt::format("  {:<28} {:g} {} ({})\n", q.text, q.value, q.unit,
                       to_string(q.approximation));
  out << "quotes:\n";
  for (const auto& q : a.quotes)
    out << fmt::format(
        "  [{}] {} — « {} »{}\n", to_string(q.kind), q.speaker.empty() ? "?" : q.speaker, q.text,
        q.via.empty() ? "" : " (" + q.via + (q.verb.empty() ? "" : ": " + q.verb) + ")");
  out << "\n";
  (void)art;
}

}  // namespace

int run_analyze(int argc, char** argv) {
  Args args =
      parse_args(argc, argv, 2, {"--format", "--output", "--reference-date", "--data", "--config"},
                 {"--help", "--no-sentences"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("json");
  auto reference = args.get("--reference-date");
  std::string problem = !args.error.empty()                      ? args.error
                        : args.positional.empty()                ? "no input given"
                        : (format != "json" && format != "text") ? "--format must be json or text"
                        : (reference && !parse_iso_date(*reference))
                            ? "--reference-date must be YYYY-MM-DD"
                            : "";
  if (!problem.empty()) {
    std::fprintf(stderr, "recoupe analyze: %s\n%s", problem.c_str(), kHelp);
    return kExitUsage;
  }
  int code = kExitOk;
  auto setup = load_setup(args, "analyze", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  Output output;
  if (!output.open(args, "analyze", args.positional)) return kExitUsage;
  std::ostream& out = output.stream();
  const bool with_sentences = !args.has("--no-sentences");

  code = for_each_article(pipeline, args.positional, [&](const Article& art) {
    ArticleAnalysis a = pipeline.analyze(art, reference);
    if (format == "json")
      out << report::analysis_to_json(a, with_sentences)
                 .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
          << "\n";
    else
      print_text(out, art, a);
  });
  return output.finish() ? code : kExitWriteFailed;
}

}  // namespace recoupe::cli
