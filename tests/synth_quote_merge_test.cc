// Quotes of a story merged into statements (synth/quotes.h): wordings of one statement are
// variants of it; two statements sharing a word are not.
#include <gtest/gtest.h>

#include "synth/analyzed_story.h"
#include "synth/quotes.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

using testing::article;

// The merged quotes of a story of `articles`.
std::vector<MergedQuote> merged_quotes(std::vector<Article> articles) {
  AnalyzedStory story = analyze_story("s", std::move(articles), testing::analysis_resources());
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

}  // namespace
}  // namespace recoupe::synth
