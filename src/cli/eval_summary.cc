// recoupe eval-summary: ROUGE of the story summary against human summaries, beside the lead
// baseline measured in the same run.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/summary_eval.h"
#include "eval/summary_refs.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-summary [--refs FILE] [--articles FILE] [--words N] [--format text|json]\n"
    "                            [--data DIR]\n\n"
    "For each record of the references file ({topic, slice, summaries: [..], doc_ids: [..]}),\n"
    "summarizes its articles (found by id in --articles, a JSONL set) as recoupe does, cut to\n"
    "N words (default 100, the references' length), and scores ROUGE-1, ROUGE-2 and ROUGE-L\n"
    "F1 against each reference (mean over references, then over records). The lead baseline\n"
    "(first sentences of the first article, same budget) is scored in the same run.\n"
    "Tokens: folded words (lower case, no diacritics), Snowball-stemmed, stop words kept;\n"
    "ROUGE-L is the LCS of the whole token sequences.\n\n"
    "  --refs FILE      default ../shared/data/summaries/rpm2-fr-dev-refs.jsonl\n"
    "  --articles FILE  default ../shared/data/clustering/rpm2-fr-dev.jsonl\n";

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
  if (!args.error.empty() || (format != "json" && format != "text") || !args.positional.empty()) {
    std::fprintf(stderr, "recoupe eval-summary: %s\n%s",
                 !args.error.empty() ? args.error.c_str() : "bad arguments", kHelp);
    return kExitUsage;
  }
  const std::string refs_path =
      args.get("--refs").value_or("../shared/data/summaries/rpm2-fr-dev-refs.jsonl");
  const std::string articles_path =
      args.get("--articles").value_or("../shared/data/clustering/rpm2-fr-dev.jsonl");
  eval::SummaryEval result;
  result.words = std::max(1, std::atoi(args.get("--words").value_or("100").c_str()));

  int code = kExitOk;
  auto setup = load_setup(args, "eval-summary", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  auto articles = engine::extract_articles_by_id(articles_path, pipeline);
  Expected<eval::SummaryRefs> refs =
      articles ? eval::read_summary_refs(refs_path) : Expected<eval::SummaryRefs>(articles.error());
  if (!refs) {
    std::fprintf(stderr, "recoupe eval-summary: %s\n", refs.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  for (const auto& e : refs->errors)
    std::fprintf(stderr, "recoupe eval-summary: %s\n", e.to_string().c_str());
  const engine::StorySummarizer summarizer(pipeline);
  for (const eval::SummaryRef& ref : refs->records) {
    std::vector<Article> docs = eval::articles_of(ref, *articles, result.missing);
    if (docs.empty()) continue;
    auto s = summarizer.summarize(std::to_string(ref.line), std::move(docs), result.words);
    result.seconds += s.seconds;
    result.add(ref, s.language, s.summary, s.lead);
  }
  if (result.records == 0) {
    std::fprintf(stderr, "recoupe eval-summary: no record could be scored\n");
    return kExitNothingProcessed;
  }
  if (format == "json")
    std::cout << eval::summary_json(result).dump(2) << "\n";
  else
    std::cout << eval::summary_text(result, articles_path);
  return kExitOk;
}

}  // namespace recoupe::cli
