// The batch pipeline with synthesis: seeds → grouping → cross-check → report → JSON.

#include <gtest/gtest.h>

#include "engine/batch.h"
#include "engine/cross_check_stories.h"
#include "engine/load.h"
#include "report/build_report.h"
#include "report/report_json.h"

namespace recoupe {
namespace {

TEST(SynthReport, SeedsAreOneCrossCheckedStoryWithTheFullSchema) {
  auto loaded = engine::load_articles({std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny"}, 2);
  ASSERT_EQ(loaded.articles.size(), 5u);
  engine::BatchOptions options;
  auto grouping = engine::group_articles(loaded.articles, options);
  auto checks = engine::cross_check_stories(loaded.articles, grouping, {});
  ASSERT_EQ(checks.size(), grouping.stories.size());
  auto json = report::to_json(report::build_report(loaded.articles, grouping.duplicate_of,
                                                   grouping.stories, checks, false));
  ASSERT_EQ(json["stories"].size(), 1u);
  const auto& story = json["stories"][0];
  EXPECT_EQ(story["event_date"], "2023-09-13");
  for (const char* key :
       {"id", "title", "language", "event_date", "articles", "sources", "summary", "corroborated",
        "single_source", "disagreements", "quotes", "entities", "timeline", "framing"})
    EXPECT_TRUE(story.contains(key)) << key;
  EXPECT_GE(story["summary"].size(), 3u);
  EXPECT_FALSE(story["corroborated"].empty());
}

}  // namespace
}  // namespace recoupe
