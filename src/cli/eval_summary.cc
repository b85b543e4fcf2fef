// recoupe eval-summary: ROUGE of the story summary against human summaries, beside the lead
// baseline measured in the same run.

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
#include "eval/summary_eval.h"
#include "eval/summary_refs.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-summary [--refs FILE] [--articles FILE] [--words N] [--format text|json]\n"
    "                            [--config FILE] [--data DIR]\n\n"
    "For each record of the references file, summarizes its articles (found by id in\n"
    "--articles) as recoupe does, cut to N words, and scores ROUGE-1, ROUGE-2 and ROUGE-L F1\n"
    "against each reference (mean over references, then over records). The lead baseline\n"
    "(first sentences of the first article, same budget) is scored in the same run.\n"
    "Tokens: folded words (lower case, no diacritics), Snowball-stemmed, stop words kept;\n"
    "ROUGE-L is the LCS of the whole token sequences.\n\n"
    "  --refs FILE      one record a line: {summaries: [strings, at least one], doc_ids:\n"
    "                   [strings, at least one], topic: string, slice: integer}\n"
    "                   (default ../shared/data/summaries/rpm2-fr-dev-refs.jsonl)\n"
    "  --articles FILE  JSONL articles as recoupe report reads them, by \"id\"\n"
    "                   (default ../shared/data/clustering/rpm2-fr-dev.jsonl)\n"
    "  --words N        summary length in words, 1..10000 (default 100, the references')\n"
    "  --format F       text (default) or json\n"
    "  --config FILE    settings over the defaults (recoupe config --defaults)\n"
    "  --data DIR       language resources (default: see recoupe --help)\n\n"
    "Both files: regular, non-empty text files (.zst: zstd data), lines up to 64 MB. Records\n"
    "that cannot be read are named on stderr (the first 10 per file, then a count) and\n"
    "skipped.\n"
    "Exit codes: 0 ok; 1 some records skipped (the rest scored); 2 usage, bad config or data\n"
    "folder; 3 a file unreadable or no record scored; 4 the output could not be written.\n";

}  // namespace

int run_eval_summary(int argc, char** argv) {
  Args args =
      parse_args(argc, argv, 2,
                 {"--refs", "--articles", "--words", "--format", "--data", "--config"}, {"--help"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("text");
  const std::string words_arg = args.get("--words").value_or("100");
  const std::optional<long> words = parse_int_in(words_arg, 1, 10000);
  const std::string problem =
      !args.error.empty()                    ? args.error
      : !args.positional.empty()             ? "unexpected argument " + args.positional[0]
      : format != "json" && format != "text" ? "--format must be json or text"
      : !words ? "--words must be an integer from 1 to 10000, not '" + words_arg + "'"
               : "";
  if (!problem.empty()) {
    std::fprintf(stderr, "recoupe eval-summary: %s\n%s", problem.c_str(), kHelp);
    return kExitUsage;
  }
  const std::string refs_path =
      args.get("--refs").value_or("../shared/data/summaries/rpm2-fr-dev-refs.jsonl");
  const std::string articles_path =
      args.get("--articles").value_or("../shared/data/clustering/rpm2-fr-dev.jsonl");
  eval::SummaryEval result;
  result.words = static_cast<int>(*words);

  int code = kExitOk;
  auto setup = load_setup(args, "eval-summary", code);
  if (!setup) return code;
  for (const auto& path : {refs_path, articles_path})
    if (std::string why = refuse_input_file(path); !why.empty()) {
      std::fprintf(stderr, "recoupe eval-summary: %s\n", why.c_str());
      return kExitNothingProcessed;
    }
  const engine::Pipeline pipeline = setup->pipeline();
  auto articles = engine::extract_articles_by_id(articles_path, pipeline);
  Expected<eval::SummaryRefs> refs =
      articles ? eval::read_summary_refs(refs_path) : Expected<eval::SummaryRefs>(articles.error());
  if (!refs) {
    std::fprintf(stderr, "recoupe eval-summary: %s\n", refs.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  ErrorLines article_errors("eval-summary", articles_path), ref_errors("eval-summary", refs_path);
  article_errors.add_all(articles->errors);
  article_errors.finish();
  ref_errors.add_all(refs->errors);
  ref_errors.finish();
  const engine::StorySummarizer summarizer(pipeline);
  for (const eval::SummaryRef& ref : refs->records) {
    std::vector<Article> docs = eval::articles_of(ref, articles->by_id, result.missing);
    if (docs.empty()) continue;
    auto s = summarizer.summarize(std::to_string(ref.line), std::move(docs), result.words);
    result.seconds += s.seconds;
    result.add(ref, s.language, s.summary, s.lead, pipeline.resources().elisions());
  }
  if (result.records == 0) {
    std::fprintf(stderr,
                 "recoupe eval-summary: no record could be scored (%s: %zu records, %d "
                 "doc_ids not found in %s)\n",
                 refs_path.c_str(), refs->records.size(), result.missing, articles_path.c_str());
    return kExitNothingProcessed;
  }
  Output out;
  out.open_path(std::nullopt, "eval-summary");
  if (format == "json")
    out.stream() << eval::summary_json(result).dump(2) << "\n";
  else
    out.stream() << eval::summary_text(result, articles_path);
  if (!out.finish()) return kExitWriteFailed;
  return article_errors.count() + ref_errors.count() == 0 ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
