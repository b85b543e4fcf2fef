// recoupe eval-summary: ROUGE of the story summary against human summaries, beside the lead
// baseline measured in the same run.

#include <string>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/input_file.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/summary_eval.h"
#include "eval/summary_refs.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "eval-summary",
    help::kEvalSummary,
    Inputs::kNone,
    {value_option("--refs"), value_option("--articles"), int_option("--words", 1, 10000),
     one_of_option("--format", {"json", "text"}), value_option("--data"),
     value_option("--config")}};

}  // namespace

int run_eval_summary(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  const std::string refs_path =
      args->get("--refs").value_or("../shared/data/summaries/rpm2-fr-dev-refs.jsonl");
  const std::string articles_path =
      args->get("--articles").value_or("../shared/data/clustering/rpm2-fr-dev.jsonl");
  eval::SummaryEval result;
  result.words = static_cast<int>(*parse_int_in(args->get("--words").value_or("100"), 1, 10000));

  auto setup = load_setup(*args, "eval-summary", code);
  if (!setup) return code;
  for (const auto& path : {refs_path, articles_path})
    if (!accept_input_file("eval-summary", path)) return kExitNothingProcessed;
  const engine::Pipeline pipeline = setup->pipeline();
  auto articles = engine::extract_articles_by_id(articles_path, pipeline);
  Expected<eval::SummaryRefs> refs =
      articles ? eval::read_summary_refs(refs_path) : Expected<eval::SummaryRefs>(articles.error());
  if (!refs) {
    print_error("eval-summary", refs.error().to_string());
    return kExitNothingProcessed;
  }
  size_t skipped = ErrorLines::print("eval-summary", articles_path, articles->errors);
  skipped += ErrorLines::print("eval-summary", refs_path, refs->errors);
  const engine::StorySummarizer summarizer(pipeline);
  for (const eval::SummaryRef& ref : refs->records) {
    std::vector<Article> docs = eval::articles_of(ref, articles->by_id, result.missing);
    if (docs.empty()) continue;
    auto s = summarizer.summarize(std::to_string(ref.line), std::move(docs), result.words);
    result.seconds += s.seconds;
    result.add(ref, s.language, s.summary, s.lead, pipeline.resources().elisions());
  }
  if (result.records == 0) {
    print_error("eval-summary",
                fmt::format("no record could be scored ({}: {} records, {} "
                            "doc_ids not found in {})",
                            refs_path, refs->records.size(), result.missing, articles_path));
    return kExitNothingProcessed;
  }
  const bool json = args->get("--format").value_or("text") == "json";
  if (!write_stdout("eval-summary", json ? eval::summary_json(result).dump(2) + "\n"
                                         : eval::summary_text(result, articles_path)))
    return kExitWriteFailed;
  return skipped == 0 ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
