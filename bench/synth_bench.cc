// synth_bench: speed of the cross-check on replayed stories, and a one-story runner.
//
//   synth_bench --story FILE|DIR ...      cross-check all inputs as ONE story, print JSON
//   synth_bench --repeat N --story ...    the same story cross-checked N times with every
//       article's reading kept (as `recoupe serve` does): milliseconds a cross-check
//   synth_bench [--articles N] [--threads T] [--set FILE.jsonl]
//       replays the stories of a gold clustering set (grouped by "event", 10 articles a
//       story at most) with new ids until N articles (default 10,000), analyses them (timed
//       apart), then cross-checks every story on T threads (default 2) and prints seconds.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/analyzer.h"
#include "core/parallel_for.h"
#include "extract/extractor.h"
#include "ingest/reader.h"
#include "report/report_json.h"
#include "shipped_resources.h"
#include "synth/analyzed_story.h"
#include "synth/article_reading.h"
#include "synth/cross_check.h"
#include "text/data_dir.h"

using namespace recoupe;

namespace {

std::vector<Article> read_articles(const std::vector<std::string>& paths) {
  std::vector<Article> out;
  ingest::read_inputs(paths, {}, [&](Expected<RawDocument> doc) {
    if (!doc) {
      std::fprintf(stderr, "%s\n", doc.error().to_string().c_str());
      return;
    }
    out.push_back(testing::shipped_pipeline().extract(*doc));
  });
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> story_paths;
  bool pairs = false;
  int repeat = 0;
  size_t target = 10000;
  int threads = 2;
  std::string set =
      std::string(RECOUPE_SOURCE_DATA_DIR) + "/../../shared/data/clustering/rpm2-fr-dev.jsonl";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--story") {
      while (i + 1 < argc && argv[i + 1][0] != '-') story_paths.push_back(argv[++i]);
    } else if (a == "--pairs") {
      pairs = true;
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::stoi(argv[++i]);
    } else if (a == "--articles" && i + 1 < argc) {
      target = std::stoul(argv[++i]);
    } else if (a == "--threads" && i + 1 < argc) {
      threads = std::stoi(argv[++i]);
    } else if (a == "--set" && i + 1 < argc) {
      set = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: synth_bench [--repeat N] --story PATH... | [--articles N] [--threads T] "
                   "[--set F]\n");
      return 2;
    }
  }
  const auto& analysis_resources = testing::shipped_resources().analysis();
  const auto& resources = testing::shipped_resources().synth();
  if (!story_paths.empty()) {
    auto story = synth::analyze_story("story", read_articles(story_paths), analysis_resources,
                                      &testing::shipped_resources().entities());
    if (pairs) {  // every aligned pair, for reading what alignment does
      auto cs = synth::build_claims(story.evidence(), resources, {});
      for (size_t c = 0; c < cs.claims.size(); ++c)
        for (const auto& al : cs.aligned[c])
          if (al.other > c)
            std::printf("%.2f cov %.2f%s [%zu] %s\n     [%zu] %s\n", al.similarity, al.covered,
                        al.conflict ? " CONFLICT" : "", cs.claims[c].article,
                        cs.claims[c].text.c_str(), cs.claims[al.other].article,
                        cs.claims[al.other].text.c_str());
      return 0;
    }
    if (repeat > 0) {  // the served path: every article's reading kept, cross-checked again
      synth::StoryEvidence evidence = story.evidence();
      const synth::StoryReadings readings(evidence, resources, synth::SynthConfig{});
      evidence.readings = readings.all();
      const auto start = std::chrono::steady_clock::now();
      for (int r = 0; r < repeat; ++r) synth::cross_check(evidence, resources);
      std::printf("{\"articles\": %zu, \"ms_per_cross_check\": %.1f}\n", evidence.articles.size(),
                  1000.0 * seconds_since(start) / repeat);
      return 0;
    }
    auto cc = synth::cross_check(story.evidence(), resources);
    std::cout << report::to_json(cc).dump(2) << "\n";
    return 0;
  }

  // Replay: group the set by event, slice into stories of at most 10 articles.
  auto base = read_articles({set});
  if (base.empty()) {
    std::fprintf(stderr, "synth_bench: no articles in %s\n", set.c_str());
    return 3;
  }
  std::map<std::string, std::vector<size_t>> by_event;
  for (size_t i = 0; i < base.size(); ++i)
    by_event[base[i].event.value_or(base[i].id)].push_back(i);
  std::vector<std::vector<Article>> groups;
  size_t total = 0;
  for (int round = 0; total < target; ++round)
    for (const auto& [ev, idx] : by_event) {
      for (size_t s = 0; s < idx.size() && total < target; s += 10) {
        std::vector<Article> g;
        for (size_t k = s; k < std::min(idx.size(), s + 10) && total < target; ++k) {
          Article a = base[idx[k]];
          a.id = a.id + "#" + std::to_string(round);
          g.push_back(std::move(a));
          ++total;
        }
        groups.push_back(std::move(g));
      }
      if (total >= target) break;
    }
  auto t0 = std::chrono::steady_clock::now();
  std::vector<synth::AnalyzedStory> stories(groups.size());
  parallel_for(0, groups.size(), unsigned(threads), [&](unsigned, size_t i) {
    stories[i] =
        synth::analyze_story("s" + std::to_string(i), std::move(groups[i]), analysis_resources);
  });
  double analysis_s = seconds_since(t0);
  auto t1 = std::chrono::steady_clock::now();
  std::atomic<size_t> claims_out{0};
  parallel_for(0, stories.size(), unsigned(threads), [&](unsigned, size_t i) {
    auto cc = synth::cross_check(stories[i].evidence(), resources);
    claims_out += cc.corroborated.size() + cc.single_source.size();
  });
  double synth_s = seconds_since(t1);
  std::printf(
      "{\"articles\": %zu, \"stories\": %zu, \"threads\": %d, \"analysis_seconds\": %.2f, "
      "\"cross_check_seconds\": %.2f, \"articles_per_second\": %.0f, \"facts\": %zu}\n",
      total, stories.size(), threads, analysis_s, synth_s, total / std::max(synth_s, 1e-9),
      claims_out.load());
  return 0;
}
