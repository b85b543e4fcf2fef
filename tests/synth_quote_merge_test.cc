// Quotes of a story merged into statements (synth/quotes.h): wordings of one statement are
// variants of it; two statements sharing a word are not.
#include <gtest/gtest.h>

#include "synth/analyzed_story.h"
#include "synth/quotes.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

using testing::article;

std::vector<MergedQuote> story_quotes(std::vector<Article> articles) {
  AnalyzedStory story = analyze_story("s", std::move(articles), testing::analysis_resources());
  return merge_quotes(story.evidence(), recoupe::testing::shipped_resources().synth(),
                      SynthConfig{});
}

TEST(QuoteMerge, TwoStatementsSharingOneWordAreTwoQuotes) {
  auto quotes = story_quotes({
      article("a", "a.example", "en",
              "The harbour was closed for a week. \"Boats were lost,\" said Tomas Reyes, the "
              "harbour master."),
      article("b", "b.example", "en",
              "Fishermen counted the damage on Monday. \"Courage is never lost,\" said Tomas "
              "Reyes, the harbour master."),
  });
  ASSERT_EQ(quotes.size(), 2u);
  for (const auto& q : quotes) EXPECT_TRUE(q.variants.empty()) << q.text;
}

TEST(QuoteMerge, TwoWordingsOfOneStatementAreOneQuote) {
  auto quotes = story_quotes({
      article("a", "a.example", "en",
              "The harbour was closed for a week. \"We lost four boats in the storm,\" said "
              "Tomas Reyes, the harbour master."),
      article("b", "b.example", "en",
              "Fishermen counted the damage on Monday. \"We have lost four of our boats in this "
              "storm,\" said Tomas Reyes, the harbour master."),
  });
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].variants.size(), 2u);
}

}  // namespace
}  // namespace recoupe::synth
