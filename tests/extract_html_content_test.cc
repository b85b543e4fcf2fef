// Main-content extraction rules on small pages (html_content, html_dom, html_extractor).
#include <gtest/gtest.h>

#include <string>

#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_extractor.h"
#include "extract/html_resources.h"
#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

std::string joined(const HtmlExtraction& e) {
  std::string out;
  for (const auto& p : e.paragraphs) out += p + "\n";
  return out;
}

const char* kArticle =
    "<p>The council voted on Tuesday to extend the tram line by four kilometres, a decision "
    "that residents of the northern districts had awaited for more than a decade.</p>"
    "<p>Construction is expected to start next spring, and the mayor said the city would "
    "seek regional funding for about half of the cost, which is estimated at 120 million.</p>"
    "<p>Opponents argued that buses would serve the area just as well, at a fraction of the "
    "price, but the motion passed with a comfortable majority after a long debate.</p>";

TEST(HtmlContent, KeepsArticleDropsNavigationAndFooter) {
  std::string html = std::string(
                         "<html><body><nav><ul><li><a href=/>Home</a></li><li><a "
                         "href=/w>World</a></li></ul></nav><div id=main><h2>Tram line "
                         "extended</h2>") +
                     kArticle +
                     "</div><footer><p>Copyright 2023 Example Media, all rights reserved, "
                     "no reproduction.</p></footer></body></html>";
  std::string text = joined(extract_html(html, recoupe::testing::shipped_resources().html()));
  EXPECT_NE(text.find("The council voted on Tuesday"), std::string::npos);
  EXPECT_NE(text.find("comfortable majority"), std::string::npos);
  EXPECT_NE(text.find("Tram line extended"), std::string::npos);  // heading inside the body
  EXPECT_EQ(text.find("World"), std::string::npos);
  EXPECT_EQ(text.find("Copyright"), std::string::npos);
}

TEST(HtmlContent, ClassCuesPruneShareCommentsAndRelated) {
  std::string html = std::string("<html><body><div class=article-body>") + kArticle +
                     "<div class=share-buttons><p>Share this article on all the social "
                     "networks you like, it helps us a lot.</p></div></div>"
                     "<div id=comments><p>I think this tram is a waste of money, honestly, "
                     "and nobody asked us about it, as usual.</p></div>"
                     "<div class=related-posts><p>Another story about trams, buses and "
                     "bicycles, with many commas, words, and more.</p></div></body></html>";
  std::string text = joined(extract_html(html, recoupe::testing::shipped_resources().html()));
  EXPECT_NE(text.find("The council voted"), std::string::npos);
  EXPECT_EQ(text.find("Share this article"), std::string::npos);
  EXPECT_EQ(text.find("waste of money"), std::string::npos);
  EXPECT_EQ(text.find("Another story"), std::string::npos);
}

TEST(HtmlContent, WrapperWithChromeClassHoldingTheArticleIsKept) {
  std::string html = std::string("<html><body><div class=content-sidebar-wrap><article>") +
                     kArticle +
                     "</article><div class=sidebar><p>Popular now</p></div>"
                     "</div></body></html>";
  std::string text = joined(extract_html(html, recoupe::testing::shipped_resources().html()));
  EXPECT_NE(text.find("The council voted"), std::string::npos);
  EXPECT_EQ(text.find("Popular now"), std::string::npos);
}

TEST(HtmlContent, LinkDenseBlocksAreDropped) {
  std::string html = std::string("<html><body><div class=story>") + kArticle +
                     "<ul><li><a href=/a>Tram fares rise again next year in the region</a></li>"
                     "<li><a href=/b>New bicycle lanes open along the river front</a></li>"
                     "<li><a href=/c>Bus drivers strike for better working hours</a></li></ul>"
                     "</div></body></html>";
  std::string text = joined(extract_html(html, recoupe::testing::shipped_resources().html()));
  EXPECT_NE(text.find("The council voted"), std::string::npos);
  EXPECT_EQ(text.find("Tram fares rise"), std::string::npos);
}

TEST(HtmlContent, ScriptsStylesTemplatesNeverInText) {
  std::string html = std::string("<html><head><style>p{color:red}</style></head><body><div>") +
                     "<script>var secret = 'SCRIPTTEXT';</script><noscript>NOSCRIPTTEXT</noscript>"
                     "<template><p>TEMPLATETEXT</p></template>" +
                     kArticle + "</div></body></html>";
  std::string text = joined(extract_html(html, recoupe::testing::shipped_resources().html()));
  EXPECT_NE(text.find("The council voted"), std::string::npos);
  for (const char* bad : {"SCRIPTTEXT", "NOSCRIPTTEXT", "TEMPLATETEXT", "color:red"})
    EXPECT_EQ(text.find(bad), std::string::npos) << bad;
}

TEST(HtmlContent, ShortFirstParagraphAndBrLinesKept) {
  std::string html = std::string("<html><body><div class=entry-content><p>Berlin.</p>") + kArticle +
                     "<p>Line one<br>Line two</p></div></body></html>";
  HtmlExtraction e = extract_html(html, recoupe::testing::shipped_resources().html());
  std::string text = joined(e);
  EXPECT_NE(text.find("Berlin."), std::string::npos);
  EXPECT_NE(text.find("Line one\nLine two\n"), std::string::npos);  // <br> separates blocks
}

