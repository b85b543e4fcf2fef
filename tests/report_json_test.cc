// The report document: JSON → Report → JSON is the identity on what the engine writes
// (seeds, with and without text and cross-check, and a dev set), and the reader names the
// field it refuses.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "report/build_report.h"
#include "report/html_view.h"
#include "report/report_json.h"
#include "report/text_view.h"
#include "report/view_labels.h"
#include "report_test_util.h"

namespace recoupe::report {
namespace {

using testing::run_recoupe;

const std::string kSeeds = std::string(RECOUPE_EXAMPLES_DIR) + "/vostochny";
const std::string kDevSet =
    std::string(RECOUPE_TEST_DIR) + "/../../shared/data/clustering/rpm2-fr-dev.jsonl";

// The document read and written again, byte for byte.
void expect_round_trip(const std::string& json) {
  ASSERT_FALSE(json.empty());
  Expected<Report> report = report_from_json(json);
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  EXPECT_EQ(to_json_text(*report), json);
}

TEST(ReportJson, SeedsRoundTrip) {
  const std::string json = run_recoupe("report " + kSeeds + " --format json");
  expect_round_trip(json);
  Expected<Report> report = report_from_json(json);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->articles.size(), 5u);
  ASSERT_EQ(report->stories.size(), 1u);
  const ReportStory& story = report->stories[0];
  EXPECT_TRUE(story.cross_checked);
  EXPECT_EQ(story.event_date, "2023-09-13");
  EXPECT_EQ(story.articles.size(), 5u);
  EXPECT_GE(story.summary.size(), 3u);
  EXPECT_FALSE(story.corroborated.empty());
  EXPECT_FALSE(story.quotes.empty());
  EXPECT_FALSE(story.entities.empty());
  for (const ReportArticle& a : report->articles) EXPECT_FALSE(a.text.has_value());
}

TEST(ReportJson, SeedsWithTextAndWithoutCrossCheckRoundTrip) {
  const std::string with_text = run_recoupe("report " + kSeeds + " --format json --with-text");
  expect_round_trip(with_text);
  Expected<Report> report = report_from_json(with_text);
  ASSERT_TRUE(report.ok());
  for (const ReportArticle& a : report->articles) EXPECT_TRUE(a.text && !a.text->empty()) << a.id;

  const std::string grouped = run_recoupe("report " + kSeeds + " --format json --no-cross-check");
  expect_round_trip(grouped);
  EXPECT_EQ(grouped.find("\"summary\""), std::string::npos);
  report = report_from_json(grouped);
  ASSERT_TRUE(report.ok());
  for (const ReportStory& s : report->stories) EXPECT_FALSE(s.cross_checked);
}

TEST(ReportJson, DevSetRoundTrip) {
  if (!std::filesystem::exists(kDevSet)) GTEST_SKIP() << "no ../shared/data";
  const std::string json = run_recoupe("report " + kDevSet + " --format json --with-text");
  expect_round_trip(json);
  Expected<Report> report = report_from_json(json);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->articles.size(), 200u);
  EXPECT_GT(report->stories.size(), 10u);
}

// The document carries everything the views show: a report read back from the JSON
// renders exactly as `recoupe report` renders the one it built.
TEST(ReportJson, ViewsOfTheReadBackReportMatchTheCommand) {
  Expected<Report> report =
      report_from_json(run_recoupe("report " + kSeeds + " --format json --with-text"));
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  const std::string lang = report_language(*report);
  EXPECT_EQ(lang, "fr");
  HtmlViewOptions html;
  html.lang = lang;
  EXPECT_EQ(render_html(*report, html),
            run_recoupe("report " + kSeeds + " --format html --with-text"));
  TextViewOptions text;  // as the command prints to a pipe: 100 columns, no colour
  text.lang = lang;
  EXPECT_EQ(render_text(*report, text),
            run_recoupe("report " + kSeeds + " --format text --color never"));
}

TEST(ReportJson, BuilderTakesTitleAndDateFromTheCrossCheck) {
  std::vector<Article> articles(2);
  articles[0].id = "a";
  articles[0].file = "a.txt";
  articles[0].text = "Text of a.";
  articles[0].words = 3;
  articles[1].id = "b";
  articles[1].source = "B";
  std::vector<Story> stories(2);
  stories[0].id = "s1";
  stories[0].title = "Grouping title";
  stories[0].event_date = "2020-01-01";
  stories[0].article_ids = {"a"};
  stories[1].id = "s2";
  stories[1].title = "Second";
  stories[1].article_ids = {"b"};
  CrossCheck cc;
  cc.title = "";  // no neutral title: unknown, not the grouping's
  cc.event_date = "2020-01-02";
  cc.quotes = {MergedQuote{"", "Hi", {"a"}, "full", {}}};
  const Report r = build_report(articles, {std::nullopt, std::string("a")}, stories, {cc}, true);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].text, "Text of a.");
  EXPECT_EQ(r.articles[1].duplicate_of, "a");
  ASSERT_EQ(r.stories.size(), 2u);
  EXPECT_TRUE(r.stories[0].cross_checked);
  EXPECT_FALSE(r.stories[0].title.has_value());
  EXPECT_EQ(r.stories[0].event_date, "2020-01-02");
  EXPECT_EQ(r.stories[0].quotes.size(), 1u);
  EXPECT_FALSE(r.stories[1].cross_checked);  // past the end of the checks
  EXPECT_EQ(r.stories[1].title, "Second");

  const std::string json = to_json_text(r);
  EXPECT_NE(json.find("\"speaker\": null"), std::string::npos);
  EXPECT_NE(json.find("\"title\": null"), std::string::npos);
  expect_round_trip(json);
}

