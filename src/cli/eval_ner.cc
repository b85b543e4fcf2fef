// recoupe eval-ner: entity precision/recall/F1 on the held-out NER corpora, model vs baseline.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/error_lines.h"
#include "cli/input_file.h"
#include "cli/io.h"
#include "cli/setup.h"
#include "engine/evaluation_runs.h"
#include "eval/ner_gold.h"
#include "eval/ner_scores.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-ner [--corpus DIR] [--format text|json] [--config FILE] [--data DIR]\n\n"
    "Scores the entity tagger on every held-out file DIR/<corpus>/<lang>-test.jsonl.zst\n"
    "(default DIR: ../shared/data/ner, or $RECOUPE_NER_DIR): exact span match per type\n"
    "(PER, LOC, ORG, MISC; CoNLL style), for the shipped tagger ('model': the language's\n"
    "model, rules where it has none) and for a baseline measured in the same run (runs of\n"
    "capitalised words + gazetteer, typed place when the gazetteer knows the run, else other).\n"
    "Also prints the tagger's speed in tokens/s (features + decoding, one core).\n\n"
    "  --corpus DIR        folder of corpora\n"
    "  --format text|json  output (default text)\n"
    "  --config FILE       settings over the defaults (recoupe config --defaults)\n"
    "  --data DIR          recoupe data folder\n\n"
    "Each file: zstd data, one sentence a line, {\"tokens\": [strings, at least one], \"tags\":\n"
    "[strings, as many]} with IOB2 tags (others count as O); read whole into memory. Lines\n"
    "that are not such a sentence are named on stderr (the first 10 per file, then a count)\n"
    "and skipped; a file that is not a regular file, or has no sentence, is refused.\n"
    "Exit codes: 0 ok; 1 some files refused or lines skipped (the rest scored); 2 usage, bad\n"
    "config or data folder; 3 no corpus file found or none could be scored; 4 the output\n"
    "could not be written.\n";

}  // namespace

int run_eval_ner(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"--corpus", "--format", "--data", "--config"}, {"--help"});
  if (args.has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  std::string format = args.get("--format").value_or("text");
  const std::string problem =
      !args.error.empty()                    ? args.error
      : !args.positional.empty()             ? "unexpected argument " + args.positional[0]
      : format != "json" && format != "text" ? "--format must be json or text"
                                             : "";
  if (!problem.empty()) {
    std::fprintf(stderr, "recoupe eval-ner: %s\n%s", problem.c_str(), kHelp);
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
    if (std::string why = refuse_input_file(set.path); !why.empty()) {
      std::fprintf(stderr, "recoupe eval-ner: %s\n", why.c_str());
      ++failures;
      continue;
    }
    std::vector<Error> skipped;
    auto corpus = eval::read_ner_test_set(set, skipped);
    ErrorLines errors("eval-ner", set.path);
    errors.add_all(skipped);
    errors.finish();
    if (!corpus || corpus->empty()) {
      std::fprintf(stderr, "recoupe eval-ner: %s\n",
                   !corpus ? corpus.error().to_string().c_str()
                           : (set.path + ": no tagged sentence").c_str());
      ++failures;
      continue;
    }
    if (!skipped.empty()) ++failures;
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
  if (results.empty()) return kExitNothingProcessed;
  Output out;
  out.open_path(std::nullopt, "eval-ner");
  if (format == "json")
    out.stream() << eval::ner_json(results).dump(2) << "\n";
  else
    out.stream() << eval::ner_text(results);
  if (!out.finish()) return kExitWriteFailed;
  return failures == 0 ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace recoupe::cli