TEST(HtmlContent, JsonLdArticleBodyReplacesAMissingDomBody) {
  std::string body =
      "The museum reopened on Sunday after three years of renovation work that cost far more "
      "than planned. Visitors queued from early morning to see the restored hall, the new "
      "lighting and the collection of medieval maps that had been stored away since 2019. "
      "The director thanked the donors and said the museum would now open every day of the "
      "week, including holidays, and that entry would stay free for children under twelve. ";
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":"
      "\"NewsArticle\",\"headline\":\"Museum reopens\",\"articleBody\":\"" +
      body + "\"}</script></head><body><div id=app><p>" + body.substr(0, 120) +
      "</p></div></body></html>";
  HtmlExtraction e = extract_html(html, recoupe::testing::shipped_resources().html());
  std::string text = joined(e);
  EXPECT_NE(text.find("entry would stay free for children"), std::string::npos);
  EXPECT_EQ(e.meta.title.value_or(""), "Museum reopens");
}

TEST(HtmlContent, JsonLdBodyInconsistentWithPageIsIgnored) {
  std::string body(600, 'x');
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
      "\"articleBody\":\"" +
      body +
      "\"}</script></head><body><p>Short page "
      "about something else entirely, not the body.</p></body></html>";
  std::string text = joined(extract_html(html, recoupe::testing::shipped_resources().html()));
  EXPECT_EQ(text.find("xxxxxxxxxx"), std::string::npos);
}

TEST(HtmlDom, HundredThousandNestedDivsDoNotOverflow) {
  std::string html = "<html><body><p>Before the deep part.</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += std::string("<p>Inside the deep part.</p>") + kArticle;
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>After the deep part.</p></body></html>";
  Dom dom = parse_html(html);
  int max_depth = 0;
  for (const auto& n : dom.nodes) max_depth = std::max<int>(max_depth, n.depth);
  EXPECT_LE(max_depth, kMaxDomDepth + 1);
  std::string all = dom.subtree_text(0);
  EXPECT_NE(all.find("Inside the deep part."), std::string::npos);
  EXPECT_NE(all.find("After the deep part."), std::string::npos);
  HtmlExtraction e = extract_html(
      html,
      recoupe::testing::shipped_resources().html());  // the whole pipeline, no recursion either
  EXPECT_NE(joined(e).find("comfortable majority"), std::string::npos);
}

TEST(HtmlDom, TruncatedAndJunkInputNeverFail) {
  std::string html = std::string("<html><body><div class=article-body>") + kArticle;
  html.resize(html.size() - 40);  // cut inside the last paragraph, tags left open
  HtmlExtraction e = extract_html(html, recoupe::testing::shipped_resources().html());
  EXPECT_NE(joined(e).find("The council voted"), std::string::npos);
  EXPECT_TRUE(extract_html("", recoupe::testing::shipped_resources().html()).paragraphs.empty());
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 255 + 1);
  (void)extract_html(junk, recoupe::testing::shipped_resources().html());
  (void)extract_html("<<<>>></div></p><p <a href='", recoupe::testing::shipped_resources().html());
}

TEST(HtmlDom, SubtreeRangesAndAttributes) {
  Dom dom = parse_html(
      "<html lang=fr><body><div id=x class='a b'><p>Un</p><p>Deux</p></div>"
      "</body></html>");
  uint32_t div = kNoNode;
  for (uint32_t i = 0; i < dom.nodes.size(); ++i)
    if (dom.nodes[i].tag == Tag::kDiv) div = i;
  ASSERT_NE(div, kNoNode);
  EXPECT_EQ(dom.attr(div, Attr::kId), "x");
  EXPECT_EQ(dom.attr(div, Attr::kClass), "a b");
  EXPECT_EQ(dom.subtree_text(div), "Un Deux");
  for (uint32_t i = div + 1; i < dom.nodes[div].end; ++i) EXPECT_TRUE(dom.inside(i, div));
}

TEST(HtmlContent, BoilerplateMaskMarksChromeButNotMain) {
  const HtmlResources& res = recoupe::testing::shipped_resources().html();
  Dom dom = parse_html(
      "<html><body><div class=cookie-banner>Accept</div><main class=menu-open>"
      "<p>Text</p></main><div hidden>Hidden</div></body></html>");
  std::vector<char> mask = boilerplate_mask(dom, res);
  for (uint32_t i = 0; i < dom.nodes.size(); ++i) {
    std::string_view cls = dom.attr(i, Attr::kClass);
    if (cls == "cookie-banner") EXPECT_TRUE(mask[i]);
    if (dom.nodes[i].tag == Tag::kMain) EXPECT_FALSE(mask[i]);
    if (dom.has_attr(i, Attr::kHidden)) EXPECT_TRUE(mask[i]);
  }
}

}  // namespace
}  // namespace recoupe::extract
