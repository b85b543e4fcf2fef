// recoupe eval-summary: ROUGE of the story summary against human summaries, beside the lead
// baseline measured in the same run.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analyze/analyzer.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "ingest/lines.h"
#include "ingest/reader.h"
#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth/content_words.h"
#include "synth/rouge.h"
#include "synth/summary.h"
#include "text/data_dir.h"

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

struct Mean {
  double r1 = 0, r2 = 0, rl = 0;
  int n = 0;
  void add(const synth::RougeScores& s) {
    r1 += s.rouge1;
    r2 += s.rouge2;
    rl += s.rougel;
    ++n;
  }
  nlohmann::ordered_json json() const {
    double d = n ? n : 1;
    return {{"rouge1_f", r1 / d}, {"rouge2_f", r2 / d}, {"rougel_f", rl / d}};
  }
};

std::string join(const std::vector<SummarySentence>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : " ") + x.text;
  return out;
}

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
  const int words = std::max(1, std::atoi(args.get("--words").value_or("100").c_str()));

  int code = kExitOk;
  auto setup = load_setup(args, "eval-summary", code);
  if (!setup) return code;
  const engine::Pipeline pipeline = setup->pipeline();
  std::unordered_map<std::string, Article> articles;
  auto read = ingest::for_each_line(
      articles_path, 64u << 20, [&](std::string_view line, size_t n, bool oversized) {
        if (oversized || line.empty()) return;
        auto doc = ingest::parse_jsonl_record(line, articles_path + ":" + std::to_string(n), {});
        if (!doc) return;
        Article a = pipeline.extract(*doc);
        articles.emplace(a.id, std::move(a));
      });
  if (!read) {
    std::fprintf(stderr, "recoupe eval-summary: %s\n", read.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  const analyze::AnalysisResources& analysis = setup->resources.analysis();
  const synth::SynthConfig& config = setup->config.synth;

  Mean system, lead;
  int records = 0, missing = 0;
  double seconds = 0;
  nlohmann::ordered_json per_record = nlohmann::ordered_json::array();
  auto status = ingest::for_each_line(
      refs_path, 64u << 20, [&](std::string_view line, size_t n, bool oversized) {
        if (oversized || line.empty()) return;
        auto rec = nlohmann::json::parse(line, nullptr, false);
        if (rec.is_discarded() || !rec.contains("summaries") || !rec.contains("doc_ids")) return;
        std::vector<Article> docs;
        for (const auto& id : rec["doc_ids"]) {
          auto it = articles.find(id.get<std::string>());
          if (it == articles.end()) {
            ++missing;
            continue;
          }
          docs.push_back(it->second);
        }
        if (docs.empty()) return;
        auto t0 = std::chrono::steady_clock::now();
        auto story = synth::analyze_story(fmt::format("{}", n), std::move(docs), analysis);
        auto evidence = story.evidence();
        auto claims = synth::build_claims(evidence, setup->resources.synth(), config);
        auto summary = synth::summarize(evidence, claims, config, words);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        auto baseline = synth::lead_summary(evidence, words);
        std::vector<std::string> refs;
        for (const auto& s : rec["summaries"])
          if (s.is_string()) refs.push_back(s.get<std::string>());
        text::Stemmer stemmer(story.language);
        auto s_scores = synth::rouge(join(summary), refs, stemmer, words);
        auto l_scores = synth::rouge(join(baseline), refs, stemmer, words);
        system.add(s_scores);
        lead.add(l_scores);
        ++records;
        per_record.push_back({{"topic", rec.value("topic", "")},
                              {"slice", rec.value("slice", 0)},
                              {"recoupe_rouge1_f", s_scores.rouge1},
                              {"lead_rouge1_f", l_scores.rouge1}});
      });
  if (!status) {
    std::fprintf(stderr, "recoupe eval-summary: %s\n", status.error().to_string().c_str());
    return kExitNothingProcessed;
  }
  if (records == 0) {
    std::fprintf(stderr, "recoupe eval-summary: no record could be scored\n");
    return kExitNothingProcessed;
  }
  nlohmann::ordered_json out = {
      {"records", records},       {"missing_articles", missing},
      {"words", words},           {"tokens", "folded words, Snowball-stemmed, stop words kept"},
      {"recoupe", system.json()}, {"lead", lead.json()},
      {"seconds", seconds},       {"per_record", per_record}};
  if (format == "json") {
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("%d records, %d words per summary (%s)\n", records, words,
                "folded, stemmed, stop words kept");
    std::printf("%-10s %9s %9s %9s\n", "system", "ROUGE-1", "ROUGE-2", "ROUGE-L");
    for (auto [name, m] :
         {std::pair<const char*, const Mean*>{"recoupe", &system}, {"lead", &lead}}) {
      auto j = m->json();
      std::printf("%-10s %9.4f %9.4f %9.4f\n", name, j["rouge1_f"].get<double>(),
                  j["rouge2_f"].get<double>(), j["rougel_f"].get<double>());
    }
    std::printf("analysis + summary: %.2f s\n", seconds);
    if (missing) std::printf("%d article ids not found in %s\n", missing, articles_path.c_str());
  }
  return kExitOk;
}

}  // namespace recoupe::cli
