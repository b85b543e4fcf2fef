// Outlets and links in a report: articles of unknown outlet never inflate a count, the URL
// is kept and linked, a day without its year says so. A small written report.
#include <gtest/gtest.h>

#include <string>

#include "report/html_view.h"
#include "report/report_json.h"
#include "report/text_view.h"
#include "report_test_util.h"

namespace recoupe::report {
namespace {

using testing::count;

ReportArticle article(std::string id, std::optional<std::string> source,
                      std::optional<std::string> url) {
  ReportArticle a;
  a.id = std::move(id);
  a.file = "in.jsonl";
  a.source = std::move(source);
  a.url = std::move(url);
  a.title = "Port reopens after strike";
  a.words = 120;
  return a;
}

Report small_report() {
  Report r;
  r.articles = {article("a1", "a.example", "https://a.example/port"),
                article("a2", std::nullopt, std::nullopt),
                article("a3", std::nullopt, std::nullopt),
                article("a4", std::nullopt, "javascript:alert(1)")};
  ReportStory s;
  s.id = "s1";
  s.title = "Port reopens after three weeks of strike";
  s.language = "en";
  s.event_date = "XXXX-07-02";
  s.articles = {"a1", "a2", "a3", "a4"};
  s.sources = {"a.example"};
  r.stories = {s};
  return r;
}

TEST(ReportOutlets, UnknownOutletsDoNotInflateTheStoryCount) {
  const std::string text = render_text(small_report(), {});
  // The story's line: its articles, then its named outlets only.
  const size_t at = text.find("(year not stated) · 4 articles");
  ASSERT_NE(at, std::string::npos) << text;
  const std::string line = text.substr(at, text.find('\n', at) - at);
  EXPECT_NE(line.find("1 outlet: a.example"), std::string::npos) << line;
  EXPECT_EQ(line.find("unknown"), std::string::npos) << line;
  // Each article of unknown outlet is listed as such among the sources, once each.
  EXPECT_EQ(count(text, "unknown outlet"), 3u) << text;
}

TEST(ReportOutlets, TheUrlIsKeptAndLinkedOnlyWhenItIsAWebAddress) {
  const Report r = small_report();
  const std::string json = to_json_text(r);
  EXPECT_NE(json.find("\"url\": \"https://a.example/port\""), std::string::npos);
  auto back = report_from_json(json);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(back->articles[0].url, "https://a.example/port");
  EXPECT_FALSE(back->articles[1].url.has_value());
  const std::string html = render_html(r, {});
  EXPECT_NE(html.find("<a href=\"https://a.example/port\" rel=\"noopener noreferrer\">"),
            std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
}

TEST(ReportOutlets, ADayWithoutItsYearSaysSo) {
  EXPECT_NE(render_text(small_report(), {}).find("07-02 (year not stated)"), std::string::npos);
  TextViewOptions fr;
  fr.lang = "fr";
  EXPECT_NE(render_text(small_report(), fr).find("07-02 (année non précisée)"), std::string::npos);
  EXPECT_NE(render_html(small_report(), {}).find("<time datetime=\"07-02\">"), std::string::npos);
}

}  // namespace
}  // namespace recoupe::report
