// The budget of a story's cross-check: what it reads of a hostile-size story and the
// notices that say so (synth/cross_check_budget.h).
#include "synth/cross_check_budget.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace recoupe::synth {
namespace {

Article article(std::string id, std::string text) {
  Article a;
  a.id = std::move(id);
  a.text = std::move(text);
  return a;
}

bool mentions(const std::vector<std::string>& notices, const std::string& what) {
  for (const auto& n : notices)
    if (n.find(what) != std::string::npos) return true;
  return false;
}

TEST(CrossCheckPrefix, KeepsATextWithinTheLimit) {
  EXPECT_EQ(cross_check_prefix("Short text.", 100), 11u);
}

TEST(CrossCheckPrefix, CutsAtTheLastParagraphEnd) {
  std::string text = std::string(60, 'a') + ".\n" + std::string(60, 'b') + ". More words here.";
  size_t cut = cross_check_prefix(text, 100);
  EXPECT_EQ(cut, 61u);  // before the "\n", after the first paragraph's full stop
}

TEST(CrossCheckPrefix, CutsAtASentenceEndWhenNoParagraphEndIsNear) {
  std::string text = "word word word word. " + std::string(40, 'x') + " one two. three four five";
  size_t cut = cross_check_prefix(text, 70);
  EXPECT_EQ(text.substr(0, cut).back(), '.');
  EXPECT_LE(cut, 70u);
}

TEST(CrossCheckPrefix, NeverCutsInsideAUtf8Character) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "\xC3\xA9";  // "é" × 50, no space
  size_t cut = cross_check_prefix(text, 11);
  EXPECT_EQ(cut % 2, 0u);
  EXPECT_LE(cut, 11u);
}

TEST(CrossCheckBudget, AStoryWithinTheLimitsIsReadWhole) {
  SynthConfig cfg;
  auto b = budget_story({article("a", "One. Two."), article("b", "Three.")}, {"", ""}, cfg);
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_TRUE(b.cuts.empty());
  EXPECT_TRUE(b.credited_reprints.empty());
  EXPECT_TRUE(b.unread.empty());
  EXPECT_TRUE(budget_notices(b, {2, 1}, cfg).empty());
}

TEST(CrossCheckBudget, ALongArticleIsReadInPartAndTheStorySaysSo) {
  SynthConfig cfg;
  cfg.max_article_bytes = 1000;
  std::string text;
  while (text.size() < 5000) text += "Une phrase de l'article, assez longue pour compter.\n\n";
  auto b = budget_story({article("long", text)}, {""}, cfg);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_LE(b.articles[0].text.size(), 1000u);
  EXPECT_EQ(b.articles[0].text.back(), '.');  // cut at a paragraph end
  ASSERT_EQ(b.cuts.size(), 1u);
  EXPECT_EQ(b.cuts[0].total_bytes, text.size());
  auto notices = budget_notices(b, {19}, cfg);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("cross-check used the first 19 sentences"), std::string::npos)
      << notices[0];
  EXPECT_NE(notices[0].find("article long"), std::string::npos) << notices[0];
  EXPECT_NE(notices[0].find("synth.max_article_bytes"), std::string::npos) << notices[0];
}

TEST(CrossCheckBudget, ReprintsBeyondTheLimitAreCreditedNotRead) {
  SynthConfig cfg;
  cfg.max_reprints_read = 2;
  std::vector<Article> arts{article("orig", "Text."),  article("r1", "Text."),
                            article("other", "Else."), article("r2", "Text."),
                            article("r3", "Text."),    article("r4", "Text.")};
  auto b = budget_story(arts, {"", "orig", "", "orig", "orig", "orig"}, cfg);
  ASSERT_EQ(b.articles.size(), 4u);  // orig, r1, other, r2
  EXPECT_EQ(b.articles[3].id, "r2");
  ASSERT_EQ(b.credited_reprints.size(), 2u);
  EXPECT_EQ(b.credited_reprints[0].first, "r3");
  EXPECT_EQ(b.credited_reprints[1].second, "orig");
  auto notices = budget_notices(b, {1, 1, 1, 1}, cfg);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("+2 more reprints"), std::string::npos) << notices[0];

  // Wherever the original is cited, its unread reprints are too, in story order.
  CrossCheck cc;
  cc.summary.push_back({"Text.", {"orig", "other"}});
  cc.corroborated.push_back({"Text.", {"other", "r1"}, 2});  // original not cited: unchanged
  cc.quotes.push_back({"", "q", {"orig"}, "full", {{"q", {"orig"}}}});
  credit_reprints(b, cc);
  EXPECT_EQ(cc.summary[0].articles, (std::vector<std::string>{"orig", "other", "r3", "r4"}));
  EXPECT_EQ(cc.corroborated[0].articles, (std::vector<std::string>{"other", "r1"}));
  EXPECT_EQ(cc.quotes[0].articles, (std::vector<std::string>{"orig", "r3", "r4"}));
  EXPECT_EQ(cc.quotes[0].variants[0].articles, (std::vector<std::string>{"orig", "r3", "r4"}));
}

TEST(CrossCheckBudget, ArticlesPastTheStoryBudgetAreNotReadAndCounted) {
  SynthConfig cfg;
  cfg.max_story_bytes = 10;
  auto b = budget_story({article("a", "0123456789ab"), article("b", "x"), article("c", "y")},
                        {"", "", ""}, cfg);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.unread, (std::vector<std::string>{"b", "c"}));
  auto notices = budget_notices(b, {1}, cfg);
  EXPECT_TRUE(mentions(notices, "+2 more articles were not read")) << notices.at(0);
}

}  // namespace
}  // namespace recoupe::synth
