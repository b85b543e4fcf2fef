// The second stage of the plain-text line model: rows of first-stage scores around a line
// (text_line_context.h) and a model file with a "stage context" section.
#include "extract/text_line_context.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "extract/text_classifier.h"
#include "extract/text_line_model.h"
#include "ingest_test_util.h"
#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

const TextCues& cues() { return recoupe::testing::shipped_resources().text_cues(); }

TEST(TextLineContext, OpenLinesAreThoseTheModelMayChange) {
  using C = LineClass;
  std::vector<LineClass> hand = {C::kTitle, C::kBody,     C::kBody,       C::kBody,
                                 C::kBody,  C::kMetadata, C::kBoilerplate};
  std::vector<char> open = open_lines(hand);
  EXPECT_EQ(open, (std::vector<char>{0, 1, 0, 0, 1, 0, 1}))
      << "title and metadata are closed; so is a body line between two body lines";
  std::vector<float> s = first_stage_scores(hand, open, {0.9, 0.2, 0.3, 0.4, 0.7, 0.8, 0.6});
  EXPECT_EQ(s, (std::vector<float>{0, 0.2f, 1, 1, 0.7f, 0, 0.6f}))
      << "closed lines read as their hand verdict, open lines as their probability";
}

TEST(TextLineContext, RowReadsTheScoresAroundTheLine) {
  // Seven lines of 10 characters; first-stage scores with the body (> 0.5) on lines 2-4.
  auto lines = line_features(
      "aaaaaaaaaa\nbbbbbbbbbb\ncccccccccc\ndddddddddd\neeeeeeeeee\n"
      "ffffffffff\ngggggggggg\n",
      cues());
  ASSERT_EQ(lines.size(), 7u);
  ContextRows rows(lines, {0.1f, 0.2f, 0.9f, 0.8f, 0.7f, 0.3f, 0.0f}, 0.5);
  float raw[kLineRaw];
  for (int k = 0; k < kLineRaw; ++k) raw[k] = static_cast<float>(k);
  std::vector<float> x(kContextFeatures);
  rows.row(5, raw, x.data());
  EXPECT_EQ(x[3], 3.0f) << "the line's own raw features come first";
  const float* c = x.data() + kLineRaw;
  EXPECT_FLOAT_EQ(c[0], 0.3f);                                    // own score
  EXPECT_FLOAT_EQ(c[1], 0.7f);                                    // the line above
  EXPECT_FLOAT_EQ(c[2], 0.0f);                                    // the line below
  EXPECT_FLOAT_EQ(c[3], 0.8f);                                    // two above
  EXPECT_FLOAT_EQ(c[4], 0.0f);                                    // two below: off the page
  EXPECT_FLOAT_EQ(c[5], (0.7f + 0.8f + 0.9f + 0.2f + 0.1f) / 5);  // five above
  EXPECT_FLOAT_EQ(c[6], 0.0f / 5);                                // five below (one line, 0)
  EXPECT_FLOAT_EQ(c[7], 0.9f);
  EXPECT_FLOAT_EQ(c[8], 0.0f);
  EXPECT_FLOAT_EQ(c[9], 1.0f) << "all the body text is above";
  EXPECT_FLOAT_EQ(c[10], 0.0f);
  EXPECT_FLOAT_EQ(c[11], std::log1p(1.0f)) << "the body ended on the line above";
  EXPECT_FLOAT_EQ(c[12], std::log1p(50.0f)) << "no body below";
  EXPECT_FLOAT_EQ(c[13], 0.0f);
  EXPECT_FLOAT_EQ(c[14], 1.0f) << "one body line among it and its neighbours";
  EXPECT_FLOAT_EQ(c[15], 0.3f - ((0.7f + 0.8f + 0.9f + 0.2f + 0.1f) / 5 + 0.0f) / 2);
}

TextLineModel write_and_load(const recoupe::testing::TempDir& dir, const std::string& text) {
  std::string path = (dir.path() / "line_model.txt").string();
  std::ofstream(path) << text;
  return TextLineModel::load(path);
}

// A model whose first stage gives body lines (hand verdict, feature 0) +2 and the others -2,
// and whose second stage gives a line whose previous line scored above 0.5 +3, the others -1
// (it does not read the first stage's own verdict); `extra`: more model lines.
TextLineModel two_stage_model(const recoupe::testing::TempDir& dir, const std::string& extra) {
  const int prev_score = kLineRaw + 1;
  return write_and_load(dir, "bias 0\nthreshold 0.5\n" + extra +
                                 "tree\nnode 0 0.5 1 2 0\nnode -1 0 -1 -1 -2\nnode -1 0 -1 -1 2\n"
                                 "stage context\nbias 0.5\ntree\nnode " +
                                 std::to_string(prev_score) +
                                 " 0.5 1 2 0\nnode -1 0 -1 -1 -1\nnode -1 0 -1 -1 3\n");
}

