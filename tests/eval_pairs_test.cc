// eval/pair_scores and eval/pair_gold: decisions at a threshold, the oracle, the gold file.
#include <gtest/gtest.h>

#include <zstd.h>

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
  EXPECT_EQ(gold->errors[0].to_string(), path + ":3: no boolean \"same_event\"");
  auto missing = read_pair_gold(path + ".none");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().to_string(), path + ".none: cannot open");
}

// Every field with a wrong type, a null where a text is needed, nested garbage and a number
// beyond a double: each line is skipped with one error saying why, nothing throws.
TEST(PairGold, NamesEachWrongField) {
  std::string path = ::testing::TempDir() + "pairs_bad.jsonl";
  std::ofstream(path)
      << R"({"same_event": true, "first_text": "a", "second_text": "b"})"
         "\n"
         R"({"same_event": 1, "first_text": "a", "second_text": "b"})"
         "\n"
         R"({"same_event": null, "first_text": "a", "second_text": "b"})"
         "\n"
         R"({"same_event": true, "first_text": 5, "second_text": "b"})"
         "\n"
         R"({"same_event": true, "first_text": "a", "second_title": ["b"]})"
         "\n"
         R"({"same_event": true, "lang": {"x": [1]}, "first_text": "a", "second_text": "b"})"
         "\n"
         R"({"same_event": true, "first_text": null, "second_text": "b"})"
         "\n"
         R"({"same_event": true, "first_text": "a", "second_text": "b", "n": 1E400})"
         "\n"
         R"([{"same_event": true}])"
         "\n"
         R"({"same_event": false, "first_url": null, "first_title": "t", "second_text": "b"})"
         "\n";
  auto gold = read_pair_gold(path);
  ASSERT_TRUE(gold);
  ASSERT_EQ(gold->pairs.size(), 2u);
  EXPECT_FALSE(gold->pairs[1].same_event);
  std::vector<std::string> why;
  for (const auto& e : gold->errors) why.push_back(e.to_string().substr(path.size()));
  EXPECT_EQ(why,
            (std::vector<std::string>{
                ":2: no boolean \"same_event\"", ":3: no boolean \"same_event\"",
                ":4: \"first_text\" is not a string", ":5: \"second_title\" is not a string",
                ":6: \"lang\" is not a string", ":7: the first article has no title and no text",
                ":8: not a JSON object", ":9: not a JSON object"}));
}

TEST(PairGold, ReadsZstd) {
  std::string text = R"({"same_event": true, "first_text": "a", "second_text": "b"})"
                     "\n";
  std::string packed(ZSTD_compressBound(text.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), text.data(), text.size(), 3));
  std::string path = ::testing::TempDir() + "pairs.jsonl.zst";
  std::ofstream(path, std::ios::binary) << packed;
  auto gold = read_pair_gold(path);
  ASSERT_TRUE(gold);
  ASSERT_EQ(gold->pairs.size(), 1u);
  EXPECT_EQ(gold->pairs[0].second.text, "b");
  std::ofstream(path, std::ios::binary) << packed.substr(0, packed.size() / 2);
  auto cut = read_pair_gold(path);
  ASSERT_FALSE(cut);
  EXPECT_NE(cut.error().to_string().find("truncated zstd"), std::string::npos);
}

}  // namespace
}  // namespace recoupe::eval
