// Datelines (extract/dateline.h) and what the text cleaner does with the lines above one.
#include "extract/dateline.h"

#include <gtest/gtest.h>

#include "extract/text_cleaner.h"
#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

// The text after the dateline opening `line`, or "" when it opens with none.
std::string after(std::string_view line) { return std::string(line.substr(dateline_end(line))); }

TEST(Dateline, APlaceInCapitalsOrASourceInParenthesesBeforeADash) {
  EXPECT_EQ(after("WASHINGTON — The Trump administration said on Monday."),
            "The Trump administration said on Monday.");
  EXPECT_EQ(after("SEOUL, South Korea — North Korea's leader announced a halt."),
            "North Korea's leader announced a halt.");
  EXPECT_EQ(after("WEST PALM BEACH, Fla. — President Trump dispatched an envoy."),
            "President Trump dispatched an envoy.");
  EXPECT_EQ(after("TEL AVIV (Reuters) - Israel said Iran lied."), "Israel said Iran lied.");
  EXPECT_EQ(after("April 29 (UPI) – A caravan reached the border."),
            "A caravan reached the border.");
  EXPECT_EQ(after("PARIS (AFP) - Le président a parlé."), "Le président a parlé.");
}

TEST(Dateline, NoDatelineInASentenceOrAnOrdinaryDash) {
  EXPECT_EQ(dateline_end("The talks - which lasted hours - ended."), 0u);
  EXPECT_EQ(dateline_end("He left early. WASHINGTON — The talks ended."), 0u);
  EXPECT_EQ(dateline_end("Le président a rencontré son homologue dans la capitale - une première."),
            0u);
  EXPECT_EQ(dateline_end("WASHINGTON"), 0u);
  EXPECT_EQ(dateline_end(""), 0u);
}

const TextCues& cues() { return recoupe::testing::shipped_resources().text_cues(); }

const std::string kBody1 =
    "WASHINGTON — The president met his counterpart on Wednesday in the capital, where the two "
    "leaders discussed economic cooperation and the situation in the region.";
const std::string kBody2 =
    "According to the government spokesman, the talks lasted more than two hours and will "
    "resume on Thursday morning with both delegations.";

// A photo caption over the article, above its dateline, is no part of it; a paragraph above
// one that is too long for a caption or a summary stays.
TEST(Dateline, TheShortLinesAboveTheArticlesDatelineAreNotItsText) {
  const std::string caption =
      "The president and his counterpart, left, at the palace in the capital on Wednesday.";
  EXPECT_EQ(clean_text(caption + "\n" + kBody1 + "\n" + kBody2 + "\n", cues()).paragraphs,
            (std::vector<std::string>{kBody1, kBody2}));
  std::string long_paragraph;
  for (int i = 0; i < 5; ++i) long_paragraph += kBody2 + " ";
  long_paragraph.pop_back();
  EXPECT_EQ(clean_text(long_paragraph + "\n" + kBody1 + "\n" + kBody2 + "\n", cues()).paragraphs,
            (std::vector<std::string>{long_paragraph, kBody1, kBody2}));
}

}  // namespace
}  // namespace recoupe::extract
