// The store's reads (store/store.h) over both backends, on a small written store: the
// listing's order and each filter (days, language, outlet and entity and speaker in any
// case, full text with diacritics and case ignored and every word required), a first page,
// an article and its revisions round-tripped field by field, and a revision seen by the
// full-text filter. SQLite and PostgreSQL must answer the same.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "store_backends.h"

namespace recoupe::store {
namespace {

using recoupe::testing::StoreKind;

ArticleRevision revision(const std::string& id, const std::string& outlet, const std::string& lang,
                         const std::string& title, const std::string& text) {
  ArticleRevision r;
  r.content_hash = "h-" + id + "-" + std::to_string(text.size());
  r.ingested_at = "2026-12-04T10:00:00Z";
  r.article.id = id;
  r.article.file = id + ".html";
  r.article.url = "https://example.org/" + id;
  r.article.source = outlet;
  r.article.language = lang;
  r.article.language_confidence = 0.875;
  r.article.title = title;
  r.article.text = text;
  r.article.words = 7;
  r.article.paragraphs = {text};
  r.article.warnings = {"no date"};
  r.raw.kind = ContentKind::kHtml;
  r.raw.encoding = "windows-1252";
  r.raw.content = "<p>" + text + "</p>";
  return r;
}

// A story whose report names one entity (with an alias) and quotes its speaker.
StoredStory story(const std::string& id, const std::string& lang, const std::string& day,
                  std::vector<std::string> articles, std::vector<std::string> sources,
                  const std::string& entity, const std::string& alias) {
  StoredStory s;
  s.summary.id = id;
  s.summary.title = "Story " + id;
  s.summary.language = lang;
  s.summary.day = day;
  s.summary.article_ids = articles;
  s.summary.sources = sources;
  s.summary.article_count = int64_t(articles.size());
  s.summary.outlet_count = int64_t(sources.size());
  s.summary.latest_hours = 500000;
  nlohmann::json report = {
      {"stories",
       {{{"id", id},
         {"entities", {{{"name", entity}, {"type", "PER"}, {"mentions", 3}, {"aliases", {alias}}}}},
         {"quotes", {{{"speaker", entity}, {"text", "Nous tiendrons."}, {"kind", "direct"}}}},
         {"corroborated", {{{"claim", "Il pleut."}, {"articles", articles}, {"outlets", 2}}}}}}}};
  s.report_json = report.dump();
  return s;
}

class StoreListing : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    REQUIRE_STORE(GetParam());
    auto opened =
        Store::open(recoupe::testing::fresh_store(GetParam(), dir_), OpenMode::kReadWrite);
    ASSERT_TRUE(opened) << opened.error().to_string();
    store_.emplace(std::move(*opened));
    BatchWrite w;
    w.at = "2026-12-04T10:00:00Z";
    w.articles = {
        {1, revision("a", "Le Monde", "fr", "Les crues à Porto Alegre",
                     "L'eau monte dans l'État du Rio Grande do Sul.")},
        {2, revision("b", "El País", "es", "Elecciones en México", "La votación en la capital.")},
        {3, revision("c", "Reforma", "es", "Votación histórica", "Millones votan en México.")}};
    w.stories = {story("A", "fr", "2026-05-03", {"a"}, {"Le Monde"}, "Eduardo Leite", "Leite"),
                 story("B", "es", "2026-06-02", {"b", "c"}, {"El País", "Reforma"},
                       "Claudia Sheinbaum", "Sheinbaum")};
    w.memberships = {{1, "A", {}}, {2, "B", {}}, {3, "B", {}}};
    w.counts.added = 3;
    auto g = store_->apply(w);
    ASSERT_TRUE(g) << g.error().to_string();
  }

  std::vector<std::string> ids(const StoryFilter& filter, size_t max_count = SIZE_MAX) {
    auto listed = store_->stories(filter, max_count);
    EXPECT_TRUE(listed) << listed.error().to_string();
    std::vector<std::string> out;
    if (listed)
      for (const auto& s : *listed) out.push_back(s.id);
    return out;
  }

  recoupe::testing::TempDir dir_;
  std::optional<Store> store_;
};

using Ids = std::vector<std::string>;

TEST_P(StoreListing, EachFilterNarrowsTheListingInTheSameOrder) {
  EXPECT_EQ(ids({}), (Ids{"B", "A"}));  // more outlets first
  EXPECT_EQ(ids({}, 1), (Ids{"B"}));
  EXPECT_EQ(ids({.language = "fr"}), (Ids{"A"}));
  EXPECT_EQ(ids({.since = "2026-06-01"}), (Ids{"B"}));
  EXPECT_EQ(ids({.until = "2026-05-31"}), (Ids{"A"}));
  EXPECT_EQ(ids({.since = "2026-05-03", .until = "2026-05-03"}), (Ids{"A"}));
  EXPECT_EQ(ids({.outlet = "LE MONDE"}), (Ids{"A"}));
  EXPECT_EQ(ids({.outlet = "reforma"}), (Ids{"B"}));
  EXPECT_EQ(ids({.entity = "leite"}), (Ids{"A"}));              // an alias, any case
  EXPECT_EQ(ids({.entity = "Claudia Sheinbaum"}), (Ids{"B"}));  // the name
  EXPECT_EQ(ids({.speaker = "claudia sheinbaum"}), (Ids{"B"}));
  EXPECT_EQ(ids({.speaker = "Nobody"}), Ids{});
  EXPECT_EQ(ids({.language = "es", .outlet = "Le Monde"}), Ids{});
}

