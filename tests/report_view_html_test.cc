// The HTML view: a self-contained page on the sample report, every string escaped,
// citations that resolve, graceful on broken reports.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "report/html_view.h"
#include "report_test_util.h"

namespace recoupe::report {
namespace {

using testing::count;
using testing::load_sample;

TEST(HtmlView, SampleFixtureFollowsFormatsMd) {
  // The fixture must stay a faithful report document, or the view tests prove nothing.
  using Json = nlohmann::json;
  const Json report =
      Json::parse(testing::read_file(std::string(RECOUPE_TEST_DIR) + "/data/report_sample.json"));
  for (const Json& a : report.at("articles"))
    for (const char* key :
         {"id", "file", "source", "title", "published", "language", "words", "duplicate_of"})
      EXPECT_TRUE(a.contains(key)) << key;
  ASSERT_EQ(report.at("stories").size(), 1u);
  const Json& s = report["stories"][0];
  for (const char* key :
       {"id", "title", "language", "event_date", "articles", "sources", "summary", "corroborated",
        "single_source", "disagreements", "quotes", "entities", "timeline", "framing"})
    EXPECT_TRUE(s.contains(key)) << key;
  EXPECT_EQ(s["articles"].size(), 5u);
  EXPECT_EQ(s["event_date"], "2023-09-13");
}

TEST(HtmlView, IsOneSelfContainedPage) {
  const std::string html = render_html(load_sample(), {});
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("name=\"viewport\""), std::string::npos);
  EXPECT_NE(html.find("<style>\n/* recoupe HTML report."), std::string::npos);  // web/report.css
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("//cdn"), std::string::npos);
  EXPECT_EQ(count(html, "<script>"), 1u);  // web/report.js, inline
  EXPECT_NE(html.rfind("</html>\n"), std::string::npos);
}

TEST(HtmlView, SampleShowsEveryPartOfTheStory) {
  const std::string html = render_html(load_sample(), {});
  EXPECT_NE(html.find("<title>Vladimir Poutine et Kim Jong-un se rencontrent"), std::string::npos);
  EXPECT_NE(html.find("1 story · 5 articles · 4 outlets"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2023-09-13\">2023-09-13</time> · 5 articles · 4 outlets: "
                      "<span class=\"outlet\">Minute.bf</span>"),
            std::string::npos);
  for (const char* heading :
       {"<h3>Summary</h3>", "<h3>Agreed by several outlets</h3>", "<h3>Only one outlet</h3>",
        "<h3>Where they differ</h3>", "<h3>Who said what</h3>", "<h3>Timeline</h3>",
        "<h3>Framing</h3>", "<h3>Sources</h3>", "<h2>Articles</h2>"})
    EXPECT_NE(html.find(heading), std::string::npos) << heading;
  // Single source, its outlet and its citation.
  EXPECT_NE(html.find("serré la main pendant 40 secondes.</span> <span class=\"badge\">PressTV"
                      "</span><span class=\"cites\">&#160;<a href=\"#a5\""),
            std::string::npos);
  // Corroborated with the outlet count.
  EXPECT_NE(html.find("à construire des satellites.</span> <span class=\"badge\" "
                      "title=\"latribune.fr, Le HuffPost, PressTV, unknown outlet\">4 outlets"),
            std::string::npos);
  // Disagreements are highlighted blocks with each version and who says it.
  EXPECT_NE(html.find("<div class=\"disagreement\">"), std::string::npos);
  EXPECT_NE(html.find("<q class=\"value\" lang=\"fr\">Moscou (légende de la photo)</q> <span "
                      "class=\"who\">— PressTV</span>"),
            std::string::npos);
  // Quotes: blockquote + speaker; translation variants folded in a <details>.
  EXPECT_NE(html.find("<blockquote lang=\"fr\"><p>Je suis sûr que nous resterons unis pour lutter "
                      "contre l&#39;impérialisme</p></blockquote>\n<figcaption>— <span "
                      "class=\"speaker\">Kim Jong-un</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<summary>Other wordings (1)</summary>"), std::string::npos);
  // Entity chips carry aliases on hover.
  EXPECT_NE(html.find("<li class=\"chip person\" title=\"also: Kim, Kim Jong Un, Kim-Jong-Un, KJU "
                      "· 29 mentions, 5 articles\">Kim Jong-un"),
            std::string::npos);
  EXPECT_NE(html.find("<li class=\"chip other\""), std::string::npos);
  // Timeline as an ordered list with precision.
  EXPECT_NE(html.find("<ol class=\"timeline\">\n<li><time datetime=\"2019\">2019</time><span "
                      "class=\"precision\">(year)</span>"),
            std::string::npos);
  // Framing: outlet, headline, distinctive terms.
  EXPECT_NE(html.find("<span class=\"term\" lang=\"fr\">bataille sacrée</span>"),
            std::string::npos);
  // Article list: full text in <details>, language, words.
  EXPECT_NE(html.find("<li id=\"a5\"><span class=\"num\">[5]</span><span "
                      "class=\"outlet\">PressTV</span> — <cite lang=\"fr\">Pyongyang aux côtés"),
            std::string::npos);
  EXPECT_EQ(count(html, "<summary>Full text</summary>"), 5u);
  EXPECT_NE(html.find("<p>Les deux hommes se sont serrés la main - pendant 40 secondes"),
            std::string::npos);
}

