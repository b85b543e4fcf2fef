// recoupe eval-ner: entity precision/recall/F1 on the held-out NER corpora, model vs baseline.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analyze/entities.h"
#include "analyze/ner_corpus.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "text/data_dir.h"

namespace recoupe::cli {
namespace {
namespace fs = std::filesystem;
using namespace recoupe::analyze;

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

constexpr const char* kTypeNames[] = {"PER", "LOC", "ORG", "MISC"};

struct Result {
  std::string corpus, lang, method;
  SpanCounts model, baseline;
  size_t tokens = 0;
  double seconds = 0;
};

}  // namespace

int run_eval_ner(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"--corpus", "--format", "--data"}, {"--help"});
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
  std::string corpus_dir = args.get("--corpus").value_or("");
  if (corpus_dir.empty()) {
    const char* env = std::getenv("RECOUPE_NER_DIR");
    corpus_dir = env && *env ? env : "../shared/data/ner";
  }
  int code = kExitOk;
  auto setup = load_setup(args, "eval-ner", code);
  if (!setup) return code;
  const EntityResources* res = &setup->resources.entities();
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(corpus_dir, ec))
    if (dir.is_directory())
      for (const auto& f : fs::directory_iterator(dir.path(), ec)) {
        std::string name = f.path().filename().string();
        if (name.size() > 15 && name.ends_with("-test.jsonl.zst")) files.push_back(f.path());
      }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "recoupe eval-ner: no <corpus>/<lang>-test.jsonl.zst under %s\n",
                 corpus_dir.c_str());
    return kExitNothingProcessed;
  }
  std::vector<Result> results;
  int failures = 0;
  for (const auto& path : files) {
    auto corpus = read_ner_corpus(path.string());
    if (!corpus) {
      std::fprintf(stderr, "recoupe eval-ner: %s\n", corpus.error().to_string().c_str());
      ++failures;
      continue;
    }
    Result r;
    r.corpus = path.parent_path().filename().string();
    std::string name = path.filename().string();
    r.lang = name.substr(0, name.find('-'));
    r.method = res->model(r.lang) ? "model" : "rules";
    const NerCues& cues = res->cues(r.lang);
    for (const auto& s : *corpus) {
      auto t0 = std::chrono::steady_clock::now();
      auto toks = tokens_from_words(s.tokens);
      auto ann = annotate(toks, &res->gazetteer(), cues);
      auto spans = refine_spans(toks, ann, tag_tokens(toks, ann, r.lang, *res), r.lang, *res);
      std::vector<uint8_t> tags(toks.size(), 0);
      for (const TagSpan& sp : spans)
        for (size_t k = sp.begin; k < sp.end; ++k)
          tags[k] = static_cast<uint8_t>(k == sp.begin ? begin_tag(sp.type) : inside_tag(sp.type));
      r.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      r.tokens += toks.size();
      r.model.add(s.tags, tags);
      r.baseline.add(s.tags, tag_tokens(toks, ann, r.lang, *res, NerMethod::baseline));
    }
    results.push_back(std::move(r));
  }
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : results) {
      nlohmann::json j{{"corpus", r.corpus},
                       {"lang", r.lang},
                       {"method", r.method},
                       {"tokens", r.tokens},
                       {"tokens_per_second", r.seconds > 0 ? r.tokens / r.seconds : 0.0}};
      for (auto [key, counts] :
           {std::pair{"model", &r.model}, std::pair{"baseline", &r.baseline}}) {
        nlohmann::json m;
        for (int t = -1; t < kNerTypes; ++t) {
          std::string type = t < 0 ? "all" : kTypeNames[t];
          m[type] = {{"precision", counts->precision(t)},
                     {"recall", counts->recall(t)},
                     {"f1", counts->f1(t)},
                     {"gold", counts->gold(t)}};
        }
        j[key] = m;
      }
      out.push_back(j);
    }
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%-11s %-4s %-5s %-5s %6s  %-17s %-17s %s\n", "corpus", "lang", "tagger", "type",
                "gold", "model P/R/F1", "baseline P/R/F1", "tokens/s");
    for (const auto& r : results) {
      for (int t = -1; t < kNerTypes; ++t) {
        if (t >= 0 && r.model.gold(t) == 0) continue;
        auto prf = [&](const SpanCounts& c) {
          return fmt::format("{:4.1f}/{:4.1f}/{:4.1f}", 100 * c.precision(t), 100 * c.recall(t),
                             100 * c.f1(t));
        };
        std::printf(
            "%-11s %-4s %-6s %-5s %6zu  %-17s %-17s %s\n", r.corpus.c_str(), r.lang.c_str(),
            r.method.c_str(), t < 0 ? "all" : kTypeNames[t], r.model.gold(t), prf(r.model).c_str(),
            prf(r.baseline).c_str(),
            t < 0 ? fmt::format("{:.0f}", r.seconds > 0 ? r.tokens / r.seconds : 0).c_str() : "");
      }
    }
  }
  return failures == 0 ? kExitOk
                       : (results.empty() ? kExitNothingProcessed : kExitSomeInputsFailed);
}

}  // namespace recoupe::cli