TEST_P(StoreListing, FullTextIgnoresCaseAndDiacriticsAndNeedsEveryWordInOneArticle) {
  EXPECT_EQ(ids({.query = "etat"}), (Ids{"A"}));          // "État"
  EXPECT_EQ(ids({.query = "MEXICO"}), (Ids{"B"}));        // "México", two articles of B
  EXPECT_EQ(ids({.query = "crues alegre"}), (Ids{"A"}));  // title words
  EXPECT_EQ(ids({.query = "votacion capital"}), (Ids{"B"}));
  EXPECT_EQ(ids({.query = "crues México"}), Ids{});  // not in one article
  EXPECT_EQ(ids({.query = "l'eau"}), (Ids{"A"}));    // a word of two tokens: a phrase
  EXPECT_EQ(ids({.query = "eau l"}), (Ids{"A"}));
  EXPECT_EQ(ids({.query = "   "}), Ids{});
  EXPECT_EQ(ids({.query = "\"OR\" AND *"}), Ids{});  // no query syntax, no error
  EXPECT_EQ(ids({.language = "fr", .query = "mexico"}), Ids{});
}

TEST_P(StoreListing, AnArticleAndItsRevisionsReadBackAsWritten) {
  auto a = store_->article("a");
  ASSERT_TRUE(a && *a) << (a ? "" : a.error().to_string());
  const StoredArticle& got = **a;
  EXPECT_EQ(got.seq, 1);
  EXPECT_EQ(got.story_id, "A");
  EXPECT_EQ(got.article.source, "Le Monde");
  EXPECT_EQ(got.article.url, "https://example.org/a");
  EXPECT_EQ(got.article.language_confidence, 0.875);
  EXPECT_EQ(got.article.words, 7);
  EXPECT_EQ(got.article.warnings, (std::vector<std::string>{"no date"}));
  EXPECT_FALSE(got.article.final_url);
  EXPECT_FALSE(got.duplicate_of);
  EXPECT_FALSE(store_->article("zz")->has_value());

  BatchWrite w;
  w.base_generation = 1;
  w.at = "2026-12-04T11:00:00Z";
  ArticleRevision second = revision("a", "Le Monde", "fr", "Les crues à Porto Alegre",
                                    "Le niveau baisse enfin à Porto Alegre.");
  second.revision = 2;
  second.article.final_url = "https://example.org/a?amp";
  second.article.fetched_at = "2026-12-04T10:59:00Z";
  w.revisions = {{1, second}};
  w.stories = {story("A", "fr", "2026-05-03", {"a"}, {"Le Monde"}, "Eduardo Leite", "Leite")};
  w.counts.revised = 1;
  ASSERT_TRUE(store_->apply(w));

  auto revisions = *store_->revisions("a");
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].revision, 1);
  EXPECT_EQ(revisions[0].raw.kind, ContentKind::kHtml);
  EXPECT_EQ(revisions[0].raw.encoding, "windows-1252");
  EXPECT_EQ(revisions[0].raw.content, "<p>L'eau monte dans l'État du Rio Grande do Sul.</p>");
  EXPECT_EQ(revisions[1].article.final_url, "https://example.org/a?amp");
  EXPECT_EQ(revisions[1].article.fetched_at, "2026-12-04T10:59:00Z");
  EXPECT_EQ(store_->article("a")->value().revision, 2);
  EXPECT_EQ(store_->story_version("A")->value().version, 2);
  EXPECT_EQ(ids({.query = "baisse"}), (Ids{"A"}));  // the current text is searched
  EXPECT_EQ(ids({.query = "etat"}), Ids{});

  auto placed = *store_->placed_articles();  // the first revision, as placed
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(placed[0].placed.text, "L'eau monte dans l'État du Rio Grande do Sul.");
  EXPECT_EQ(placed[0].revision, 2);
  auto current = *store_->current_articles({3, 99, 1});
  ASSERT_EQ(current.size(), 2u);  // in the order asked, the unknown one left out
  EXPECT_EQ(current[0].article.id, "c");
  EXPECT_EQ(current[1].article.text, "Le niveau baisse enfin à Porto Alegre.");
  EXPECT_EQ(*store_->story_versions(),
            (std::vector<std::pair<std::string, int64_t>>{{"A", 2}, {"B", 1}}));
}

INSTANTIATE_STORE_TEST_SUITE_P(StoreListing);

}  // namespace
}  // namespace recoupe::store
