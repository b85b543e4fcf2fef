// text/words: words as a view of the token stream, with the elision rules of data/.
#include "text/words.h"

#include <gtest/gtest.h>

#include "shipped_resources.h"

namespace recoupe::text {
namespace {

// The rules of the repository's data folder, loaded once for the test binary.
const ElisionRules& elisions() { return recoupe::testing::shipped_resources().elisions(); }

std::vector<std::string> spans_text(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : word_spans(text, elisions()))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(Words, FrenchElisionsComeFromTheDataFolder) {
  std::string text = "l'État, qu'il jusqu\u2019à aujourd'hui";
  std::vector<std::string> expected = {"l'",          "État", "qu'",        "il",
                                       "jusqu\u2019", "à",    "aujourd'hui"};
  EXPECT_EQ(words(text, elisions()), expected);
  EXPECT_EQ(spans_text(text), expected);
  EXPECT_EQ(count_words(text, elisions()), expected.size());
  // Without rules nothing is elided: the list is data, not code.
  EXPECT_EQ(words(text, ElisionRules{}),
            (std::vector<std::string>{"l'État", "qu'il", "jusqu\u2019à", "aujourd'hui"}));
}

TEST(Words, ItalianElisionsInAnyCase) {
  // data/it/elisions.txt; "Dell'" opening a sentence is the same article as "dell'".
  EXPECT_EQ(words("dell'Unione. Dell'Europa, un'amica", elisions()),
            (std::vector<std::string>{"dell'", "Unione", "Dell'", "Europa", "un'", "amica"}));
}

TEST(Words, APossessiveStaysOnItsWord) {
  // The token stream cuts "Russia" + "'s"; a word keeps it whole.
  EXPECT_EQ(words("Russia's army and Russia\u2019s navy", elisions()),
            (std::vector<std::string>{"Russia's", "army", "and", "Russia\u2019s", "navy"}));
}

TEST(Words, NumbersKeepTheirCommasDotsAndHyphensKeepTheirWords) {
  EXPECT_EQ(words("1,500 soldats, 6,1 tonnes et 3.5 % ; Kim Jong-un, U.S.", elisions()),
            (std::vector<std::string>{"1,500", "soldats", "6,1", "tonnes", "et", "3.5", "Kim",
                                      "Jong-un", "U.S"}));
  // A comma followed by a space is punctuation, not a number's.
  EXPECT_EQ(words("en 2023, 12 morts", elisions()),
            (std::vector<std::string>{"en", "2023", "12", "morts"}));
}

TEST(Words, IdeographsAreOneWordEach) {
  EXPECT_EQ(words("東京に行く Tokyo-東", elisions()),
            (std::vector<std::string>{"東", "京", "に", "行", "く", "Tokyo", "東"}));
  EXPECT_EQ(count_words("東京に行く", elisions()), 5u);
}

TEST(Words, PunctuationIsNoWord) {
  EXPECT_EQ(count_words(" « — » ... !", elisions()), 0u);
  EXPECT_EQ(count_words("", elisions()), 0u);
}

}  // namespace
}  // namespace recoupe::text
