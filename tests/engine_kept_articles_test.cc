// KeptArticles (engine/kept_articles.h): stored texts kept between live batches.
#include <gtest/gtest.h>

#include "engine/kept_articles.h"

namespace recoupe::engine {
namespace {

Article article(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.text = text;
  return a;
}

TEST(KeptArticles, KeepsFindsRefreshesAndForgets) {
  KeptArticles kept(10);
  EXPECT_EQ(kept.find(1), nullptr);
  kept.keep(1, article("a", "first text"));
  ASSERT_NE(kept.find(1), nullptr);
  EXPECT_EQ(kept.find(1)->text, "first text");
  kept.keep(1, article("a", "second text"));  // the same seq again: refreshed, not doubled
  EXPECT_EQ(kept.find(1)->text, "second text");
  EXPECT_EQ(kept.size(), 1u);
  kept.forget(1);  // revised: the store's text is no longer this one
  EXPECT_EQ(kept.find(1), nullptr);
  kept.forget(7);  // forgetting what is not kept is no error
}

TEST(KeptArticles, TheLeastRecentlyKeptGoesFirst) {
  KeptArticles kept(2);
  kept.keep(1, article("a", "1"));
  kept.keep(2, article("b", "2"));
  kept.keep(1, article("a", "1"));  // used again: now the most recent
  kept.keep(3, article("c", "3"));  // over the bound: 2 goes
  EXPECT_NE(kept.find(1), nullptr);
  EXPECT_EQ(kept.find(2), nullptr);
  EXPECT_NE(kept.find(3), nullptr);
  EXPECT_EQ(kept.size(), 2u);
  KeptArticles none(0);
  none.keep(1, article("a", "1"));
  EXPECT_EQ(none.find(1), nullptr);
}

}  // namespace
}  // namespace recoupe::engine
