// eval/clustering_scores: B-cubed and pairwise scores, gold labels and the `eval` output.
#include <gtest/gtest.h>

#include "eval/clustering_scores.h"

namespace recoupe::eval {
namespace {

TEST(ClusteringScores, BCubedAndPairwise) {
  auto s = score_clustering({"a", "a", "b", "b"}, {"1", "1", "1", "2"});
  EXPECT_EQ(s.gold_events, 2u);
  EXPECT_EQ(s.found_events, 2u);
  // Precision: items 1-3 see 3 in their cluster with 2,2,1 right → (2/3+2/3+1/3+1)/4.
  EXPECT_NEAR(s.bcubed_p, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1) / 4, 1e-9);
  EXPECT_NEAR(s.bcubed_r, (1 + 1 + 0.5 + 0.5) / 4, 1e-9);
  EXPECT_NEAR(s.pair_p, 1.0 / 3, 1e-9);
  EXPECT_NEAR(s.pair_r, 0.5, 1e-9);
  auto perfect = score_clustering({"a", "b"}, {"x", "y"});
  EXPECT_EQ(perfect.bcubed_f1, 1.0);
}

TEST(ClusteringScores, MismatchedSizesScoreZero) {
  auto s = score_clustering({"a", "b"}, {"x"});
  EXPECT_EQ(s.docs, 0u);
  EXPECT_EQ(s.bcubed_f1, 0.0);
}

// A record without an event is its own event, even when another record's event is spelled
// like its id.
TEST(ClusteringScores, UnlabeledArticleIsItsOwnEvent) {
  Article a, b, c;
  a.id = "x";
  a.event = "e1";
  b.id = "e1";
  c.id = "z";
  c.event = "e1";
  auto labels = event_labels({a, b, c});
  EXPECT_EQ(labels[0], labels[2]);
  EXPECT_NE(labels[0], labels[1]);
  EXPECT_EQ(story_labels({3, 0}), (std::vector<std::string>{"3", "0"}));
}

TEST(ClusteringScores, OutputRoundsScores) {
  ClusteringScores s;
  s.docs = 4;
  s.bcubed_p = 2.0 / 3;
  auto j = clustering_json(s, 1.23456);
  EXPECT_EQ(j["bcubed_p"].get<double>(), 0.6667);
  EXPECT_EQ(j["seconds"].get<double>(), 1.235);
  EXPECT_EQ(j.begin().key(), "docs");
  std::string text = clustering_text(s, 1.23456);
  EXPECT_NE(text.find("bcubed_p      0.6667\n"), std::string::npos) << text;
  EXPECT_NE(text.find("seconds       1.235\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace recoupe::eval
