#include "extract/text_line_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "extract/text_classifier.h"
#include "ingest_test_util.h"
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

// A model file written for the test, and the lines of a small page with the hand verdicts.
TextLineModel write_and_load(const recoupe::testing::TempDir& dir, const std::string& text) {
  std::string path = (dir.path() / "line_model.txt").string();
  std::ofstream(path) << text;
  return TextLineModel::load(path);
}

TEST(TextLineModel, ReadsTreesAndSumsTheirLeaves) {
  // One split on feature 0 (the hand verdict is body): body lines score bias + 2, the others
  // bias - 2; a second tree, a lone leaf, adds 0.5 to both.
  recoupe::testing::TempDir dir;
  TextLineModel m = write_and_load(dir,
                                   "# test\nbias 0.25\nthreshold 0.5\n"
                                   "tree\nnode 0 0.5 1 2 0\nnode -1 0 -1 -1 -2\nnode -1 0 -1 -1 2\n"
                                   "tree\nnode -1 0 -1 -1 0.5\n");
  ASSERT_FALSE(m.empty());
  const TextCues& cues = recoupe::testing::shipped_resources().text_cues();
  std::string text = "Home\n";
  for (int i = 0; i < 3; ++i)
    text +=
        "The council voted on Tuesday to rebuild the bridge that the floods of last winter "
        "closed, and the works start in the spring.\n";
  auto lines = line_features(text, cues);
  TextCleanerConfig hand;
  hand.use_line_model = false;
  LineClassification cls = classify_lines(lines, cues, hand);
  ASSERT_EQ(cls.classes[0], LineClass::kBoilerplate);
  ASSERT_EQ(cls.classes[1], LineClass::kBody);
  auto logistic = [](double z) { return 1 / (1 + std::exp(-z)); };
  std::vector<double> p = m.probabilities(lines, cls);
  EXPECT_NEAR(p[0], logistic(0.25 - 2 + 0.5), 1e-6);
  EXPECT_NEAR(p[1], logistic(0.25 + 2 + 0.5), 1e-6);
}

TEST(TextLineModel, NeverMakesBodyOfALineWithABoilerplateCue) {
  // A model sure that every line is body (one leaf of +10) still leaves out the lines whose
  // words are a boilerplate cue ("Share on Facebook", "More from Politics"), and the title.
  recoupe::testing::TempDir dir;
  TextLineModel m = write_and_load(dir, "bias 0\nthreshold 0.5\ntree\nnode -1 0 -1 -1 10\n");
  ASSERT_FALSE(m.empty());
  const TextCues& cues = recoupe::testing::shipped_resources().text_cues();
  std::string text = "Bridge to reopen after two years of works\n";
  for (int i = 0; i < 3; ++i)
    text +=
        "The council voted on Tuesday to reopen the bridge that the floods of two winters "
        "ago closed, and traffic resumes on Monday.\n";
  text += "Share on Facebook\nMore from Politics\nCouncil approves the new budget for schools\n";
  auto lines = line_features(text, cues);
  ASSERT_EQ(lines.size(), 7u);
  ASSERT_NE(lines[4].cue, CueKind::kNone);
  ASSERT_NE(lines[5].cue, CueKind::kNone);
  TextCleanerConfig hand;
  hand.use_line_model = false;
  LineClassification cls = classify_lines(lines, cues, hand);
  ASSERT_EQ(cls.classes[0], LineClass::kTitle);
  m.apply(lines, cls);
  EXPECT_EQ(cls.classes[0], LineClass::kTitle);
  EXPECT_NE(cls.classes[4], LineClass::kBody);
  EXPECT_NE(cls.classes[5], LineClass::kBody);
  EXPECT_EQ(cls.classes[6], LineClass::kBody) << "no cue: the model decides";
}

TEST(TextLineModel, MalformedTreesGiveAnEmptyModel) {
  recoupe::testing::TempDir dir;
  for (const char* bad : {
           "bias 0\nnode -1 0 -1 -1 1\n",                          // a node before any tree
           "bias 0\ntree\n",                                       // an empty tree
           "bias 0\ntree\nnode 0 0.5 0 1 0\nnode -1 0 -1 -1 1\n",  // a child that is its parent
           "bias 0\ntree\nnode 0 0.5 1 5 0\nnode -1 0 -1 -1 1\n",  // a child past the end
           "bias 0\ntree\nnode 9999 0.5 1 2 0\nnode -1 0 -1 -1 1\nnode -1 0 -1 -1 1\n",  // no such
                                                                                         // feature
           "bias 0\ntree\nnode 0 0.5 1 1 0\nnode -1 0 -1 -1 1\n",  // both children one node
           "bias 0\ntree\nnode 0 x 1 2 0\n",                       // not a number
           "bias 0\n0.5\n0.25\n",                                  // too few weights
       })
    EXPECT_TRUE(write_and_load(dir, bad).empty()) << bad;
}

TEST(TextLineModel, FeaturesSeeARepeatedLineAndTheWiderNeighbourhood) {
  // A "Share" line shown before and after the article is repeated page furniture; the body says
  // each thing once. The lines three to five above a line are summed in its features (a
  // blurb under a menu differs from a sentence under prose).
  const TextCues& cues = recoupe::testing::shipped_resources().text_cues();
  std::string text = "Share\n";
  for (int i = 0; i < 6; ++i)
    text += "Sentence number " + std::to_string(i) +
            " of the article says what the council decided on Tuesday about the bridge.\n";
  text += "Share\n";
  auto lines = line_features(text, cues);
  ASSERT_EQ(lines.size(), 8u);
  TextCleanerConfig hand;
  hand.use_line_model = false;
  LineClassification cls = classify_lines(lines, cues, hand);
  std::vector<float> x = line_model_features(lines, cls);
  auto at = [&](int line, int feature) { return x[line * kLineModelFeatures + feature]; };
  const int repeated = kLineRaw - 1, body = 0;
  EXPECT_EQ(at(0, repeated), 1.f);
  EXPECT_EQ(at(7, repeated), 1.f);
  EXPECT_EQ(at(3, repeated), 0.f);
  // Line 7: lines 2..4 are body (mean 1); line 3: lines -2..0 are off the page or not body.
  EXPECT_FLOAT_EQ(at(7, 4 * kLineRaw + body), 1.f);
  EXPECT_FLOAT_EQ(at(3, 4 * kLineRaw + body), 0.f);
  // Line 0: lines 3..5 below are body.
  EXPECT_FLOAT_EQ(at(0, 5 * kLineRaw + body), 1.f);
}

}  // namespace
}  // namespace recoupe::extract