TEST(HtmlView, EveryCitationLinksToAListedArticle) {
  const std::string html = render_html(load_sample(), {});
  std::set<std::string> ids;
  const std::regex id_re("<li id=\"(a[0-9]+)\">");
  for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it)
    ids.insert((*it)[1]);
  EXPECT_EQ(ids.size(), 5u);
  const std::regex href_re("href=\"#(a[0-9]+)\"");
  size_t links = 0;
  for (std::sregex_iterator it(html.begin(), html.end(), href_re), end; it != end; ++it, ++links)
    EXPECT_TRUE(ids.count((*it)[1])) << (*it)[1];
  EXPECT_GT(links, 40u);
}

// A quote in two wordings is one remark printed two ways: its block is marked "wording" (the
// page sets it apart from the facts in dispute) and labelled so.
TEST(HtmlView, AQuoteInTwoWordingsIsSetApartFromDisputes) {
  Report report = load_sample();
  report.stories.front().disagreements.push_back(
      {"Ken Salazar", "quote", {{"the right thing", {"a1"}}, {"the correct thing", {"a2"}}}});
  const std::string html = render_html(report, {});
  EXPECT_NE(html.find("<div class=\"disagreement wording\">\n<p class=\"about\"><span "
                      "lang=\"fr\">Ken Salazar</span> <span class=\"tag\">quote worded "
                      "differently</span>"),
            std::string::npos);
  EXPECT_NE(html.find(".disagreement.wording"), std::string::npos);         // its style is shipped
  EXPECT_NE(html.find("<div class=\"disagreement\">"), std::string::npos);  // facts stay
}

TEST(HtmlView, FrenchLabels) {
  HtmlViewOptions options;
  options.lang = "fr";
  const std::string html = render_html(load_sample(), options);
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"fr\">", 0), 0u);
  for (const char* heading : {"<h3>Recoupé par plusieurs médias</h3>", "<h3>Une seule source</h3>",
                              "<h3>Divergences</h3>", "<h3>Qui a dit quoi</h3>",
                              "<h3>Chronologie</h3>", "<h3>Angles</h3>", "<h3>Résumé</h3>"})
    EXPECT_NE(html.find(heading), std::string::npos) << heading;
  EXPECT_NE(html.find("1 sujet · 5 articles · 4 médias"), std::string::npos);
  EXPECT_NE(html.find("<summary>Texte intégral</summary>"), std::string::npos);
}

