#include "text/tokens.h"

#include <gtest/gtest.h>

#include "shipped_resources.h"

namespace recoupe::text {
namespace {

// The rules of the repository's data folder, loaded once for the test binary.
const ElisionRules& elisions() { return recoupe::testing::shipped_resources().elisions(); }

std::vector<std::string> texts(std::string_view text, const std::vector<Token>& toks) {
  std::vector<std::string> out;
  for (const auto& t : toks) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

TEST(Tokens, ElisionsAndPossessivesSplitOneWay) {
  std::string text = "l'impérialisme, l\u2019État et Russia's army";
  auto toks = tokenize(text, elisions());
  EXPECT_EQ(texts(text, toks), (std::vector<std::string>{"l'", "impérialisme", ",", "l\u2019",
                                                         "État", "et", "Russia", "'s", "army"}));
  EXPECT_TRUE(toks[0].elided);
  EXPECT_FALSE(toks[1].elided);
  EXPECT_TRUE(toks[3].elided);
  EXPECT_TRUE(toks[4].cap);
  EXPECT_FALSE(toks[4].space_before);  // joined to its elided article
  EXPECT_FALSE(toks[7].elided);        // a possessive is not an elision
  EXPECT_EQ(toks[2].kind, TokenKind::kPunct);
}

TEST(Tokens, WordsThatKeepTheirApostropheOrHyphen) {
  std::string text = "aujourd'hui Kim Jong-un a dit 3.5 fois";
  auto toks = tokenize(text, elisions());
  EXPECT_EQ(texts(text, toks),
            (std::vector<std::string>{"aujourd'hui", "Kim", "Jong-un", "a", "dit", "3.5", "fois"}));
  EXPECT_EQ(toks[5].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[2].kind, TokenKind::kWord);
}

TEST(Tokens, OffsetsPointIntoTheOriginalText) {
  std::string text = "  Le  «\u00A0Kremlin\u00A0» a répondu.";
  auto toks = tokenize(text, elisions());
  EXPECT_EQ(texts(text, toks),
            (std::vector<std::string>{"Le", "«", "Kremlin", "»", "a", "répondu", "."}));
  EXPECT_EQ(toks[0].begin, 2u);
  EXPECT_EQ(toks[2].begin, 10u);  // "  Le  «" is 8 bytes, the no-break space 2
  EXPECT_EQ(toks[6].end, text.size());
}

TEST(Tokens, SentenceStartsSkipAbbreviations) {
  std::string text = "M. Poutine est arrivé. Il a parlé à l'agence TASS !\nFin";
  auto toks = tokenize(text, elisions());
  auto words = texts(text, toks);
  ASSERT_EQ(words.size(), 15u);
  EXPECT_TRUE(toks[0].sentence_start);   // "M"
  EXPECT_FALSE(toks[2].sentence_start);  // "Poutine": "M." is an abbreviation
  EXPECT_EQ(words[6], "Il");
  EXPECT_TRUE(toks[6].sentence_start);
  EXPECT_EQ(words[14], "Fin");
  EXPECT_TRUE(toks[14].sentence_start);  // after '!' and a line break
  EXPECT_TRUE(toks[12].all_caps);        // "TASS"
}

TEST(Tokens, WithoutRulesNothingIsElided) {
  std::string text = "l'État";
  auto toks = tokenize(text, ElisionRules{});
  EXPECT_EQ(texts(text, toks), (std::vector<std::string>{"l'État"}));
}

}  // namespace
}  // namespace recoupe::text
