// Attributes per HTML element are bounded before libxml2 (extract/html_attributes.h).
#include "extract/html_attributes.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/html_dom.h"

namespace recoupe::extract {
namespace {

std::string many_attributes(size_t n) {
  std::string tag;
  for (size_t i = 0; i < n; ++i)
    tag += " data-a" + std::to_string(i) + "=\"" + std::to_string(i) + "\"";
  return tag;
}

TEST(HtmlAttributes, APageWithinTheLimitIsLeftAlone) {
  std::string out = "untouched";
  EXPECT_FALSE(bound_html_attributes("<div id=a class='b c' hidden>text</div>", 3, &out));
  EXPECT_EQ(out, "untouched");
}

TEST(HtmlAttributes, ATagIsCutAfterItsFirstAttributesAndKeepsItsText) {
  std::string html = "<p>before</p><div id=\"keep\"" + many_attributes(10) + ">inside</div>";
  std::string out;
  ASSERT_TRUE(bound_html_attributes(html, 3, &out));
  EXPECT_EQ(out, "<p>before</p><div id=\"keep\" data-a0=\"0\" data-a1=\"1\">inside</div>");
}

TEST(HtmlAttributes, QuotedValuesMayHoldGreaterThanSigns) {
  std::string html = "<a title='x > y' b c d e>link</a>";
  std::string out;
  ASSERT_TRUE(bound_html_attributes(html, 2, &out));
  EXPECT_EQ(out, "<a title='x > y' b>link</a>");
}

TEST(HtmlAttributes, ScriptsAndCommentsAreNotCut) {
  std::string script = "<script>var s = '<b" + many_attributes(5) + ">';</script>";
  std::string comment = "<!-- <i" + many_attributes(5) + "> -->";
  std::string out;
  EXPECT_FALSE(bound_html_attributes(script + comment + "<p a b>x</p>", 2, &out));
}

TEST(HtmlAttributes, TheDomKeepsTheFirstAttributesOfAHostileTag) {
  // The known attribute after the limit is dropped, the one before it kept; the text stays.
  std::string html = "<html><body><div id=\"first\"" + many_attributes(kMaxHtmlAttributes + 10) +
                     " class=\"late\"><p>Le texte reste.</p></div></body></html>";
  Dom dom = parse_html(html);
  bool saw_id = false, saw_late_class = false;
  for (uint32_t n = 0; n < dom.nodes.size(); ++n) {
    saw_id |= dom.attr(n, Attr::kId) == "first";
    saw_late_class |= dom.attr(n, Attr::kClass) == "late";
  }
  EXPECT_TRUE(saw_id);
  EXPECT_FALSE(saw_late_class);
  EXPECT_NE(dom.text.find("Le texte reste."), std::string::npos);
}

}  // namespace
}  // namespace recoupe::extract
