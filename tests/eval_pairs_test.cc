// eval/pair_scores and eval/pair_gold: decisions at a threshold, the oracle, the gold file.
#include <gtest/gtest.h>

#include <fstream>

#include "eval/pair_gold.h"
#include "eval/pair_scores.h"

namespace recoupe::eval {
namespace {

TEST(PairScores, CountsDecisionsAndFindsTheBestThreshold) {
  std::vector<double> scores = {0.9, 0.5, 0.3, 0.1};
  std::vector<bool> gold = {true, true, false, false};
  PairCounts c = count_decisions(scores, gold, 0.2);
  EXPECT_EQ(c.tp, 2);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.tn, 1);
  EXPECT_DOUBLE_EQ(c.accuracy(), 0.75);
  PairScores s = score_pairs(scores, gold, 0.2);
  EXPECT_EQ(s.pairs, 4u);
  EXPECT_EQ(s.positives, 2u);
  EXPECT_DOUBLE_EQ(s.oracle_f1, 1.0);  // any threshold in (0.3, 0.5]
  EXPECT_GT(s.oracle_threshold, 0.3);
  EXPECT_LE(s.oracle_threshold, 0.5);
  EXPECT_EQ(PairCounts{}.precision(), 1.0);  // no decision: precision undefined → 1
  auto j = pair_json(s);
  EXPECT_EQ(j["precision"].get<double>(), 0.6667);
  EXPECT_NE(pair_text(s).find("threshold         0.200\n"), std::string::npos) << pair_text(s);
}

TEST(PairGold, ReadsPairsAndNamesBadLines) {
  std::string path = ::testing::TempDir() + "pairs.jsonl";
  std::ofstream(path) << "{\"lang\": \"en\", \"first_url\": \"u1\", \"first_title\": \"T\", "
                         "\"second_text\": \"x\", \"same_event\": true}\n"
                         "\n"
                         "{\"same_event\": \"yes\"}\n";
  auto gold = read_pair_gold(path);
  ASSERT_TRUE(gold);
  ASSERT_EQ(gold->pairs.size(), 1u);
  EXPECT_EQ(gold->pairs[0].first.id, "u1");
  EXPECT_EQ(gold->pairs[0].first.title, "T");
  EXPECT_EQ(gold->pairs[0].second.text, "x");
  EXPECT_EQ(gold->pairs[0].second.language, "en");
  EXPECT_TRUE(gold->pairs[0].same_event);
  ASSERT_EQ(gold->errors.size(), 1u);
  EXPECT_EQ(gold->errors[0].to_string(), path + ":3: not a pair record");
  auto missing = read_pair_gold(path + ".none");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().to_string(), "cannot read " + path + ".none");
}

}  // namespace
}  // namespace recoupe::eval
