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

// Readings (synth/article_reading.h) are kept beside the analyses, per story language, and
// stay valid for their holder once dropped; past the byte bound the least recent goes.
TEST(AnalysisCache, AReadingIsKeptPerLanguageAndTextWithinItsByteBound) {
  const Article a = article("a", "Some text."), b = article("b", "Other text.");
  int reads = 0;
  auto read = [&](std::string headline, size_t words) {
    return [&reads, headline, words] {
      ++reads;
      synth::ArticleReading r;
      r.headline = headline;
      r.words.resize(words);
      return r;
    };
  };
  const size_t one = sizeof(synth::ArticleReading) + 100 * sizeof(synth::ContentWord);
  AnalysisCache cache(10, one + one / 2);  // room for one reading of 100 words
  auto first = cache.reading(a, std::nullopt, "en", read("a-en", 100));
  EXPECT_EQ(cache.reading(a, std::nullopt, "en", read("again", 100)), first);
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(cache.reading(a, std::nullopt, "fr", read("a-fr", 100))->headline, "a-fr");
  EXPECT_EQ(cache.reading(a, std::nullopt, "en", read("a-en2", 100))->headline, "a-en2");
  const Article revised = article("a", "Some other text.");
  EXPECT_EQ(cache.reading(revised, std::nullopt, "en", read("rev", 100))->headline, "rev");
  EXPECT_EQ(reads, 4);
  auto held = cache.reading(b, std::nullopt, "en", read("b", 100));  // drops a's
  EXPECT_EQ(cache.reading(revised, std::nullopt, "en", read("rev2", 100))->headline, "rev2");
  EXPECT_EQ(held->headline, "b");  // still valid for its holder
  EXPECT_EQ(cache.reading(b, std::nullopt, "en", read("b2", 100))->headline, "b2");
  EXPECT_EQ(reads, 7);
}

}  // namespace
}  // namespace recoupe::engine
