// The batch pipeline with synthesis: seeds → grouping → cross-check → report → JSON.

#include <gtest/gtest.h>

#include "engine/batch.h"
#include "engine/load.h"
#include "engine/pipeline.h"
#include "report/build_report.h"
#include "report/report_json.h"
#include "shipped_resources.h"

namespace recoupe {
namespace {

TEST(SynthReport, SeedsAreOneCrossCheckedStoryWithTheFullSchema) {
  engine::Config config;
  config.threads = 2;
  const engine::Pipeline pipeline = recoupe::testing::shipped_pipeline(config);
  auto loaded = pipeline.load({std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny"});
  ASSERT_EQ(loaded.articles.size(), 5u);
  auto grouping = pipeline.group(loaded.articles);
  auto checks = pipeline.cross_check(loaded.articles, grouping);
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
