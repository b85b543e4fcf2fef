// Trains a named-entity model (src/analyze/ner_model.h) from tagged corpora and writes it.
//
//   build/ner_train --lang fr --out data/ner/fr.model
//       --train ../shared/data/ner/europeana/fr-train.jsonl.zst
//       [--test ../shared/data/ner/europeana/fr-test.jsonl.zst] [--data data]
//       [--epochs 8] [--min-count 2] [--seed 42]
//
// --train and --test may repeat. Features use the gazetteer and the cues of --lang from the
// data folder, exactly as at tagging time. Only ship models trained on corpora whose licence
// allows it (data/ner/README.md).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "analyze/gazetteer.h"
#include "analyze/ner_corpus.h"
#include "analyze/ner_features.h"
#include "analyze/ner_model.h"
#include "eval/ner_scores.h"
#include "text/data_dir.h"

using namespace recoupe;
using namespace recoupe::analyze;

int main(int argc, char** argv) {
  std::string lang, out, data_dir;
  std::vector<std::string> train, test;
  NerTrainConfig cfg;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--lang")
      lang = v;
    else if (k == "--out")
      out = v;
    else if (k == "--data")
      data_dir = v;
    else if (k == "--train")
      train.push_back(v);
    else if (k == "--test")
      test.push_back(v);
    else if (k == "--epochs")
      cfg.epochs = std::stoi(v);
    else if (k == "--min-count")
      cfg.min_count = std::stoi(v);
    else if (k == "--seed")
      cfg.seed = static_cast<uint32_t>(std::stoul(v));
    else {
      std::fprintf(stderr, "ner_train: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (lang.empty() || out.empty() || train.empty()) {
    std::fprintf(stderr,
                 "usage: ner_train --lang L --out FILE --train CORPUS... [--test CORPUS]\n");
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  data_dir = text::find_data_dir(data_dir);
  auto gaz = Gazetteer::load(data_dir + "/gazetteer/places.tsv.zst");
  if (!gaz) {
    std::fprintf(stderr, "ner_train: %s\n", gaz.error().to_string().c_str());
    return 1;
  }
  auto elisions = text::load_elision_rules(data_dir);
  if (!elisions) {
    std::fprintf(stderr, "ner_train: %s\n", elisions.error().to_string().c_str());
    return 1;
  }
  NerCues cues = NerCues::load(data_dir, lang, *elisions);
  NerTrainer trainer;
  size_t tokens = 0;
  for (const auto& path : train) {
    auto corpus = read_ner_corpus(path);
    if (!corpus) {
      std::fprintf(stderr, "ner_train: %s\n", corpus.error().to_string().c_str());
      return 1;
    }
    for (auto& s : *corpus) {
      auto toks = tokens_from_words(s.tokens);
      auto ann = annotate(toks, &*gaz, cues);
      tokens += toks.size();
      trainer.add(std::move(toks), std::move(ann), std::move(s.tags));
    }
  }
  std::fprintf(stderr, "ner_train: %zu sentences, %zu tokens\n", trainer.sentences(), tokens);
  NerModel model = trainer.train(
      cfg, [](const std::string& line) { std::fprintf(stderr, "ner_train: %s\n", line.c_str()); });
  if (auto ok = model.save(out); !ok) {
    std::fprintf(stderr, "ner_train: %s\n", ok.error().to_string().c_str());
    return 1;
  }
  auto t1 = std::chrono::steady_clock::now();
  std::fprintf(stderr, "ner_train: %zu features -> %s in %.1f s\n", model.features(), out.c_str(),
               std::chrono::duration<double>(t1 - t0).count());
  for (const auto& path : test) {
    auto corpus = read_ner_corpus(path);
    if (!corpus) continue;
    auto loaded = NerModel::load(out);
    if (!loaded) return 1;
    eval::SpanCounts counts;
    for (const auto& s : *corpus) {
      auto toks = tokens_from_words(s.tokens);
      auto ann = annotate(toks, &*gaz, cues);
      counts.add(s.tags, loaded->tag(toks, ann));
    }
    std::printf("%s: P %.1f R %.1f F1 %.1f | PER %.1f LOC %.1f ORG %.1f MISC %.1f\n", path.c_str(),
                100 * counts.precision(), 100 * counts.recall(), 100 * counts.f1(),
                100 * counts.f1(kPer), 100 * counts.f1(kLoc), 100 * counts.f1(kOrg),
                100 * counts.f1(kMisc));
  }
  return 0;
}
