// Live grouping (engine/stream.h and `recoupe stream`): each article is placed at once.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/stream.h"
#include "ingest_test_util.h"
#include "shipped_resources.h"
#include "synth_test_util.h"
#include "text/data_dir.h"

namespace recoupe::engine {
namespace {

Article make(const std::string& id, const std::string& title, const std::string& text,
             const std::string& date) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.language = "en";
  a.published = date;
  a.published_at = parse_publication_time(date);
  return a;
}

TEST(StreamGrouper, SeedsFormOneStoryAsTheyArrive) {
  StreamGrouper grouper = recoupe::testing::shipped_pipeline().stream();
  auto seeds = recoupe::synth::testing::read_articles({RECOUPE_EXAMPLES_DIR "/vostochny"});
  ASSERT_EQ(seeds.size(), 5u);
  std::set<std::string> stories;
  for (size_t i = 0; i < seeds.size(); ++i) {
    StreamAssignment s = grouper.add(seeds[i]);
    EXPECT_EQ(s.article_id, seeds[i].id);
    EXPECT_EQ(s.new_story, i == 0) << seeds[i].id;
    EXPECT_EQ(s.story_id, seeds[0].id);
    EXPECT_FALSE(s.duplicate_of);
  }
  EXPECT_EQ(grouper.size(), 5u);
  EXPECT_EQ(grouper.stories(), 1u);
}

TEST(StreamGrouper, ReprintsAndOtherEvents) {
  StreamGrouper grouper = recoupe::testing::shipped_pipeline().stream();
  const std::string quake =
      "A 6.1 magnitude earthquake struck the Indonesian island of Lombok on Sunday, killing at "
      "least 14 people and damaging hundreds of houses in Mataram, officials said. Rescue teams "
      "searched the rubble of collapsed homes in the north of the island through the night, and "
      "hospitals in Mataram treated dozens of injured people in tents outside their buildings.";
  auto first = grouper.add(make("q1", "Quake hits Lombok", quake, "2018-07-29T08:00:00Z"));
  auto reprint =
      grouper.add(make("q1-copy", "Quake hits Lombok island", quake, "2018-07-29T09:00:00Z"));
  auto other = grouper.add(
      make("e1", "Mexico elects Lopez Obrador",
           "Andres Manuel Lopez Obrador won Mexico's presidential election with more than 53 "
           "percent of the vote, the electoral institute said on Monday.",
           "2018-07-02T10:00:00Z"));
  EXPECT_TRUE(first.new_story);
  EXPECT_EQ(reprint.duplicate_of, "q1");
  EXPECT_EQ(reprint.story_id, "q1");
  EXPECT_FALSE(reprint.new_story);
  EXPECT_TRUE(other.new_story);
  EXPECT_EQ(other.story_id, "e1");
  EXPECT_EQ(grouper.stories(), 2u);
}

TEST(StreamCommand, OneLinePerArticleAndBadLinesNamed) {
  recoupe::testing::TempDir dir;
  auto in = dir.path() / "feed.jsonl";
  {
    std::ofstream f(in);
    f << R"({"id":"a","title":"Quake hits Lombok","lang":"en","text":"A strong earthquake struck Lombok, killing 14 people in Mataram, officials said."})"
      << "\n"
      << "{not json\n"
      << R"({"id":"b","title":"Lombok quake toll 14","lang":"en","text":"The earthquake on Lombok killed 14 people in Mataram, Indonesian officials said on Sunday."})"
      << "\n";
  }
  auto out = dir.path() / "out.jsonl", err = dir.path() / "err.txt";
  std::string cmd = std::string("'") + RECOUPE_BINARY + "' stream - < '" + in.string() + "' > '" +
                    out.string() + "' 2> '" + err.string() + "'";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);  // one line refused, the rest processed
  std::ifstream o(out), e(err);
  std::vector<nlohmann::json> lines;
  for (std::string l; std::getline(o, l);) lines.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], "a");
  EXPECT_EQ(lines[0]["new_story"], true);
  EXPECT_EQ(lines[1]["id"], "b");
  EXPECT_EQ(lines[1]["story"], "a");
  std::stringstream errors;
  errors << e.rdbuf();
  EXPECT_NE(errors.str().find("-:2"), std::string::npos) << errors.str();
  EXPECT_NE(errors.str().find("2 articles, 1 stories"), std::string::npos) << errors.str();
}

}  // namespace
}  // namespace recoupe::engine
