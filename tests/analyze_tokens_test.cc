// analyze/tokens: the finders' pieces, cut from the text's token stream, and PhraseSet.
#include "analyze/tokens.h"

#include <gtest/gtest.h>

namespace recoupe::analyze {
namespace {

std::vector<std::string> folded(const std::vector<Token>& toks) {
  std::vector<std::string> out;
  for (const auto& t : toks) out.push_back(t.folded);
  return out;
}

TEST(AnalyzeTokens, StreamTokensAreCutIntoLetterDigitAndSingleMarkPieces) {
  std::string text = "l\u2019État a tiré 1,500 obus G7-x 3.5 Russia's";
  auto toks = tokenize(text);
  EXPECT_EQ(folded(toks),
            (std::vector<std::string>{"l", "'", "etat", "a", "tire", "1", ",", "500", "obus", "g",
                                      "7", "-", "x", "3", ".", "5", "russia", "'", "s"}));
  for (const auto& t : toks) EXPECT_LT(t.begin, t.end);
  EXPECT_EQ(text.substr(toks[2].begin, toks[2].end - toks[2].begin), "État");
  EXPECT_EQ(toks[0].kind, TokenKind::kWord);
  EXPECT_EQ(toks[1].kind, TokenKind::kPunct);
  EXPECT_EQ(toks[5].kind, TokenKind::kNumber);
  EXPECT_TRUE(toks[2].upper);
  EXPECT_FALSE(toks[2].space_before);  // inside "l’État"
  EXPECT_TRUE(toks[3].space_before);
}

TEST(AnalyzeTokens, SpacesAndLineBreaksBefore) {
  auto toks = tokenize("Fin\n 12\u00A0mai\u200B2023\uFEFFx");
  ASSERT_EQ(folded(toks), (std::vector<std::string>{"fin", "12", "mai", "2023", "x"}));
  EXPECT_FALSE(toks[0].space_before);  // the text's first token
  EXPECT_TRUE(toks[1].newline_before);
  EXPECT_TRUE(toks[1].space_before);
  EXPECT_FALSE(toks[2].newline_before);
  EXPECT_TRUE(toks[2].space_before);  // no-break space
  EXPECT_TRUE(toks[3].space_before);  // zero-width space
  EXPECT_TRUE(toks[4].space_before);  // zero-width no-break space (U+FEFF)
  EXPECT_TRUE(tokenize("  x")[0].space_before);
}

TEST(AnalyzeTokens, PhraseSetMatchesFoldedPieces) {
  PhraseSet set;
  set.add("d'après", 1);
  set.add("au cours de", 2);
  std::string text = "D\u2019après lui, au cours de l'été";
  auto toks = tokenize(text);
  int payload = 0;
  EXPECT_EQ(set.match(toks, 0, &payload), 3u);  // "d", "'", "apres"
  EXPECT_EQ(payload, 1);
  EXPECT_EQ(set.match(toks, 5, &payload), 3u);
  EXPECT_EQ(payload, 2);
  EXPECT_EQ(set.match_ending(toks, 7, &payload), 3u);
  EXPECT_EQ(set.match_exact(text, toks, 5), 3u);
  EXPECT_EQ(set.match_exact(text, toks, 0), 0u);  // written "D’après", not "d'après"
}

}  // namespace
}  // namespace recoupe::analyze