// The error of reading `json`, as printed ("where: message"); "" when it reads.
std::string error_of(const std::string& json) {
  Expected<Report> r = report_from_json(json);
  return r.ok() ? "" : r.error().to_string();
}

TEST(ReportJson, ReaderNamesTheBadField) {
  const std::string article =
      R"({"id": "a", "file": "a.txt", "source": null, "title": "T", "published": null,
          "language": "fr", "words": 3, "duplicate_of": null})";
  const std::string story = R"({"id": "s", "title": null, "language": "fr", "event_date": null,
                                "articles": ["a"], "sources": []})";
  EXPECT_EQ(error_of(R"({"articles": [)" + article + R"(], "stories": [)" + story + "]}"), "");

  EXPECT_EQ(error_of("[]"), "report: expected an object");
  EXPECT_EQ(error_of(R"({"stories": []})"), "articles: missing");
  EXPECT_EQ(error_of(R"({"articles": {}, "stories": []})"), "articles: expected an array");
  EXPECT_EQ(error_of(R"({"articles": [1], "stories": []})"), "articles[0]: expected an object");
  EXPECT_EQ(error_of(R"({"articles": [{"id": 7}], "stories": []})"),
            "articles[0].id: expected a string");
  EXPECT_EQ(error_of(R"({"articles": [{"id": "a", "file": "f"}], "stories": []})"),
            "articles[0].source: missing");
  std::string bad_words = article;
  bad_words.replace(bad_words.find("\"words\": 3"), 10, "\"words\": \"many\"");
  EXPECT_EQ(error_of(R"({"articles": [)" + bad_words + R"(], "stories": []})"),
            "articles[0].words: expected a whole number >= 0");
  std::string bad_title = story;
  bad_title.replace(bad_title.find("\"title\": null"), 13, "\"title\": 42");
  EXPECT_EQ(error_of(R"({"articles": [], "stories": [)" + bad_title + "]}"),
            "stories[0].title: expected a string or null");

  // Cross-check sections: all or none; the items are checked field by field.
  std::string partial = story;
  partial.insert(partial.rfind('}'), R"(, "summary": [])");
  EXPECT_EQ(error_of(R"({"articles": [], "stories": [)" + partial + "]}"),
            "stories[0].corroborated: missing");
  std::string checked = story;
  checked.insert(checked.rfind('}'),
                 R"(, "summary": [], "corroborated": [], "single_source": [],
                    "disagreements": [], "entities": [], "timeline": [], "framing": [],
                    "quotes": [{"speaker": null, "text": "Hi", "articles": ["a", 3]}])");
  EXPECT_EQ(error_of(R"({"articles": [], "stories": [)" + checked + "]}"),
            "stories[0].quotes[0].articles[1]: expected a string");

  EXPECT_NE(error_of("{\"articles\": [").find("not JSON"), std::string::npos);
  // A number beyond a double is nlohmann's out_of_range, not parse_error (found by the fuzzer).
  EXPECT_NE(error_of("2E3333333333333333333333333333333333333332U").find("not JSON"),
            std::string::npos);
  EXPECT_NE(error_of("{\"articles\": [], \"stories\": 1E400}").find("not JSON"), std::string::npos);
  EXPECT_NE(error_of(std::string(100, '[') + std::string(100, ']')).find("nested deeper"),
            std::string::npos);
}

// What fuzz/fuzz_report_json checks, on deterministic damage to a real document: every
// refusal says why, and whatever reads writes, reads and writes again to the same text.
TEST(ReportJson, DamagedDocumentsAreRefusedOrStable) {
  const std::string json =
      testing::read_file(std::string(RECOUPE_TEST_DIR) + "/data/report_sample.json");
  ASSERT_FALSE(json.empty());
  int read = 0, refused = 0;
  auto check = [&](const std::string& doc) {
    Expected<Report> r = report_from_json(doc);
    if (!r.ok()) {
      ++refused;
      EXPECT_FALSE(r.error().message.empty());
      return;
    }
    ++read;
    const std::string once = to_json_text(*r);
    Expected<Report> again = report_from_json(once);
    ASSERT_TRUE(again.ok()) << again.error().to_string();
    EXPECT_EQ(to_json_text(*again), once);
  };
  check(json);
  for (size_t at = 0; at < json.size(); at += 97) {
    check(json.substr(0, at));                        // truncated
    check(json.substr(0, at) + json.substr(at + 1));  // one byte dropped
    std::string swapped = json;
    swapped[at] = swapped[at] == '"' ? '1' : '"';  // a quote appears or goes
    check(swapped);
  }
  EXPECT_GT(read, 10);
  EXPECT_GT(refused, 100);
}

TEST(ReportJson, OlderReportsWithoutAdditiveFieldsRead) {
  // The sample predates corroborated[].outlets on some claims and single_source[].articles.
  const Report sample = testing::load_sample();
  ASSERT_EQ(sample.stories.size(), 1u);
  const ReportStory& s = sample.stories[0];
  EXPECT_TRUE(s.cross_checked);
  bool counted = false, uncounted = false;
  for (const CorroboratedClaim& c : s.corroborated) (c.outlets > 0 ? counted : uncounted) = true;
  EXPECT_TRUE(counted && uncounted);
  for (const SingleSourceClaim& c : s.single_source) EXPECT_TRUE(c.articles.empty());
}

}  // namespace
}  // namespace recoupe::report
