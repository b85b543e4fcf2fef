#include <gtest/gtest.h>

#include <cmath>

#include "cluster/cluster_config.h"
#include "cluster/event_clusterer.h"
#include "cluster/features.h"
#include "cluster/near_duplicates.h"
#include "cluster/pair_score.h"
#include "core/article.h"
#include "engine/batch.h"
#include "shipped_resources.h"
#include "text/data_dir.h"

namespace recoupe::cluster {
namespace {

Article make(const std::string& id, const std::string& title, const std::string& text,
             const std::string& date = "") {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.language = "en";
  if (!date.empty()) {
    a.published = date;
    a.published_at = parse_publication_time(date);
  }
  return a;
}

// Two earthquakes (same kind, different places and numbers) and one election.
std::vector<Article> corpus() {
  return {
      make("q1", "Earthquake of magnitude 6.1 hits Lombok",
           "A 6.1 magnitude earthquake struck the Indonesian island of Lombok on Sunday, killing "
           "at least 14 people and damaging hundreds of houses in Mataram, officials said.",
           "2018-07-29"),
      make("q2", "Lombok quake kills 14, hundreds of homes damaged",
           "Rescuers in Lombok searched rubble after the 6.1 earthquake. Mataram hospitals "
           "treated injured people, Indonesian officials said, as aftershocks rattled the island.",
           "2018-07-29T15:00:00Z"),
      make("q3", "Magnitude 7.0 earthquake strikes Anchorage, Alaska",
           "A magnitude 7.0 earthquake struck near Anchorage, Alaska on Friday, buckling roads and "
           "cutting power; Governor Walker declared a disaster, officials said.",
           "2018-11-30"),
      make("q4", "Anchorage shaken by 7.0 quake, roads buckle",
           "Alaska officials assessed damage in Anchorage after the 7.0 earthquake; Governor "
           "Walker said roads buckled and power was cut across the city.",
           "2018-11-30T20:00:00Z"),
      make("e1", "Voters in Mexico elect Lopez Obrador president",
           "Andres Manuel Lopez Obrador won Mexico's presidential election on Sunday with more "
           "than 53 percent of the vote, Mexico's electoral institute said.",
           "2018-07-02"),
  };
}

TEST(Features, PublicationHours) {
  Article a;
  EXPECT_EQ(publication_hours(a), kUnknownTime);
  a.published_at = parse_publication_time("1970-01-02");
  EXPECT_EQ(publication_hours(a), 36);  // noon when the hour is unknown
}

TEST(PairScore, TimeFarApartLowersTheScore) {
  ArticleFeatures a, b;
  a.body = index::make_sparse({{1, 1.f}});
  b.body = index::make_sparse({{1, 1.f}});
  ClusterConfig config;
  EXPECT_NEAR(pair_score(profile_of(a), profile_of(b), config).total, 1.0, 1e-6);
  a.time_hours = 0;
  b.time_hours = 24 * 30;
  PairScore s = pair_score(profile_of(a), profile_of(b), config);
  EXPECT_NEAR(s.total, 1.0 - config.weight_time, 1e-3);
  EXPECT_EQ(s.cosines[kTitle], -1);  // absent channel, not counted
}

TEST(NearDuplicates, ReprintPointsToTheFirstCopy) {
  std::vector<index::MinHashSignature> sigs;
  auto sig = [](uint64_t base, int edits) {
    std::vector<uint64_t> sh;
    for (uint64_t i = 0; i < 400; ++i)
      sh.push_back(index::mix64(base + (i < uint64_t(edits) ? 1000 + i : i)));
    return index::minhash(sh);
  };
  sigs = {sig(1, 0), sig(50000, 0), sig(1, 10), sig(1, 20)};
  auto dup = near_duplicates(sigs, ClusterConfig{});
  EXPECT_EQ(dup, (std::vector<int>{-1, -1, 0, 0}));
}

TEST(EventClusterer, SeparatesTwoEventsOfOneKind) {
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  auto articles = corpus();
  auto result = pipeline.group(articles);
  ASSERT_EQ(result.stories.size(), 3u);
  EXPECT_EQ(result.story_of[0], result.story_of[1]);
  EXPECT_EQ(result.story_of[2], result.story_of[3]);
  EXPECT_NE(result.story_of[0], result.story_of[2]);
  EXPECT_NE(result.story_of[4], result.story_of[0]);
  EXPECT_NE(result.story_of[4], result.story_of[2]);
  for (const auto& d : result.duplicate_of) EXPECT_FALSE(d);
  // Every article in exactly one story.
  size_t total = 0;
  for (const auto& s : result.stories) total += s.article_ids.size();
  EXPECT_EQ(total, articles.size());
  const Story& lombok = result.stories[result.story_of[0]];
  EXPECT_EQ(lombok.event_date, "2018-07-29");
}

TEST(EventClusterer, EarningsTablesOfDifferentCompaniesAreDifferentStories) {
  // Wire earnings briefs: one template, the same day, nothing in common but row heads.
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  auto articles = corpus();
  articles.push_back(make("t1", "MICKELBERRY CORP <MBC> 4TH QTR NET",
                          "NEW YORK, March 26 - Shr profit 61 cts vs loss 45 cts\n"
                          "Net profit 3,568,000 vs loss 2,598,000\nRevs 34.6 mln vs 31.6 mln\n"
                          "Avg shrs 5,861,000 vs 5,776,000",
                          "1987-03-26"));
  articles.push_back(make("t2", "HEALTHMATE INC <HMTE> 4TH QTR LOSS",
                          "NORTHBROOK, ILL., March 26 - Shr loss five cts vs loss six cts\n"
                          "Net loss 473,784 vs loss 489,257\nRevs 268.8 mln vs 81.7 mln\n"
                          "Avg shrs 9,245,247 vs 8,035,326",
                          "1987-03-26"));
  articles.push_back(make("t3", "COMSTOCK GROUP INC <CSTK> 4TH QTR LOSS",
                          "DANBURY, Conn., March 26 - Shr loss 1.12 dlrs vs profit 20 cts\n"
                          "Net loss 8,221,000 vs profit 1,443,000\nRevs 110.6 mln vs 120.3 mln\n"
                          "Avg shrs 7,340,000 vs 7,215,000",
                          "1987-03-26"));
  articles.push_back(make("t4", "LANCER CORP <LACR> 4TH QTR NET",
                          "SAN ANTONIO, Texas, March 26 - Shr 20 cts vs 14 cts\n"
                          "Net 923,000 vs 648,000\nRevs 12.1 mln vs 10.2 mln\n"
                          "Avg shrs 4,612,000 vs 4,600,000",
                          "1987-03-26"));
  auto result = pipeline.group(articles);
  for (size_t i = 5; i < articles.size(); ++i)
    for (size_t j = i + 1; j < articles.size(); ++j)
      EXPECT_NE(result.story_of[i], result.story_of[j]) << articles[i].id << " " << articles[j].id;
  // The prose stories group as before.
  EXPECT_EQ(result.story_of[0], result.story_of[1]);
  EXPECT_EQ(result.story_of[2], result.story_of[3]);
}

TEST(EventClusterer, StreamingGivesTheSameGroupsAsBatchHere) {
  // The stream path: features with the statistics seen so far, one article at a time.
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  auto articles = corpus();
  auto batch = pipeline.group(articles);
  // Adding the same articles in a different order must not change the grouping.
  std::vector<Article> reversed(articles.rbegin(), articles.rend());
  for (auto& a : reversed) {  // undated: input order is the order
    a.published.reset();
    a.published_at.reset();
  }
  auto again = pipeline.group(reversed);
  auto n = articles.size();
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      EXPECT_EQ(batch.story_of[i] == batch.story_of[j],
                again.story_of[n - 1 - i] == again.story_of[n - 1 - j])
          << i << "," << j;
}

TEST(EventClusterer, JoinsOneEventAcrossLanguages) {
  // A French report of the Lombok quake shares no content word with the English ones, only
  // names (in another spelling: "indonésienne"), the magnitude written "6,1" and the toll.
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  auto articles = corpus();
  Article fr = make("q5", "Indonésie : un séisme de magnitude 6,1 frappe Lombok",
                    "Un tremblement de terre de magnitude 6,1 a secoué dimanche l'île de Lombok, "
                    "en Indonésie, faisant au moins 14 morts. À Mataram, des centaines de maisons "
                    "ont été endommagées, selon les autorités.",
                    "2018-07-29T18:00:00Z");
  fr.language = "fr";
  articles.push_back(fr);
  auto result = pipeline.group(articles);
  EXPECT_EQ(result.story_of[5], result.story_of[0]) << "French Lombok report with the English ones";
  EXPECT_NE(result.story_of[5], result.story_of[2]) << "not with the Anchorage quake";
  EXPECT_EQ(result.stories.size(), 3u);
}

TEST(EventClusterer, NamesMatchAcrossSpellings) {
  // "Poutine"/"Putin", "Vostotchny"/"Vostochny", "Jong-un"/"Jong Un": one transliteration key
  // each, so the French report joins the English ones and not Putin's other meeting.
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  std::vector<Article> articles = {
      make("k1", "Putin hosts Kim Jong Un at Vostochny cosmodrome",
           "Vladimir Putin welcomed Kim Jong Un at the Vostochny cosmodrome in the Amur region. "
           "Putin said Russia would help North Korea build satellites.",
           "2023-09-13T08:00:00Z"),
      make("k2", "Kim Jong Un and Putin meet at Vostochny",
           "Kim Jong Un toured the Vostochny launch site with Vladimir Putin before talks. North "
           "Korea's leader praised Russia, the Kremlin said.",
           "2023-09-13T11:00:00Z"),
      make("x1", "Putin meets Xi Jinping in Beijing",
           "Vladimir Putin held talks with Xi Jinping in Beijing. Putin said Russia and China "
           "would deepen their partnership, the Kremlin said.",
           "2023-10-18T09:00:00Z"),
      make("x2", "Xi and Putin hold talks in Beijing",
           "Xi Jinping received Vladimir Putin in Beijing for talks on trade. The Kremlin said "
           "Putin and Xi discussed the partnership of Russia and China.",
           "2023-10-18T12:00:00Z"),
  };
  Article fr = make("k3", "Vladimir Poutine reçoit Kim Jong-un au cosmodrome de Vostotchny",
                    "Vladimir Poutine a accueilli Kim Jong-un au cosmodrome de Vostotchny, dans "
                    "l'Amour. Poutine a promis d'aider la Corée du Nord à construire des "
                    "satellites.",
                    "2023-09-13T14:00:00Z");
  fr.language = "fr";
  articles.push_back(fr);
  auto result = pipeline.group(articles);
  EXPECT_EQ(result.story_of[0], result.story_of[1]);
  EXPECT_EQ(result.story_of[2], result.story_of[3]);
  EXPECT_EQ(result.story_of[4], result.story_of[0]);
  EXPECT_NE(result.story_of[4], result.story_of[2]);
}

TEST(EventClusterer, ALoneFollowUpJoinsTheStoryItClearlyBelongsTo) {
  // A follow-up on the Lombok quake (aid, two days later) shares little wording with the
  // first reports but more with them than with anything else: an orphan, adopted.
  engine::Config config;
  config.cluster.orphan_min_target = 2;     // the test's stories have two articles
  config.cluster.relative_threshold = 0.9;  // a strict regular bar that the follow-up misses
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline(config);
  auto articles = corpus();
  articles.push_back(make("q6", "Aid flights land on the island",
                          "Relief supplies for families left homeless reached Lombok's "
                          "airport, where volunteers distributed tents, rice and clean water to "
                          "villagers from the north of the island.",
                          "2018-07-31"));
  auto adopted = pipeline.group(articles);
  config.cluster.orphan_relative_threshold = 0;
  auto alone = recoupe::testing::shipped_pipeline(config).group(articles);
  EXPECT_NE(alone.story_of[5], alone.story_of[0]) << "below the regular bar";
  EXPECT_EQ(adopted.story_of[5], adopted.story_of[0]) << "adopted by the Lombok story";
  EXPECT_NE(adopted.story_of[5], adopted.story_of[2]);
}

TEST(EventClusterer, IdenticalArticlesAreDuplicatesInOneCluster) {
  ClusterConfig config;
  EventClusterer c(config);
  ArticleFeatures f;
  f.body = index::make_sparse({{1, 0.6f}, {2, 0.8f}});
  std::vector<uint64_t> sh;
  for (uint64_t i = 0; i < 100; ++i) sh.push_back(index::mix64(i));
  f.signature = index::minhash(sh);
  ArticleFeatures g;
  g.body = index::make_sparse({{7, 1.f}});
  c.add(f);
  c.add(f);
  c.add(g);
  c.refine();
  EXPECT_EQ(c.duplicate_root(1), 0u);
  EXPECT_EQ(c.cluster_of(0), c.cluster_of(1));
  EXPECT_NE(c.cluster_of(0), c.cluster_of(2));
  EXPECT_EQ(c.live_clusters(), 2u);
  EXPECT_EQ(c.labels(), (std::vector<uint32_t>{0, 0, 1}));
}

// Two groups of five articles: every article is close to all ten (a shared topic term,
// cosine 0.7 across groups) and closer to its own group (0.99). Average link calls it one
// event; each article's four nearest neighbours are all in its own group.
std::vector<ArticleFeatures> two_tight_groups() {
  std::vector<ArticleFeatures> out;
  const float topic = std::sqrt(0.70f), own = std::sqrt(0.145f), unique = 0.1f;
  for (index::TermId g = 0; g < 2; ++g)
    for (index::TermId i = 0; i < 5; ++i) {
      ArticleFeatures f;
      f.body = index::make_sparse(
          {{1, topic}, {10 + 2 * g, own}, {11 + 2 * g, own}, {100 + 10 * g + i, unique}});
      std::vector<uint64_t> sh;
      for (uint64_t k = 0; k < 50; ++k) sh.push_back(index::mix64(1000 * (5 * g + i) + k));
      f.signature = index::minhash(sh);
      out.push_back(std::move(f));
    }
  return out;
}

TEST(EventClusterer, SplitsAClusterWhoseNearestNeighboursStayOnTwoSides) {
  auto cluster = [](const ClusterConfig& config) {
    EventClusterer c(config);
    for (auto& f : two_tight_groups()) c.add(std::move(f));
    c.refine();
    return c.labels();
  };
  ClusterConfig off;
  off.knn_split_neighbours = 0;
  EXPECT_EQ(cluster(off), std::vector<uint32_t>(10, 0)) << "one cluster by average link";
  const ClusterConfig on;  // 4 neighbours, sides of 3 or more
  EXPECT_EQ(cluster(on), (std::vector<uint32_t>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}));
  ClusterConfig wide = on;
  wide.knn_split_neighbours = 5;  // the fifth neighbour crosses: one cluster again
  EXPECT_EQ(cluster(wide), std::vector<uint32_t>(10, 0));
  ClusterConfig big_sides = on;
  big_sides.knn_split_min_articles = 6;  // a side of five may not stand alone
  EXPECT_EQ(cluster(big_sides), std::vector<uint32_t>(10, 0));
}

}  // namespace
}  // namespace recoupe::cluster
