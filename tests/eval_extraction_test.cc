// eval/extraction_gold and eval/extraction_eval: the gold reader and a run's scores.
#include <gtest/gtest.h>

#include <fstream>

#include "eval/extraction_eval.h"
#include "eval/extraction_gold.h"

namespace recoupe::eval {
namespace {

TEST(ExtractionScores, SnippetMissesNameTheWrongSnippets) {
  auto m = snippet_misses("the  quick\nbrown fox", {"quick brown", "lazy dog"}, {"fox", "cat"});
  EXPECT_EQ(m.missed, std::vector<std::string>{"lazy dog"});
  EXPECT_EQ(m.kept, std::vector<std::string>{"fox"});
}

TEST(ExtractionGold, ReadsRecordsStopsWhenAskedAndNamesBadLines) {
  std::string path = ::testing::TempDir() + "extraction_gold.jsonl";
  std::ofstream(path) << "{\"html\": \"<p>x</p>\", \"with\": [\"x\", 1], \"gold_title\": \"\"}\n"
                         "not json\n"
                         "\n"
                         "{\"text\": \"t\", \"body\": \"t\", \"gold_date\": \"2024-01-02\"}\n"
                         "{\"text\": \"never read\"}\n";
  std::vector<ExtractionGold> pages;
  std::vector<std::string> errors;
  auto read = read_extraction_gold(path, [&](Expected<ExtractionGold> g) {
    if (!g) {
      errors.push_back(g.error().to_string());
      return true;
    }
    pages.push_back(*g);
    return pages.size() < 2;
  });
  ASSERT_TRUE(read);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].has_snippets);
  EXPECT_EQ(pages[0].with, std::vector<std::string>{"x"});
  EXPECT_FALSE(pages[0].title);  // empty gold is no gold
  EXPECT_EQ(pages[1].where, path + ":4");
  EXPECT_EQ(pages[1].body, "t");
  EXPECT_EQ(pages[1].date, "2024-01-02");
  EXPECT_EQ(errors, std::vector<std::string>{path + ":2: not valid JSON"});
  EXPECT_FALSE(read_extraction_gold(path + ".none", [](auto) { return true; }));
}

TEST(ExtractionEval, AddsPagesAndRendersOnlyWhatTheGoldHas) {
  ExtractionGold gold;
  gold.has_snippets = true;
  gold.with = {"kept text"};
  gold.without = {"menu"};
  gold.date = "2024-01-02T10:00";
  Article a;
  a.id = "p";
  a.text = "kept text and menu";
  a.published = "2024-01-02";
  ExtractionEval e;
  e.gold_path = "g.jsonl";
  auto detail = e.add(gold, a, 0.5, 1048576, true);
  EXPECT_EQ(detail.dump(),
            R"({"id":"p","missed":[],"kept":["menu"],"gold_date_found":"2024-01-02"})");
  EXPECT_EQ(e.snippets.tp, 1);
  EXPECT_EQ(e.snippets.fp, 1);
  EXPECT_EQ(e.date.correct, 1);  // the day matches
  EXPECT_DOUBLE_EQ(e.mb_per_second(), 2.0);
  auto j = extraction_json(e);
  EXPECT_TRUE(j.contains("snippets"));
  EXPECT_FALSE(j.contains("body"));
  EXPECT_EQ(j["metadata"]["date"]["accuracy"], 1.0);
  std::string text = extraction_text(e);
  EXPECT_NE(text.find("gold: g.jsonl  pages: 1  refused: 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("date: 1/1 correct (1 found)"), std::string::npos) << text;
  EXPECT_EQ(text.find("body:"), std::string::npos);
}

}  // namespace
}  // namespace recoupe::eval
