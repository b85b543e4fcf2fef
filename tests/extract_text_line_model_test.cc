#include "extract/text_line_model.h"

#include <gtest/gtest.h>

#include "extract/text_classifier.h"
#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

TEST(TextLineModel, MissingFileGivesEmptyModelThatChangesNothing) {
  TextLineModel m = TextLineModel::load("/nonexistent/line_model.txt");
  EXPECT_TRUE(m.empty());
  const TextCues& cues = recoupe::testing::shipped_resources().text_cues();
  auto lines = line_features("Menu\nA first sentence of the article that is long enough.\n", cues);
  TextCleanerConfig hand;
  hand.use_line_model = false;
  LineClassification cls = classify_lines(lines, cues, hand), before = cls;
  m.apply(lines, cls);
  EXPECT_EQ(cls.classes, before.classes);
}

TEST(TextLineModel, ShippedModelLoadsAndKeepsProseDropsMenus) {
  const TextCues& cues = recoupe::testing::shipped_resources().text_cues();
  ASSERT_NE(cues.line_model(), nullptr) << "data/text/line_model.txt not loaded";
  std::string text = "Home\nNews\nSport\nContact\n";
  for (int i = 0; i < 6; ++i)
    text +=
        "The council voted on Tuesday to rebuild the bridge, which has been closed since the "
        "floods of last winter, and the works should start in the spring.\n";
  text += "Subscribe to our newsletter\nPrivacy policy\nTerms of use\nAbout us\n";
  auto lines = line_features(text, cues);
  LineClassification cls = classify_lines(lines, cues);
  ASSERT_EQ(lines.size(), 14u);
  for (int i = 4; i < 10; ++i) EXPECT_EQ(cls.classes[i], LineClass::kBody) << i;
  for (int i : {0, 1, 2, 3, 10, 11, 12, 13}) EXPECT_NE(cls.classes[i], LineClass::kBody) << i;
  std::vector<float> x = line_model_features(lines, cls);
  EXPECT_EQ(x.size(), lines.size() * kLineModelFeatures);
}

TEST(TextLineModel, AnAlreadyCleanTextKeepsItsLeadAndLastSentence) {
  // Wire copy as many feeds carry it: no title line, no menus; the first and last sentences
  // are the article's (the model alone, without demote_below, cut them).
  const TextCues& cues = recoupe::testing::shipped_resources().text_cues();
  ASSERT_NE(cues.line_model(), nullptr);
  std::string text =
      "A spokesman says the singer has checked into a clinic in Arizona.\n"
      "The spokesman said on Friday that the singer went to the clinic on Wednesday.\n"
      "He did not say what she was being treated for or how long she would stay.\n"
      "\"We ask that her privacy be respected at this time,\" he said in a statement.\n"
      "The singer cancelled two concerts last month, citing exhaustion.\n"
      "Her last album sold more than a million copies.\n";
  auto lines = line_features(text, cues);
  LineClassification cls = classify_lines(lines, cues);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(cls.classes[0], LineClass::kBody) << "the lead";
  EXPECT_EQ(cls.classes[5], LineClass::kBody) << "the last sentence";
}

}  // namespace
}  // namespace recoupe::extract
