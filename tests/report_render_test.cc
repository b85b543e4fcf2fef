// report::render, the one entry to the three views: each format gives exactly what its
// view gives, and an empty lang falls back to the report's own language.
#include <gtest/gtest.h>

#include "report/html_view.h"
#include "report/render.h"
#include "report/report_json.h"
#include "report/text_view.h"
#include "report/view_labels.h"
#include "report_test_util.h"

namespace recoupe::report {
namespace {

TEST(Render, ParsesTheThreeFormatsAndNothingElse) {
  EXPECT_EQ(parse_view_format("text"), ViewFormat::kText);
  EXPECT_EQ(parse_view_format("json"), ViewFormat::kJson);
  EXPECT_EQ(parse_view_format("html"), ViewFormat::kHtml);
  EXPECT_FALSE(parse_view_format("JSON"));
  EXPECT_FALSE(parse_view_format(""));
  EXPECT_FALSE(parse_view_format("markdown"));
}

TEST(Render, EachFormatIsItsView) {
  const Report sample = testing::load_sample();
  ViewChoice view;
  view.format = ViewFormat::kJson;
  EXPECT_EQ(render(sample, view), to_json_text(sample));

  view.format = ViewFormat::kText;
  view.lang = "fr";
  view.width = 60;
  view.color = true;
  TextViewOptions text;
  text.lang = "fr";
  text.width = 60;
  text.color = true;
  EXPECT_EQ(render(sample, view), render_text(sample, text));

  view.format = ViewFormat::kHtml;
  HtmlViewOptions html;
  html.lang = "fr";
  EXPECT_EQ(render(sample, view), render_html(sample, html));
}

TEST(Render, EmptyLangIsTheReportsLanguage) {
  const Report sample = testing::load_sample();
  const std::string own = report_language(sample);
  ASSERT_FALSE(own.empty());
  ViewChoice view;
  view.format = ViewFormat::kHtml;
  HtmlViewOptions html;
  html.lang = own;
  EXPECT_EQ(render(sample, view), render_html(sample, html));
  // Another language gives another page: the fallback is not a constant.
  html.lang = own == "fr" ? "en" : "fr";
  EXPECT_NE(render(sample, view), render_html(sample, html));
}

TEST(Render, AFileGetsWidth100AndColorOnlyWhenAlways) {
  ViewChoice file = view_for_output(ViewFormat::kText, "en", ColorMode::kAuto, false);
  EXPECT_EQ(file.width, 100);
  EXPECT_FALSE(file.color);
  EXPECT_EQ(file.lang, "en");
  EXPECT_TRUE(view_for_output(ViewFormat::kText, "", ColorMode::kAlways, false).color);
  EXPECT_FALSE(view_for_output(ViewFormat::kText, "", ColorMode::kNever, false).color);
}

}  // namespace
}  // namespace recoupe::report
