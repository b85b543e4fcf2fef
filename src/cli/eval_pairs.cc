// recoupe eval-pairs: same-event decisions on labeled article pairs (e.g. tgnews pairs).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/setup.h"
#include "engine/pairs.h"

namespace recoupe::cli {
namespace {

constexpr const char* kHelp =
    "usage: recoupe eval-pairs --gold PAIRS.jsonl [--format json|text] [--config FILE]\n"
    "                          [--data DIR] [--threads N]\n\n"
    "Scores each pair with the clustering's pair score and decides \"same event\" when it\n"
    "reaches the bar for two lone articles (cluster::pair_bar). Records: {lang, first_title, "
    "first_text,\n"
    "second_title, second_text, same_event}. Prints pairs, positives, accuracy, precision,\n"
    "recall, f1 at that threshold, and (diagnostic only) the best F1 any threshold would give.\n";

struct Counts {
  double tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp > 0 ? tp / (tp + fp) : 1; }
  double recall() const { return tp + fn > 0 ? tp / (tp + fn) : 1; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double accuracy() const { return (tp + tn) / std::max(1.0, tp + fp + fn + tn); }
};

Counts count_at(const std::vector<double>& scores, const std::vector<bool>& gold, double t) {
  Counts c;
  for (size_t i = 0; i < scores.size(); ++i) {
    bool yes = scores[i] >= t;
    (yes ? (gold[i] ? c.tp : c.fp) : (gold[i] ? c.fn : c.tn)) += 1;
  }
  return c;
}

}  // namespace

int run_eval_pairs(int argc, char** argv) {
  int exit_code = kExitOk;
  auto args = parse_gold_eval_args(argc, argv, "eval-pairs", kHelp, exit_code);
  if (!args) return exit_code;
  const std::string& format = args->format;
  const engine::Pipeline pipeline = args->setup.pipeline();

  std::ifstream in(args->gold);
  if (!in) {
    std::fprintf(stderr, "recoupe eval-pairs: cannot read %s\n", args->gold.c_str());
    return kExitNothingProcessed;
  }
  std::vector<engine::ArticlePair> pairs;
  std::vector<bool> gold;
  std::string line;
  size_t line_no = 0, bad = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("same_event") ||
        !j["same_event"].is_boolean()) {
      std::fprintf(stderr, "recoupe: %s:%zu: not a pair record\n", args->gold.c_str(), line_no);
      ++bad;
      continue;
    }
    auto str = [&](const char* k) {
      return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    engine::ArticlePair p;
    for (auto [a, prefix] : {std::pair{&p.first, "first_"}, std::pair{&p.second, "second_"}}) {
      a->id = str((std::string(prefix) + "url").c_str());
      a->title = str((std::string(prefix) + "title").c_str());
      a->text = str((std::string(prefix) + "text").c_str());
      if (!str("lang").empty()) a->language = str("lang");
    }
    pairs.push_back(std::move(p));
    gold.push_back(j["same_event"].get<bool>());
  }
  if (pairs.empty()) return kExitNothingProcessed;
  std::vector<double> scores = pipeline.score_pairs(pairs);
  double t = cluster::pair_bar(pipeline.config().cluster);
  Counts c = count_at(scores, gold, t);
  double best_f1 = 0, best_t = 0;
  for (double x = 0.0; x <= 1.0; x += 0.01) {
    double f = count_at(scores, gold, x).f1();
    if (f > best_f1) best_f1 = f, best_t = x;
  }
  auto r4 = [](double x) { return std::round(x * 10000.0) / 10000.0; };
  size_t positives = std::count(gold.begin(), gold.end(), true);
  if (format == "json") {
    nlohmann::ordered_json j;
    j["pairs"] = pairs.size();
    j["positives"] = positives;
    j["threshold"] = t;
    j["accuracy"] = r4(c.accuracy());
    j["precision"] = r4(c.precision());
    j["recall"] = r4(c.recall());
    j["f1"] = r4(c.f1());
    j["oracle_threshold"] = r4(best_t);
    j["oracle_f1"] = r4(best_f1);
    std::cout << j.dump() << "\n";
  } else {
    std::printf(
        "pairs             %zu\npositives         %zu\nthreshold         %.3f\naccuracy          "
        "%.4f\nprecision         %.4f\nrecall            %.4f\nf1                %.4f\n"
        "oracle_threshold  %.2f\noracle_f1         %.4f\n",
        pairs.size(), positives, t, c.accuracy(), c.precision(), c.recall(), c.f1(), best_t,
        best_f1);
  }
  return bad ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace recoupe::cli