TEST(HtmlView, EscapesEveryString) {
  const std::string attack = "<script>alert(1)</script>";
  const std::string attr = "\" onmouseover=\"alert(2)";
  const std::string img = "'><img src=x onerror=alert(3)>";
  Report report;
  ReportArticle& a = report.articles.emplace_back();
  a.id = attr + "id";
  a.source = attack;
  a.title = img;
  a.published = attr;
  a.language = "fr\" onload=\"x";
  a.duplicate_of = "</li><script>";
  a.text = "para </details>" + attack + "\n\nnext";
  ReportStory story;
  story.id = attack;
  story.title = attack;
  story.language = "x\"><script>";
  story.event_date = attr;
  story.articles = {attr + "id"};
  story.sources = {attack};
  story.cross_checked = true;
  story.summary = {{attack, {attr + "id"}}};
  story.corroborated = {{img, {attr + "id", img}, 0}};
  story.single_source = {{attack, attr + "id", {}}};
  story.disagreements = {{attack, img, {{attr, {img}}}}};
  story.quotes = {{attr, attack, {attr + "id"}, img, {{img, {}}}}};
  story.entities = {{attack, attr, {attr, img}, 2, {}}};
  story.timeline = {{attr, img, attack, {}}};
  story.framing = {{attr + "id", img, {attack}}};
  report.stories.push_back(story);
  HtmlViewOptions options;
  options.title = attack;
  const std::string html = render_html(report, options);
  EXPECT_EQ(count(html, "<script>"), 1u) << html;  // only the page's own
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("\" onmouseover"), std::string::npos);
  EXPECT_EQ(html.find("' onerror"), std::string::npos);
  EXPECT_EQ(html.find("\" onload"), std::string::npos);
  EXPECT_EQ(html.find("</details><script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot; onmouseover=&quot;alert(2)"), std::string::npos);
  EXPECT_NE(html.find("&#39;&gt;&lt;img src=x onerror=alert(3)&gt;"), std::string::npos);
  // A language code that is not one is dropped, not escaped into an attribute.
  EXPECT_EQ(html.find("lang=\"x"), std::string::npos);
  EXPECT_EQ(html.find("lang=\"fr&quot;"), std::string::npos);
}

TEST(HtmlView, EmptyAndUnknownPartsRenderGracefully) {
  const std::string empty = render_html(Report{}, {});
  EXPECT_NE(empty.find("0 stories · 0 articles · 0 outlets"), std::string::npos);
  EXPECT_NE(empty.find("No story found."), std::string::npos);
  EXPECT_NE(empty.find("<title>Cross-checked stories</title>"), std::string::npos);
  EXPECT_EQ(empty.find("id=\"articles\""), std::string::npos);

  Report two;
  two.stories.emplace_back();
  two.stories.emplace_back().title = "Second";
  const std::string bare = render_html(two, {});
  EXPECT_NE(bare.find("(untitled story)"), std::string::npos);
  EXPECT_NE(bare.find("<ol class=\"toc\">"), std::string::npos);  // several stories: contents
  EXPECT_NE(bare.find("<a href=\"#s2\">Second</a>"), std::string::npos);
  EXPECT_EQ(bare.find("<section"), std::string::npos);  // no empty parts

  Report odd;
  ReportArticle& a = odd.articles.emplace_back();
  a.id = "a";
  a.duplicate_of = "b";
  ReportArticle& b = odd.articles.emplace_back();
  b.id = "b";
  b.source = "B";
  b.text = "";
  ReportStory story;
  story.articles = {"a", "b", "ghost"};
  story.cross_checked = true;
  story.quotes = {{"", "Hi", {}, "", {}}, {"S", "", {}, "", {}}};
  story.entities = {{"X", "", {}, 0, {}}};
  story.disagreements = {{"A", "", {}}};
  story.timeline = {{"", "", "w", {}}};
  odd.stories.push_back(story);
  const std::string html = render_html(odd, {});
  EXPECT_NE(html.find("— <span class=\"speaker\">Unattributed</span>"), std::string::npos);
  EXPECT_NE(html.find("<li class=\"chip other\">X</li>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"dup\">reprint of <a href=\"#a2\">[2]</a></span>"),
            std::string::npos);
  EXPECT_NE(html.find("<li id=\"a3\"><span class=\"num\">[3]</span><span class=\"outlet\">unknown "
                      "outlet</span> — <cite>ghost</cite>"),
            std::string::npos);
  EXPECT_EQ(html.find("<summary>Full text</summary>"), std::string::npos);  // no usable text
}

}  // namespace
}  // namespace recoupe::report
