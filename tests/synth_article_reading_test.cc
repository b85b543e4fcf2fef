// Readings of articles kept between cross-checks (synth/article_reading.h): a cross-check
// given its articles' readings says what it says when it reads them itself, and it uses a
// given reading only when it was read under the story's language.
#include <gtest/gtest.h>

#include "report/build_report.h"
#include "report/report_json.h"
#include "synth/analyzed_story.h"
#include "synth/article_reading.h"
#include "synth/claim_clauses.h"
#include "synth/claims.h"
#include "synth/cross_check.h"
#include "synth/number_slots.h"
#include "synth_test_util.h"

namespace recoupe::synth {
namespace {

Article article(std::string id, std::string source, std::string title, std::string text) {
  Article a = testing::article(std::move(id), std::move(source), "fr", std::move(text));
  a.title = std::move(title);
  return a;
}

AnalyzedStory small_story() {
  std::vector<Article> articles = {
      article("a", "Le Quotidien", "Le pont de Saint-Amand rouvre après six mois de travaux",
              "Le pont de Saint-Amand a rouvert mardi à la circulation après six mois de "
              "travaux. La mairie a annoncé que la réfection a coûté 2 millions d'euros. Les "
              "commerçants du quartier saluent une bonne nouvelle pour la rentrée."),
      article("b", "La Gazette", "Saint-Amand : la circulation rétablie sur le pont",
              "La circulation est rétablie depuis mardi sur le pont de Saint-Amand, fermé six "
              "mois pour des travaux. Selon la mairie, le chantier a coûté 2 millions d'euros. "
              "Les cyclistes regrettent l'absence de piste protégée sur le nouvel ouvrage.")};
  return analyze_story("s", std::move(articles), testing::analysis_resources(),
                       &recoupe::testing::shipped_resources().entities());
}

// The cross-check as the report writes it: every section.
std::string as_json(const AnalyzedStory& story, CrossCheck cc) {
  Story grouped;
  grouped.id = story.id;
  for (const auto& a : story.articles) grouped.article_ids.push_back(a.id);
  std::vector<CrossCheck> checks;
  checks.push_back(std::move(cc));
  return report::to_json_text(
      report::build_report(story.articles, {}, {grouped}, std::move(checks), false));
}

TEST(SynthArticleReading, GivenReadingsGiveTheCrossCheckOfReadingsMadeOnTheSpot) {
  const auto& resources = recoupe::testing::shipped_resources().synth();
  const AnalyzedStory story = small_story();
  const std::string fresh = as_json(story, cross_check(story.evidence(), resources));

  std::vector<ArticleReading> kept;
  for (size_t i = 0; i < story.articles.size(); ++i)
    kept.push_back(read_article(story.articles[i], &story.analyses[i], story.language, resources,
                                SynthConfig{}));
  StoryEvidence ev = story.evidence();
  for (const auto& r : kept) ev.readings.push_back(&r);
  EXPECT_EQ(as_json(story, cross_check(ev, resources)), fresh);
  EXPECT_FALSE(kept[0].words.empty());
  EXPECT_EQ(kept[0].headline, *story.articles[0].title);
  EXPECT_TRUE(kept[1].framing_terms.count("piste protégée") ||
              kept[1].framing_terms.count("piste protegee"));
}

TEST(SynthArticleReading, AReadingIsUsedOnlyUnderTheLanguageItWasReadIn) {
  const auto& resources = recoupe::testing::shipped_resources().synth();
  const AnalyzedStory story = small_story();
  const std::string fresh = as_json(story, cross_check(story.evidence(), resources));
  std::vector<ArticleReading> kept;
  for (size_t i = 0; i < story.articles.size(); ++i) {
    kept.push_back(read_article(story.articles[i], &story.analyses[i], story.language, resources,
                                SynthConfig{}));
    kept.back().framing_terms.clear();  // a reading that says otherwise: is it used?
    kept.back().headline = "autre titre";
  }
  StoryEvidence ev = story.evidence();
  for (const auto& r : kept) ev.readings.push_back(&r);
  const CrossCheck used = cross_check(ev, resources);
  ASSERT_EQ(used.framing.size(), 2u);
  EXPECT_EQ(used.framing[0].headline, "autre titre");  // used: the story's language
  EXPECT_TRUE(used.framing[0].distinctive_terms.empty());

  for (auto& r : kept) r.language = "en";  // read under another language: read again
  EXPECT_EQ(as_json(story, cross_check(ev, resources)), fresh);
}

// A reading keeps its article's numbers with what they count; the story's numbers are then
// taken from the readings, each with its article's index, as read on the spot.
TEST(SynthArticleReading, AStorysNumbersAreTakenFromItsReadings) {
  const auto& resources = recoupe::testing::shipped_resources().synth();
  const AnalyzedStory story = small_story();
  const std::vector<NumberMention> fresh = number_mentions(story.evidence(), resources);
  ASSERT_EQ(fresh.size(), 4u);  // six mois, 2 millions d'euros: in each article
  EXPECT_EQ(fresh[3].article, 1u);

  std::vector<ArticleReading> kept;
  for (size_t i = 0; i < story.articles.size(); ++i)
    kept.push_back(read_article(story.articles[i], &story.analyses[i], story.language, resources,
                                SynthConfig{}));
  ASSERT_EQ(kept[1].numbers.size(), 2u);
  EXPECT_EQ(kept[1].numbers[1].unit, "euro");
  kept[1].numbers.pop_back();  // a reading that says otherwise: is it used?
  StoryEvidence ev = story.evidence();
  for (const auto& r : kept) ev.readings.push_back(&r);
  const std::vector<NumberMention> read = number_mentions(ev, resources);
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[2].article, 1u);
  EXPECT_EQ(read[2].text, fresh[2].text);
  EXPECT_EQ(read[2].predicates, fresh[2].predicates);
}

// A reading keeps its article's claim clauses: the story's claims are cut from them, not
// from the sentences again.
TEST(SynthArticleReading, AStorysClaimsAreCutFromItsReadingsClauses) {
  const auto& resources = recoupe::testing::shipped_resources().synth();
  const AnalyzedStory story = small_story();
  const ClaimSet fresh = build_claims(story.evidence(), resources, SynthConfig{});
  std::vector<ArticleReading> kept;
  for (size_t i = 0; i < story.articles.size(); ++i)
    kept.push_back(read_article(story.articles[i], &story.analyses[i], story.language, resources,
                                SynthConfig{}));
  ASSERT_EQ(kept[0].clauses.size(), fresh.claims_of_article[0].size());
  for (size_t k = 0; k < kept[0].clauses.size(); ++k) {
    const Claim& c = fresh.claims[fresh.claims_of_article[0][k]];
    EXPECT_EQ(kept[0].clauses[k].begin, c.begin);
    EXPECT_EQ(kept[0].clauses[k].end, c.end);
    EXPECT_EQ(kept[0].clauses[k].words, c.words);
  }
  ASSERT_GT(kept[0].clauses.size(), 1u);
  kept[0].clauses.pop_back();  // a reading that says otherwise: is it used?
  StoryEvidence ev = story.evidence();
  for (const auto& r : kept) ev.readings.push_back(&r);
  const ClaimSet read = build_claims(ev, resources, SynthConfig{});
  EXPECT_EQ(read.claims_of_article[0].size(), fresh.claims_of_article[0].size() - 1);
  EXPECT_EQ(read.claims_of_article[1].size(), fresh.claims_of_article[1].size());
}

// A long sentence is cut at the comma nearest its middle, never at a number's: a clause
// opening on "600 to $1.4 million" has lost its figure's first digits.
TEST(SynthArticleReading, AClauseIsNeverCutInsideANumber) {
  const Article a = testing::article(
      "a", "Outlet", "en",
      "The contract could have been worth between a minimum of $888,600 to $1.4 million if he "
      "had been selected with one of the last fifteen picks in the lower half of the first "
      "round of the draft held in New York last June, his father said on Tuesday evening.");
  const ArticleAnalysis an = analyze::analyze_article(a, testing::analysis_resources());
  const std::vector<ClaimClause> clauses =
      claim_clauses(a, an, SynthConfig{}, recoupe::testing::shipped_resources().elisions());
  ASSERT_FALSE(clauses.empty());
  for (const ClaimClause& c : clauses) {
    const std::string_view text = std::string_view(a.text).substr(c.begin, c.end - c.begin);
    EXPECT_FALSE(std::isdigit(static_cast<unsigned char>(text.front()))) << text;
  }
}

}  // namespace
}  // namespace recoupe::synth