// Three body sentences, then a short line (hand: not body, no cue), with the hand verdicts.
struct SmallPage {
  std::vector<LineFeatures> lines;
  LineClassification cls;
};

SmallPage small_page() {
  std::string text;
  for (int i = 0; i < 3; ++i)
    text +=
        "The council voted on Tuesday to rebuild the bridge that the floods of last winter "
        "closed, and the works start in the spring.\n";
  text += "Bridge works timetable\n";
  SmallPage page{line_features(text, cues()), {}};
  TextCleanerConfig hand;
  hand.use_line_model = false;
  page.cls = classify_lines(page.lines, cues(), hand);
  return page;
}

double logistic(double z) { return 1 / (1 + std::exp(-z)); }

TEST(TextLineContext, SecondStageGivesTheProbabilityFromTheScoresAround) {
  // The first line (nothing above) falls, the line after the body rises.
  recoupe::testing::TempDir dir;
  TextLineModel m = two_stage_model(dir, "");
  ASSERT_FALSE(m.empty());
  ASSERT_TRUE(m.has_context_stage());
  auto [lines, cls] = small_page();
  ASSERT_EQ(lines.size(), 4u);
  ASSERT_EQ(cls.classes[0], LineClass::kBody);
  ASSERT_EQ(cls.classes[3], LineClass::kBoilerplate);
  ASSERT_EQ(lines[3].cue, CueKind::kNone);
  std::vector<double> p = m.probabilities(lines, cls);
  EXPECT_NEAR(p[0], logistic(0.5 - 1), 1e-6) << "nothing above the first line";
  EXPECT_NEAR(p[1], logistic(0.5 + 3), 1e-6);
  EXPECT_NEAR(p[3], logistic(0.5 + 3), 1e-6) << "the body line above it";
  m.apply(lines, cls);
  EXPECT_EQ(cls.classes[3], LineClass::kBody);
  EXPECT_EQ(cls.classes[0], LineClass::kBoilerplate) << "0.38: below demote_below (the threshold)";
}

TEST(TextLineContext, WhereTheFirstStageIsSureTheSecondOnlyMakesItSurer) {
  // first_sure 0.2: the line after the body (first stage 0.12) and the first line (0.88) are
  // sure; the second stage's 0.97 and 0.38 cannot turn them.
  recoupe::testing::TempDir dir;
  TextLineModel m = two_stage_model(dir, "first_sure 0.2\n");
  ASSERT_TRUE(m.has_context_stage());
  auto [lines, cls] = small_page();
  std::vector<double> p = m.probabilities(lines, cls);
  EXPECT_NEAR(p[0], logistic(2), 1e-6);
  EXPECT_NEAR(p[3], logistic(-2), 1e-6);
  m.apply(lines, cls);
  EXPECT_EQ(cls.classes[0], LineClass::kBody);
  EXPECT_EQ(cls.classes[3], LineClass::kBoilerplate);
}

TEST(TextLineContext, MalformedSecondStageGivesAnEmptyModel) {
  recoupe::testing::TempDir dir;
  const std::string first = "bias 0\ntree\nnode -1 0 -1 -1 1\n";
  ASSERT_FALSE(
      write_and_load(dir, "first_sure 0.3\n" + first + "stage context\ntree\nnode -1 0 -1 -1 1\n")
          .empty())
      << "the well-formed file the bad ones differ from";
  for (const std::string& bad : {
           std::string("bias 0\nstage context\ntree\nnode -1 0 -1 -1 1\n"),    // no first stage
           first + "stage context\n",                                          // no second trees
           first + "stage context\ntree\nnode -1 0 -1 -1 1\nstage context\n",  // two of them
           first + "stage context\n0.5\n",  // weights belong to the first stage
           "first_sure 0.5\n" + first + "stage context\ntree\nnode -1 0 -1 -1 1\n",  // both sides
           "first_sure -1\n" + first + "stage context\ntree\nnode -1 0 -1 -1 1\n",
           // a feature of the first stage's rows, past the second stage's
           first + "stage context\ntree\nnode " + std::to_string(kContextFeatures) +
               " 0.5 1 2 0\nnode -1 0 -1 -1 1\nnode -1 0 -1 -1 1\n",
       })
    EXPECT_TRUE(write_and_load(dir, bad).empty()) << bad;
}

TEST(TextLineContext, ShippedModelHasASecondStage) {
  ASSERT_NE(cues().line_model(), nullptr);
  EXPECT_TRUE(cues().line_model()->has_context_stage());
}

}  // namespace
}  // namespace recoupe::extract
