// The analyses kept between cross-checks of the live path (engine/analysis_cache.h).
#include <gtest/gtest.h>

#include "engine/analysis_cache.h"

namespace recoupe::engine {
namespace {

Article article(std::string id, std::string text) {
  Article a;
  a.id = std::move(id);
  a.language = "en";
  a.text = std::move(text);
  return a;
}

// A stand-in analysis that says which call made it.
struct Counter {
  int calls = 0;
  std::function<ArticleAnalysis()> for_article(const Article& a) {
    return [this, a] {
      ArticleAnalysis an;
      an.article_id = a.id + "#" + std::to_string(++calls);
      return an;
    };
  }
};

TEST(AnalysisCache, AnArticleIsAnalysedOnceForTheSameTextAndDate) {
  AnalysisCache cache(10);
  Counter c;
  const Article a = article("a", "Some text.");
  EXPECT_EQ(cache.get(a, "2024-01-02", c.for_article(a)).article_id, "a#1");
  EXPECT_EQ(cache.get(a, "2024-01-02", c.for_article(a)).article_id, "a#1");
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
  // Another reference date resolves relative dates otherwise: analysed again.
  EXPECT_EQ(cache.get(a, "2024-01-03", c.for_article(a)).article_id, "a#2");
  // A revised text under the same id is analysed again, and replaces the old one.
  const Article revised = article("a", "Some other text.");
  EXPECT_EQ(cache.get(revised, "2024-01-02", c.for_article(revised)).article_id, "a#3");
  EXPECT_EQ(cache.get(revised, "2024-01-02", c.for_article(revised)).article_id, "a#3");
  EXPECT_EQ(cache.get(a, "2024-01-02", c.for_article(a)).article_id, "a#4");
}

TEST(AnalysisCache, ADatedArticleIgnoresTheStorysReferenceDate) {
  AnalysisCache cache(10);
  Counter c;
  Article a = article("a", "Yesterday.");
  a.published_at = PublicationTime{};
  a.published_at->date = CivilDate{2024, 5, 6};
  EXPECT_EQ(cache.get(a, "2024-01-02", c.for_article(a)).article_id, "a#1");
  EXPECT_EQ(cache.get(a, std::nullopt, c.for_article(a)).article_id, "a#1");
}

TEST(AnalysisCache, TheLeastRecentlyUsedArticleIsDroppedPastTheBound) {
  AnalysisCache cache(2);
  Counter c;
  const Article a = article("a", "A."), b = article("b", "B."), d = article("d", "D.");
  cache.get(a, std::nullopt, c.for_article(a));
  cache.get(b, std::nullopt, c.for_article(b));
  cache.get(a, std::nullopt, c.for_article(a));  // a is now the most recent
  cache.get(d, std::nullopt, c.for_article(d));  // drops b
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.get(a, std::nullopt, c.for_article(a)).article_id, "a#1");
  EXPECT_EQ(cache.get(b, std::nullopt, c.for_article(b)).article_id, "b#4");
}

}  // namespace
}  // namespace recoupe::engine
