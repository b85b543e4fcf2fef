// recoupe eval-ner: entity precision/recall/F1 on the held-out NER corpora, model vs baseline.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/ner_gold.h"
#include "eval/ner_scores.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-ner [--corpus DIR] [--format text|json] [--data DIR]\n\n"
    "Scores the entity tagger on every held-out file DIR/<corpus>/<lang>-test.jsonl.zst\n"
    "(default DIR: ../shared/data/ner, or $RECOUPE_NER_DIR): exact span match per type\n"
    "(PER, LOC, ORG, MISC; CoNLL style), for the shipped tagger ('model': the language's\n"
    "model, rules where it has none) and for a baseline measured in the same run (runs of\n"
    "capitalised words + gazetteer, typed place when the gazetteer knows the run, else other).\n"
    "Also prints the tagger's speed in tokens/s (features + decoding, one core).\n\n"
    "  --corpus DIR        folder of corpora\n"
    "  --format text|json  output (default text)\n"
    "  --data DIR          recoupe data folder\n";

}  // namespace

int run_eval_ner(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"--corpus", "--format", "--data", "--config"}, {"--help"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("text");
  if (!args.error.empty() || (format != "json" && format != "text") || !args.positional.empty()) {
    std::fprintf(stderr, "recoupe eval-ner: %s\n%s",
                 !args.error.empty() ? args.error.c_str() : "bad arguments", kHelp);
    return kExitUsage;
  }
  std::string corpus_dir = eval::ner_corpus_dir(args.get("--corpus").value_or(""));
  int code = kExitOk;
  auto setup = load_setup(args, "eval-ner", code);
  if (!setup) return code;
  const auto tagger = std::make_unique<engine::CorpusTagger>(setup->resources.entities());
  std::vector<eval::NerTestSet> sets = eval::find_ner_test_sets(corpus_dir);
  if (sets.empty()) {
    std::fprintf(stderr, "recoupe eval-ner: no <corpus>/<lang>-test.jsonl.zst under %s\n",
                 corpus_dir.c_str());
    return kExitNothingProcessed;
  }
  std::vector<eval::NerCorpusScores> results;
  int failures = 0;
  for (const auto& set : sets) {
    auto corpus = eval::read_ner_test_set(set);
    if (!corpus) {
      std::fprintf(stderr, "recoupe eval-ner: %s\n", corpus.error().to_string().c_str());
      ++failures;
      continue;
    }
    eval::NerCorpusScores r{set.corpus, set.lang, tagger->method(set.lang)};
    for (const auto& sentence : *corpus) {
      engine::CorpusTagger::Tags tags = tagger->tag(sentence.tokens, set.lang);
      r.model.add(sentence.tags, tags.model);
      r.baseline.add(sentence.tags, tags.baseline);
      r.tokens += tags.tokens;
      r.seconds += tags.model_seconds;
    }
    results.push_back(std::move(r));
  }
  if (format == "json")
    std::printf("%s\n", eval::ner_json(results).dump(2).c_str());
  else
    std::fputs(eval::ner_text(results).c_str(), stdout);
  return failures == 0 ? kExitOk
                       : (results.empty() ? kExitNothingProcessed : kExitSomeInputsFailed);
}

}  // namespace recoupe::cli
