// bound_html_nesting (ingest/html_nesting.h): deep pages are flattened, normal ones untouched.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/html_nesting.h"

namespace recoupe::ingest {
namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

size_t count(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

TEST(BoundHtmlNesting, PageWithinTheLimitIsUnchanged) {
  std::string page =
      "<!DOCTYPE html><html><head><title>a<b</title><script>if (a<b) x='<div>';</script>"
      "<!-- <div><div><div> --></head><body><div class=\"x>y\"><p>one<p>two<br><img src=x>"
      "<ul><li>a<li>b</ul><svg><path d='M0'/><circle/></svg></div></body></html>";
  bool flattened = true;
  EXPECT_EQ(bound_html_nesting(page, 3, &flattened), page);
  EXPECT_FALSE(flattened);
}

TEST(BoundHtmlNesting, DeepDivsKeepTheirText) {
  std::string page = repeat("<div>", 100000) + "<p>deep words</p>" + repeat("</div>", 100000);
  bool flattened = false;
  auto start = std::chrono::steady_clock::now();
  std::string out = bound_html_nesting(page, 512, &flattened);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(flattened);
  EXPECT_EQ(count(out, "<div>"), 512u);
  EXPECT_EQ(count(out, "</div>"), 512u);
  EXPECT_NE(out.find("<p>deep words</p>"), std::string::npos);
  EXPECT_LT(seconds, 2.0);  // linear: ~10 ms in Release
}

TEST(BoundHtmlNesting, DeepFormattingElementsNeverClosed) {
  std::string page = "<body>" + repeat("<b><i>", 50000) + "text" + "</body>";
  std::string out = bound_html_nesting(page, 512);
  EXPECT_EQ(count(out, "<b>") + count(out, "<i>"), 512u);
  EXPECT_NE(out.find("text"), std::string::npos);
  // Inline tags leave no space behind: a word split by them stays one word.
  std::string word = repeat("<span>", 600) + "wo<b>rd</b>" + repeat("</span>", 600);
  EXPECT_NE(bound_html_nesting(word, 512).find("word"), std::string::npos);
}

TEST(BoundHtmlNesting, DroppedBlocksLeaveASpace) {
  std::string out = bound_html_nesting("<div><div>one</div><div>two</div></div>", 1);
  EXPECT_EQ(out, "<div> one  two </div>");
}

TEST(BoundHtmlNesting, EndTagsCloseForgottenInnerElements) {
  // 1000 sections each with an unclosed <span>: </div> closes them, so depth stays 2.
  std::string page = "<body>" + repeat("<div><span>x</div>", 1000) + "</body>";
  bool flattened = true;
  EXPECT_EQ(bound_html_nesting(page, 3, &flattened), page);
  EXPECT_FALSE(flattened);
  // Stray end tags with no open element are ignored (kept as they are).
  EXPECT_EQ(bound_html_nesting(repeat("</div>", 10), 1), repeat("</div>", 10));
}

TEST(BoundHtmlNesting, RepeatedAnchorsDoNotNest) {
  std::string page = repeat("<a href=x>link ", 2000);
  bool flattened = true;
  EXPECT_EQ(bound_html_nesting(page, 10, &flattened), page);
  EXPECT_FALSE(flattened);
}

TEST(BoundHtmlNesting, SelfClosingDivIsNotSelfClosingInHtml) {
  // In HTML "<div/>" opens a div (the slash is ignored); only inside <svg> does "/>" close.
  std::string out = bound_html_nesting(repeat("<div/>", 100) + "x", 10);
  EXPECT_EQ(count(out, "<div/>"), 10u);
}

TEST(BoundHtmlNesting, NestedTablesAreBounded) {
  std::string out = bound_html_nesting(repeat("<table><tr><td>", 30000) + "cell", 512);
  EXPECT_EQ(count(out, "<table>"), 512u);
}

TEST(BoundHtmlNesting, UnterminatedConstructsAtTheEnd) {
  for (std::string s : {"<div", "<!-- never closed", "<script>never", "<a title=\"x", "<", "</",
                        "<?xml", "<!doctype"}) {
    std::string page = repeat("<div>", 20) + s;
    std::string out = bound_html_nesting(page, 5);
    EXPECT_EQ(count(out, "<div>"), 5u) << s;
  }
}

}  // namespace
}  // namespace recoupe::ingest
