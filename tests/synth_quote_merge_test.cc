// Quotes of a story merged into statements (synth/quotes.h): wordings of one statement are
// variants of it; two statements sharing a word are not.
#include <gtest/gtest.h>

#include "synth/analyzed_story.h"
#include "synth/quotes.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

using testing::article;

// The merged quotes of a story of two outlets quoting the harbour master, `a_words` in one
// and `b_words` in the other.
std::vector<MergedQuote> harbour_quotes(const std::string& a_words, const std::string& b_words) {
  auto told = [](const std::string& words) {
    return "\"" + words + ",\" said Tomas Reyes, the harbour master.";
  };
  AnalyzedStory story = analyze_story(
      "s",
      {article("a", "a.example", "en", "The harbour was closed for a week. " + told(a_words)),
       article("b", "b.example", "en", "Fishermen counted the damage on Monday. " + told(b_words))},
      testing::analysis_resources());
  return merge_quotes(story.evidence(), recoupe::testing::shipped_resources().synth(),
                      SynthConfig{});
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

}  // namespace
}  // namespace recoupe::synth
