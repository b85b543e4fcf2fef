// Story ranking (README "Story order"): most independent outlets first, then most articles,
// then the latest publication.
#include <gtest/gtest.h>

#include "engine/batch.h"
#include "shipped_resources.h"
#include "text/data_dir.h"

namespace recoupe::engine {
namespace {

Article make(std::string id, std::string source, std::string date, std::string title,
             std::string text) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.published_at = parse_publication_time(date);
  a.published = std::move(date);
  a.title = std::move(title);
  a.text = std::move(text);
  a.language = "en";
  return a;
}

TEST(StoryRanking, OutletsThenArticlesThenRecency) {
  const std::string quake =
      "A magnitude 6.4 earthquake struck the island of Lombok in Indonesia on Sunday, killing at "
      "least 14 people and injuring 162, officials said. The quake damaged hundreds of homes in "
      "East Lombok and triggered landslides on Mount Rinjani, where hundreds of hikers were "
      "stranded.";
  const std::string final_match =
      "Real Madrid won the Champions League final in Kyiv on Saturday, beating Liverpool 3-1 "
      "after two goals by Gareth Bale and a mistake by goalkeeper Loris Karius. Zinedine Zidane "
      "won his third consecutive title as Madrid coach.";
  const std::string budget =
      "The city council of Springfield approved a budget of 420 million dollars for schools on "
      "Tuesday after a long debate about teacher salaries and the renovation of old buildings in "
      "the northern districts.";
  std::vector<Article> articles = {
      make("f1", "Sport Daily", "2018-05-26", "Madrid beat Liverpool in Kyiv", final_match),
      make("f2", "Sport Daily", "2018-05-27", "Bale double wins the final for Madrid",
           "Gareth Bale scored twice as Real Madrid beat Liverpool 3-1 in the Champions League "
           "final in Kyiv, with Loris Karius at fault. Zidane has now won three titles in a row."),
      make("q1", "Wire A", "2018-07-29", "Lombok earthquake kills 14", quake),
      make("q2", "Wire B", "2018-07-29", "Deadly quake hits Lombok",
           "At least 14 people were killed when a 6.4 magnitude earthquake hit Lombok, "
           "Indonesia, on Sunday. Landslides on Mount Rinjani stranded hundreds of hikers and "
           "162 people were injured in East Lombok, officials said."),
      make("b1", "Springfield News", "2018-08-01", "Council passes school budget", budget),
      make("w1", "Weather Now", "2018-08-05", "Heatwave breaks records in Portugal",
           "Temperatures reached 46.8 degrees Celsius in Alvega, Portugal, on Saturday, close to "
           "the national record, as a heatwave from Africa spread forest fires across the "
           "Algarve and firefighters evacuated villages near Monchique."),
  };
  BatchResult r = recoupe::testing::shipped_pipeline().group(articles);
  ASSERT_EQ(r.stories.size(), 4u);
  // Two outlets (the quake) before one outlet with two articles (the final) before one article.
  EXPECT_EQ(r.story_of[2], 0u);
  EXPECT_EQ(r.story_of[3], 0u);
  EXPECT_EQ(r.story_of[0], 1u);
  EXPECT_EQ(r.story_of[1], 1u);
  // One article each: the latest first.
  EXPECT_EQ(r.story_of[5], 2u);
  EXPECT_EQ(r.story_of[4], 3u);
}

}  // namespace
}  // namespace recoupe::engine
