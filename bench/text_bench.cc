// text_bench: speed of plain-text cleaning alone (no language id), and a line-by-line dump of
// the classifier's verdicts for debugging.
//
//   build/text_bench FILE.jsonl[.zst]            MB/s and pages/s of clean_text on the "text"
//                                                fields (3 passes, best one reported)
//   build/text_bench --dump ID FILE.jsonl[.zst]  each line of page ID with its class
//   build/text_bench --dump - FILE.txt           the same for a plain text file
//   build/text_bench --dump all FILE.jsonl[.zst] every page, each after a "=== ID" line
//   build/text_bench --features FILE.jsonl[.zst] one JSON line per page: the line model's
//                                                feature rows of the hand verdicts ("x"), the
//                                                lines, the hand title line and the gold
//                                                "with"/"without" snippets (the training input
//                                                of scripts/train_text_line_model.py)
//   build/text_bench --context-features FILE SCORES.jsonl
//                                                one JSON line per page ({"id", "x"}): the
//                                                second stage's rows (text_line_context.h) from
//                                                the first-stage probabilities in SCORES, one
//                                                {"id", "p": [...], "threshold"} line per page
//                                                of FILE, in order (written by the trainer)

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/text_classifier.h"
#include "extract/text_cleaner.h"
#include "extract/text_line_context.h"
#include "extract/text_line_model.h"
#include "extract/text_lines.h"
#include "ingest/lines.h"
#include "shipped_resources.h"

using namespace recoupe;

namespace {

const char* class_name(extract::LineClass c) {
  switch (c) {
    case extract::LineClass::kBody:
      return "BODY ";
    case extract::LineClass::kTitle:
      return "TITLE";
    case extract::LineClass::kMetadata:
      return "META ";
    case extract::LineClass::kBoilerplate:
      return "-    ";
  }
  return "?";
}

// --context-features: the pages of `path` and their first-stage scores, line by line in step.
int context_features(const char* path, const char* scores_path, const extract::TextCues& cues) {
  std::ifstream scores(scores_path);
  if (!scores) {
    std::fprintf(stderr, "text_bench: cannot read %s\n", scores_path);
    return 1;
  }
  extract::TextCleanerConfig hand;
  hand.use_line_model = false;  // as for --features
  bool ok = true;
  auto r = ingest::for_each_line(path, 1 << 30, [&](std::string_view line, size_t, bool) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !ok) return;
    std::string score_line;
    auto s = std::getline(scores, score_line) ? nlohmann::json::parse(score_line, nullptr, false)
                                              : nlohmann::json();
    auto lines = extract::line_features(j.value("text", ""), cues);
    if (!s.is_object() || s.value("id", "") != j.value("id", "") ||
        s.value("p", std::vector<double>()).size() != lines.size()) {
      std::fprintf(stderr, "text_bench: %s: no scores in step for page %s\n", scores_path,
                   j.value("id", "").c_str());
      ok = false;
      return;
    }
    auto cls = extract::classify_lines(lines, cues, hand);
    std::vector<float> x = extract::line_context_features(
        lines, cls, s["p"].get<std::vector<double>>(), s.value("threshold", 0.5));
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < lines.size(); ++i) {
      auto row = x.begin() + static_cast<long>(i * extract::kContextFeatures);
      rows.push_back(std::vector<float>(row, row + extract::kContextFeatures));
    }
    nlohmann::json out = {{"id", j.value("id", "")}, {"x", rows}};
    std::puts(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  });
  return r && ok ? 0 : 1;
}

void dump(const std::string& text, const extract::TextCues& cues) {
  auto lines = extract::line_features(text, cues);
  auto cls = extract::classify_lines(lines, cues);
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& f = lines[i];
    bool in_region = false;
    for (auto [b, e] : cls.regions)
      in_region |= static_cast<int>(i) >= b && static_cast<int>(i) < e;
    std::printf("%4zu %s %c w%-3d s%.2f %c%c cue%d meta%d | %.150s\n", i,
                class_name(cls.classes[i]), in_region ? '#' : ' ', f.words, f.stop_ratio(),
                f.ends_sentence ? '.' : ' ', f.date ? (f.date->date_only ? 'D' : 'd') : ' ',
                static_cast<int>(f.cue), static_cast<int>(f.meta.kind), f.text.c_str());
  }
  auto r = extract::clean_text(text, cues);
  auto show = [](const char* k, const std::optional<std::string>& v) {
    std::printf("%s: %s\n", k, v ? v->c_str() : "null");
  };
  show("title", r.meta.title);
  show("source", r.meta.source);
  show("published", r.meta.published);
  show("author", r.meta.author);
  show("agency", r.meta.agency);
}

}  // namespace

