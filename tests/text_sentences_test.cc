#include <gtest/gtest.h>

#include "text/data_dir.h"
#include "text/sentences.h"

namespace recoupe::text {
namespace {

std::vector<std::string> split(std::string_view s, const std::string& lang) {
  SentenceRules rules = load_sentence_rules(find_data_dir(), lang);
  std::vector<std::string> out;
  for (const auto& x : split_sentences(s, rules)) out.push_back(x.text);
  return out;
}

TEST(Sentences, SplitsOnTerminatorsAndKeepsOffsets) {
  std::string text = "Il pleut. Nous restons ici ! Pourquoi ? Parce que.";
  SentenceRules rules = load_sentence_rules(find_data_dir(), "fr");
  auto s = split_sentences(text, rules);
  ASSERT_EQ(s.size(), 4u);
  for (const auto& x : s) EXPECT_EQ(text.substr(x.begin, x.end - x.begin), x.text);
  EXPECT_EQ(s[1].text, "Nous restons ici !");
}

TEST(Sentences, FrenchAbbreviationsAndInitialsDoNotEnd) {
  EXPECT_EQ(split("M. Macron a parlé avec Mme. Dupont. Selon Siemon T. Wezeman, rien.", "fr"),
            (std::vector<std::string>{"M. Macron a parlé avec Mme. Dupont.",
                                      "Selon Siemon T. Wezeman, rien."}));
}

TEST(Sentences, EnglishAbbreviations) {
  EXPECT_EQ(split("The U.S. Senate met Dr. Smith on Sept. 13. He left.", "en"),
            (std::vector<std::string>{"The U.S. Senate met Dr. Smith on Sept. 13.", "He left."}));
}

// Letters written with periods ("a.m.") before a time zone or another acronym go on with the
// sentence; before an ordinary word, the period may end it.
TEST(Sentences, DottedLettersBeforeAnAcronymDoNotEnd) {
  EXPECT_EQ(
      split("The first was set for 1 p.m. PDT today and 11 a.m. PDT tomorrow. It was "
            "moved.",
            "en"),
      (std::vector<std::string>{"The first was set for 1 p.m. PDT today and 11 a.m. PDT tomorrow.",
                                "It was moved."}));
  EXPECT_EQ(split("The talks ended at 5 p.m. The delegates left.", "en"),
            (std::vector<std::string>{"The talks ended at 5 p.m.", "The delegates left."}));
}

TEST(Sentences, QuotationStaysInsideItsSentence) {
  auto s = split(
      "« Je suis très content de vous voir. Je vous remercie d'être venu », a déclaré Vladimir "
      "Poutine. Il est parti.",
      "fr");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "Il est parti.");
  auto e = split("“I am glad. Truly,” he said. Then he left.", "en");
  ASSERT_EQ(e.size(), 2u);
}

TEST(Sentences, QuotationEndingOnTerminatorThenCapitalEnds) {
  auto s = split("« Il existe un précédent. » Il a ajouté cela.", "fr");
  EXPECT_EQ(s, (std::vector<std::string>{"« Il existe un précédent. »", "Il a ajouté cela."}));
}

TEST(Sentences, LowerCaseAfterPeriodDoesNotEnd) {
  EXPECT_EQ(split("Il y avait 3 p. ex. des pommes.", "fr").size(), 1u);
}

TEST(Sentences, LineBreaksAndParagraphs) {
  SentenceRules rules = load_sentence_rules(find_data_dir(), "fr");
  auto s = split_sentences("Titre\n\nPremier paragraphe. Deux.\nLigne\n\nFin", rules);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].paragraph, 0);
  EXPECT_EQ(s[1].paragraph, 1);
  EXPECT_EQ(s[3].paragraph, 1);
  EXPECT_EQ(s[4].paragraph, 2);
}

TEST(Sentences, UnpairedQuoteDoesNotSwallowParagraph) {
  EXPECT_EQ(split("Il a dit « bonjour. Puis il est parti. Fin.", "fr").size(), 3u);
}

TEST(Sentences, AnyBytesReturn) {
  SentenceRules rules;
  std::string junk = "\xff\xfe. . .\xc3 « » “ ” \" \" ...\n\n\n";
  auto s = split_sentences(junk, rules);
  for (const auto& x : s) EXPECT_LE(x.end, junk.size());
  EXPECT_TRUE(split_sentences("", rules).empty());
}

}  // namespace
}  // namespace recoupe::text
