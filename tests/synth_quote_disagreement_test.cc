// Quote wordings as disagreements: only between outlets, trims left out; kinds in the
// reader's language.
#include <gtest/gtest.h>

#include "report/view_labels.h"
#include "shipped_resources.h"
#include "synth/disagreements.h"

namespace recoupe::synth {
namespace {

TEST(QuoteDisagreements, BetweenOutletsWithoutTrims) {
  std::vector<Article> arts(3);
  arts[0].id = "a";
  arts[1].id = "b";
  arts[2].id = "c";
  StoryEvidence ev;
  for (const auto& a : arts) ev.articles.push_back(&a);
  ClaimSet cs;
  cs.outlet_of = {0, 0, 1};  // a and b: one outlet
  MergedQuote q;
  q.speaker = "Netanyahu";
  q.variants = {{"Iran lied about never having a nuclear weapons program", {"a"}},
                {"Tonight I am here to tell you one thing: Iran lied", {"b"}},
                {"Iran lied", {"a"}}};
  // Two wordings of one outlet: two passages, not a disagreement.
  EXPECT_TRUE(
      find_disagreements(ev, cs, {q}, recoupe::testing::shipped_resources().synth(), SynthConfig{})
          .empty());
  // A third outlet's wording makes it one; the trim "Iran lied" is no version.
  q.variants.push_back({"Iran lied about having no nuclear weapons programme", {"c"}});
  auto ds =
      find_disagreements(ev, cs, {q}, recoupe::testing::shipped_resources().synth(), SynthConfig{});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, "quote");
  EXPECT_EQ(ds[0].about, "Netanyahu");
  for (const auto& v : ds[0].versions) EXPECT_NE(v.value, "Iran lied");
}

TEST(ViewLabels, KindsInTheReadersLanguage) {
  EXPECT_EQ(report::kind_label(report::labels_for("fr"), "place"), "lieu");
  EXPECT_EQ(report::kind_label(report::labels_for("en"), "place"), "place");
  EXPECT_EQ(report::kind_label(report::labels_for("fr"), "partial"), "partielle");
  EXPECT_EQ(report::kind_label(report::labels_for("fr"), "unknown"), "unknown");
}

}  // namespace
}  // namespace recoupe::synth
