// Quotes of a story merged into statements (synth/quotes.h): wordings of one statement are
// variants of it; two statements sharing a word are not.
#include <gtest/gtest.h>

#include "synth/analyzed_story.h"
#include "synth/quotes.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

using testing::article;

// The merged quotes of a story of `articles`, found with the entity stage when
// `with_entities`.
std::vector<MergedQuote> merged_quotes(std::vector<Article> articles, bool with_entities = false) {
  AnalyzedStory story =
      analyze_story("s", std::move(articles), testing::analysis_resources(),
                    with_entities ? &recoupe::testing::shipped_resources().entities() : nullptr);
  return merge_quotes(story.evidence(), recoupe::testing::shipped_resources().synth(),
                      SynthConfig{});
}

// The merged quotes of a story of two outlets quoting the harbour master, `a_words` in one
// and `b_words` in the other.
std::vector<MergedQuote> harbour_quotes(const std::string& a_words, const std::string& b_words) {
  auto told = [](const std::string& words) {
    return "\"" + words + ",\" said Tomas Reyes, the harbour master.";
  };
  return merged_quotes(
      {article("a", "a.example", "en", "The harbour was closed for a week. " + told(a_words)),
       article("b", "b.example", "en",
               "Fishermen counted the damage on Monday. " + told(b_words))});
}

TEST(QuoteMerge, TwoStatementsSharingOneWordAreTwoQuotes) {
  auto quotes = harbour_quotes("Boats were lost", "Courage is never lost");
  ASSERT_EQ(quotes.size(), 2u);
  for (const auto& q : quotes) EXPECT_TRUE(q.variants.empty()) << q.text;
}

TEST(QuoteMerge, TwoWordingsOfOneStatementAreOneQuote) {
  auto quotes = harbour_quotes("We lost four boats in the storm",
                               "We have lost four of our boats in this storm");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].variants.size(), 2u);
}

// The merged quotes of a story of two outlets, each quoting `words` said by `speaker`.
std::vector<MergedQuote> quotes_of_two(const std::string& a_words, const std::string& a_speaker,
                                       const std::string& b_words, const std::string& b_speaker) {
  return merged_quotes(
      {article("a", "a.example", "en",
               "The harbour was closed for a week. \"" + a_words + ",\" said " + a_speaker + "."),
       article("b", "b.example", "en",
               "Fishermen counted the damage on Monday. \"" + b_words + ",\" said " + b_speaker +
                   ".")});
}

// Two people saying alike said two things: one is not a wording of the other's statement.
TEST(QuoteMerge, TwoPeopleSayingAlikeAreTwoStatements) {
  auto quotes = quotes_of_two("We need no fresh capital", "Tomas Reyes", "We need fresh capital",
                              "Ana Silva");
  ASSERT_EQ(quotes.size(), 2u);
  for (const auto& q : quotes) EXPECT_TRUE(q.variants.empty()) << q.speaker << ": " << q.text;
}

// A speaker's first name spelled two ways ("Karolos" / "Carolos") is one speaker, whose two
// wordings are one statement.
TEST(QuoteMerge, OneSpeakerSpelledTwoWaysSaidOneStatement) {
  auto quotes = quotes_of_two("The storm took four boats and two piers", "Karolos Papoulias",
                              "We lost four boats in the storm", "Carolos Papoulias");
  ASSERT_EQ(quotes.size(), 1u) << quotes[0].speaker << ": " << quotes[0].text;
  EXPECT_EQ(quotes[0].variants.size(), 2u);
}

// Words an outlet credits to no one ("said the port authority in a statement") that share
// a few of the story's words with a named speaker's are not a wording of his statement.
TEST(QuoteMerge, WordsOfNoNamedSpeakerSharingAFewWordsAreAnotherStatement) {
  auto quotes = merged_quotes(
      {article("a", "a.example", "en",
               "The harbour was closed for a week. \"The harbour will reopen on Monday for all "
               "fishing boats,\" the port authority said in a statement."),
       article("b", "b.example", "en",
               "Fishermen counted the damage on Monday. \"The fishing boats must leave the harbour "
               "with new nets and divers,\" said Tomas Reyes, the harbour master.")});
  ASSERT_EQ(quotes.size(), 2u);
  for (const auto& q : quotes) EXPECT_TRUE(q.variants.empty()) << q.speaker << ": " << q.text;
}

