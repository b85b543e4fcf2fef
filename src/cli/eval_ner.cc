// recoupe eval-ner: entity precision/recall/F1 on the held-out NER corpora, model vs baseline.

#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/help_texts.h"
#include "cli/input_file.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/ner_gold.h"
#include "eval/ner_scores.h"

namespace recoupe::cli {
namespace {

const CommandLine kCommandLine = {
    "eval-ner",
    help::kEvalNer,
    Inputs::kNone,
    {value_option("--corpus"), one_of_option("--format", {"json", "text"}), value_option("--data"),
     value_option("--config")}};

}  // namespace

int run_eval_ner(int argc, char** argv) {
  int code = kExitOk;
  auto args = parse_command_line(argc, argv, kCommandLine, code);
  if (!args) return code;
  std::string corpus_dir = eval::ner_corpus_dir(args->get("--corpus").value_or(""));
  auto setup = load_setup(*args, "eval-ner", code);
  if (!setup) return code;
  const engine::CorpusTagger tagger(setup->resources.entities());
  std::vector<eval::NerTestSet> sets = eval::find_ner_test_sets(corpus_dir);
  if (sets.empty()) {
    print_error("eval-ner", "no <corpus>/<lang>-test.jsonl.zst under " + corpus_dir);
    return kExitNothingProcessed;
  }
  std::vector<eval::NerCorpusScores> results;
  int failures = 0;
  for (const auto& set : sets) {
    if (!accept_input_file("eval-ner", set.path)) {
      ++failures;
      continue;
    }
    std::vector<Error> skipped;
    auto corpus = eval::read_ner_test_set(set, skipped);
    ErrorLines::print("eval-ner", set.path, skipped);
    if (!corpus || corpus->empty()) {
      print_error("eval-ner",
                  !corpus ? corpus.error().to_string() : set.path + ": no tagged sentence");
      ++failures;
      continue;
    }
    if (!skipped.empty()) ++failures;
    eval::NerCorpusScores r{set.corpus, set.lang, tagger.method(set.lang)};
    const auto annotated = eval::annotated_types(set);
    for (const auto& sentence : *corpus) {
      engine::CorpusTagger::Tags tags = tagger.tag(sentence.tokens, set.lang);
      eval::drop_unannotated(tags.model, annotated);
      eval::drop_unannotated(tags.baseline, annotated);
      r.model.add(sentence.tags, tags.model);
      r.baseline.add(sentence.tags, tags.baseline);
      r.tokens += tags.tokens;
      r.seconds += tags.model_seconds;
    }
    results.push_back(std::move(r));
  }
  if (results.empty()) return kExitNothingProcessed;
  const bool json = args->get("--format").value_or("text") == "json";
  if (!write_stdout("eval-ner",
                    json ? eval::ner_json(results).dump(2) + "\n" : eval::ner_text(results)))
    return kExitWriteFailed;
  return failures == 0 ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