int main(int argc, char** argv) {
  const extract::TextCues& cues = testing::shipped_resources().text_cues();
  if (argc == 4 && std::string(argv[1]) == "--dump") {
    std::string id = argv[2], path = argv[3];
    if (id == "-") {
      std::ifstream in(path);
      std::stringstream ss;
      ss << in.rdbuf();
      dump(ss.str(), cues);
      return 0;
    }
    auto r = ingest::for_each_line(path, 1 << 30, [&](std::string_view line, size_t, bool) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object()) return;
      if (id == "all") {
        std::printf("=== %s\n", j.value("id", "").c_str());
        dump(j.value("text", ""), cues);
      } else if (j.value("id", "") == id) {
        dump(j.value("text", ""), cues);
      }
    });
    return r ? 0 : 1;
  }
  if (argc == 4 && std::string(argv[1]) == "--context-features")
    return context_features(argv[2], argv[3], cues);
  if (argc == 3 && std::string(argv[1]) == "--features") {
    extract::TextCleanerConfig hand;
    hand.use_line_model = false;  // the model corrects the hand verdicts: it sees them alone
    auto r = ingest::for_each_line(argv[2], 1 << 30, [&](std::string_view line, size_t, bool) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object()) return;
      auto lines = extract::line_features(j.value("text", ""), cues);
      auto cls = extract::classify_lines(lines, cues, hand);
      std::vector<float> x = extract::line_model_features(lines, cls);
      nlohmann::json texts = nlohmann::json::array(), rows = nlohmann::json::array();
      for (size_t i = 0; i < lines.size(); ++i) {
        texts.push_back(lines[i].text);
        auto row = x.begin() + static_cast<long>(i * extract::kLineModelFeatures);
        rows.push_back(std::vector<float>(row, row + extract::kLineModelFeatures));
      }
      nlohmann::json out = {{"id", j.value("id", "")},
                            {"title", cls.title_line},
                            {"with", j.value("with", nlohmann::json::array())},
                            {"without", j.value("without", nlohmann::json::array())},
                            {"lines", texts},
                            {"x", rows}};
      std::puts(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    });
    return r ? 0 : 1;
  }
  if (argc != 2) {
    std::fprintf(stderr,
                 "usage: text_bench FILE.jsonl[.zst] | --dump ID|- FILE | --features FILE | "
                 "--context-features FILE SCORES\n");
    return 2;
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  auto r = ingest::for_each_line(argv[1], 1 << 30, [&](std::string_view line, size_t, bool) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) return;
    texts.push_back(j.value("text", ""));
    bytes += texts.back().size();
  });
  if (!r || texts.empty()) {
    std::fprintf(stderr, "text_bench: nothing to read in %s\n", argv[1]);
    return 1;
  }
  // Wall time and process CPU time: on a loaded machine, CPU time is the honest per-core figure.
  double best = 1e9, best_cpu = 1e9;
  size_t sink = 0;
  for (int pass = 0; pass < 3; ++pass) {
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    for (const auto& t : texts) sink += extract::clean_text(t, cues).paragraphs.size();
    best_cpu = std::min(best_cpu, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  double mb = bytes / 1048576.0;
  std::printf(
      "clean_text: %zu pages, %.1f MB; wall %.3f s: %.1f MB/s, %.0f pages/s; cpu %.3f s: %.1f MB/s "
      "per core (paragraphs %zu)\n",
      texts.size(), mb, best, mb / best, texts.size() / best, best_cpu, mb / best_cpu, sink / 3);
  return 0;
}