// One article quoting one person twice in other words printed two statements, however many
// words they share; an outlet printing the same words again (a partial quote of the
// statement) printed one.
TEST(QuoteMerge, OneArticleQuotingOnePersonTwiceGivesTwoStatements) {
  auto quotes = merged_quotes(
      {article("a", "a.example", "en",
               "The harbour was closed for a week. \"We lost four boats in the storm,\" said "
               "Tomas Reyes, the harbour master. \"We never lost four boats in one storm "
               "before,\" Reyes added. He said they had \"lost four boats in the storm\"."),
       article("b", "b.example", "en", "Fishermen counted the damage on Monday.")});
  ASSERT_EQ(quotes.size(), 2u);
  for (const auto& q : quotes) {
    EXPECT_EQ(q.speaker, "Tomas Reyes") << q.text;
    for (const auto& v : q.variants) EXPECT_EQ(v.text.find("never"), std::string::npos) << q.text;
  }
  // The same words printed twice, a name for a pronoun, are one statement.
  auto repeated = merged_quotes(
      {article("a", "a.example", "en",
               "The harbour was closed for a week. \"I doubt the mayor understands how the harbour "
               "dredging works at all,\" said Tomas Reyes, the harbour master. Later he repeated "
               "it: \"I doubt [Ortiz] understands how the harbour dredging works at all.\""),
       article("b", "b.example", "en", "Fishermen counted the damage on Monday.")});
  EXPECT_EQ(repeated.size(), 1u);
}

// A surname alone written a letter or two off ("Lindquist" after "Maria Lindqvist") is the
// person the article named before it, misspelled: her statements are credited to her.
TEST(QuoteMerge, ASurnameMisspelledAfterTheFullNameIsThatPerson) {
  auto quotes = merged_quotes(
      {article("a", "a.example", "en",
               "The harbour was closed for a week. \"Nobody saw the storm coming,\" wrote the "
               "analyst Maria Lindqvist on her blog. \"The port had no warning from the weather "
               "service,\" wrote Lindquist."),
       article("b", "b.example", "en", "Fishermen counted the damage on Monday.")},
      /*with_entities=*/true);
  ASSERT_EQ(quotes.size(), 2u);
  for (const auto& q : quotes) EXPECT_EQ(q.speaker, "Maria Lindqvist") << q.text;
}

// A surname alone written right is the person of that surname named last, not another
// person whose surname it is a few letters off ("Millgen" is Catherine Millgen, not the
// suspect Yvonne Miller named before her).
TEST(QuoteMerge, ASurnameWrittenRightIsItsOwnPerson) {
  auto quotes = merged_quotes(
      {article("a", "a.example", "en",
               "The police arrested Yvonne Miller on Monday at the harbour. A neighbour, Catherine "
               "Millgen, saw the arrest from her window. \"It was a complete shock to all of us,\" "
               "said Millgen."),
       article("b", "b.example", "en", "Fishermen counted the damage on Monday.")},
      /*with_entities=*/true);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Catherine Millgen");
}

TEST(QuoteMerge, AMisspelledSurnameIsAFewEditsOffAndNotAnotherName) {
  EXPECT_TRUE(misspelled_surname("pandit", "panda"));
  EXPECT_TRUE(misspelled_surname("kowalsky", "kowalski"));
  EXPECT_FALSE(misspelled_surname("martinez", "martin"));  // a longer name
  EXPECT_FALSE(misspelled_surname("mandela", "panda"));    // begins otherwise
  EXPECT_FALSE(misspelled_surname("parker", "parkinson"));
  EXPECT_FALSE(misspelled_surname("lee", "leo"));  // too short to tell
}

}  // namespace
}  // namespace recoupe::synth
