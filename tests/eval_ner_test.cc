// eval/ner_scores and eval/ner_gold: CoNLL span counts, the output, the held-out file list.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <zstd.h>

#include "analyze/ner_model.h"
#include "eval/ner_gold.h"
#include "eval/ner_scores.h"

namespace recoupe::eval {
namespace {

using analyze::kLoc;
using analyze::kMisc;
using analyze::kPer;

uint8_t B(analyze::NerType t) { return static_cast<uint8_t>(analyze::begin_tag(t)); }
uint8_t I(analyze::NerType t) { return static_cast<uint8_t>(analyze::inside_tag(t)); }

TEST(NerScores, ExactSpanMatchPerType) {
  // Gold: PER [0,2), LOC [3,4). Predicted: PER [0,1) (wrong boundary), LOC [3,4) (right).
  std::vector<uint8_t> gold = {B(kPer), I(kPer), 0, B(kLoc)};
  std::vector<uint8_t> pred = {B(kPer), 0, 0, B(kLoc)};
  SpanCounts c;
  c.add(gold, pred);
  EXPECT_EQ(c.gold(), 2u);
  EXPECT_DOUBLE_EQ(c.precision(), 0.5);
  EXPECT_DOUBLE_EQ(c.recall(), 0.5);
  EXPECT_DOUBLE_EQ(c.f1(kLoc), 1.0);
  EXPECT_DOUBLE_EQ(c.f1(kPer), 0.0);
  SpanCounts twice = c;
  twice.add(c);
  EXPECT_EQ(twice.gold(kPer), 2u);
  EXPECT_DOUBLE_EQ(twice.precision(), 0.5);
  EXPECT_EQ(SpanCounts{}.f1(), 0.0);  // undefined is 0
}

TEST(NerScores, OutputLeavesOutTypesWithoutGold) {
  NerCorpusScores r{"wikigold", "en", "model"};
  r.model.add({B(kPer)}, {B(kPer)});
  r.baseline.add({B(kPer)}, {0});
  r.tokens = 1000;
  r.seconds = 0.5;
  std::string text = ner_text({r});
  EXPECT_NE(text.find("wikigold    en   model  all        1  100.0/100.0/100.0  0.0/ 0.0/ 0.0    "
                      "2000\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("LOC"), std::string::npos);
  auto j = ner_json({r});
  EXPECT_EQ(j[0]["model"]["PER"]["gold"], 1);
  EXPECT_EQ(j[0]["baseline"]["all"]["recall"], 0.0);
  EXPECT_EQ(j[0]["tokens_per_second"], 2000.0);
}

TEST(NerGold, FindsHeldOutFilesSorted) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) / "ner_gold_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "b");
  fs::create_directories(dir / "a");
  for (const char* f : {"b/fr-test.jsonl.zst", "a/en-test.jsonl.zst", "a/en-train.jsonl.zst"})
    std::ofstream(dir / f) << "";
  auto sets = find_ner_test_sets(dir.string());
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].corpus, "a");
  EXPECT_EQ(sets[0].lang, "en");
  EXPECT_EQ(sets[1].corpus, "b");
  EXPECT_EQ(sets[1].lang, "fr");
  EXPECT_TRUE(find_ner_test_sets((dir / "none").string()).empty());
  EXPECT_EQ(ner_corpus_dir("x"), "x");
}

// A corpus whose train split marks no MISC (Universal NER, Europeana) is not scored on the
// tagger's MISC spans; one that marks MISC is; without a train split every type is scored.
TEST(NerGold, TypesOfTheTrainSplitAreScored) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) / "ner_types_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "nomisc");
  auto write_zst = [](const fs::path& path, const std::string& text) {
    std::string packed(ZSTD_compressBound(text.size()), '\0');
    packed.resize(ZSTD_compress(packed.data(), packed.size(), text.data(), text.size(), 3));
    std::ofstream(path, std::ios::binary) << packed;
  };
  write_zst(
      dir / "nomisc/en-train.jsonl.zst",
      R"({"tokens": ["Ann", "met", "Bob", "in", "Oslo"], "tags": ["B-PER", "O", "B-PER", "O", "B-LOC"]})"
      "\n");
  write_zst(dir / "nomisc/de-train.jsonl.zst",
            R"({"tokens": ["Die", "Zeit", "Online"], "tags": ["O", "B-MISC", "I-MISC"]})"
            "\n");
  auto types = [&](const char* file) {
    return annotated_types({(dir / "nomisc" / file).string(), "nomisc", "xx"});
  };
  auto en = types("en-test.jsonl.zst");
  EXPECT_TRUE(en[kPer]);
  EXPECT_TRUE(en[kLoc]);
  EXPECT_FALSE(en[analyze::kOrg]);
  EXPECT_FALSE(en[kMisc]);
  EXPECT_TRUE(types("de-test.jsonl.zst")[kMisc]);
  EXPECT_TRUE(types("fr-test.jsonl.zst")[kMisc]);  // no train split

  std::vector<uint8_t> tags = {B(kPer), I(kPer), B(kMisc), I(kMisc), 0, B(kLoc)};
  drop_unannotated(tags, en);
  EXPECT_EQ(tags, (std::vector<uint8_t>{B(kPer), I(kPer), 0, 0, 0, B(kLoc)}));
}

}  // namespace
}  // namespace recoupe::eval
