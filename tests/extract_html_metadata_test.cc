// HTML metadata rules: sources in order of trust, title cleanup, date refusal, agencies.
#include <gtest/gtest.h>

#include <string>

#include "extract/html_extractor.h"
#include "extract/html_metadata.h"
#include "extract/html_resources.h"
#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

const char* kBody =
    "<div class=article-body><p>The council voted on Tuesday to extend the tram line by four "
    "kilometres, a decision that residents had awaited for more than a decade, and the mayor "
    "welcomed it.</p><p>Construction is expected to start next spring, the city said, with "
    "regional funding for about half of the cost, estimated at 120 million.</p></div>";

TEST(HtmlMetadata, JsonLdWinsForDateAuthorPublisher) {
  std::string html = std::string(
                         "<html lang=en-GB><head><title>Tram line extended | Example News</title>"
                         "<meta name=author content='Meta Author'>"
                         "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
                         "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example\"},{\"@type\":"
                         "\"NewsArticle\",\"headline\":\"Tram line extended\",\"datePublished\":"
                         "\"2023-09-13T08:30:00+02:00\",\"author\":[{\"@type\":\"Person\",\"name\":"
                         "\"Jane Doe\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":"
                         "\"Example News\"}}]}</script></head><body>") +
                     kBody + "</body></html>";
  PageMetadata m = extract_html(html, recoupe::testing::shipped_resources().html()).meta;
  EXPECT_EQ(m.title.value_or(""), "Tram line extended");
  EXPECT_EQ(m.published.value_or(""), "2023-09-13T08:30:00+02:00");
  EXPECT_EQ(m.author.value_or(""), "Jane Doe");
  EXPECT_EQ(m.source.value_or(""), "Example News");
  EXPECT_EQ(m.language.value_or(""), "en");
}

TEST(HtmlMetadata, OpenGraphMetaCanonicalAndRelAuthor) {
  std::string html =
      std::string(
          "<html><head><meta property='og:title' content='Tram line extended'>"
          "<meta property='og:site_name' content='Example News'>"
          "<meta property='article:published_time' content='2023-09-12'>"
          "<link rel=canonical href='https://www.example.com/city/tram'></head><body>"
          "<a rel=author href=/jd>By John Smith</a>") +
      kBody + "</body></html>";
  PageMetadata m = extract_html(html, recoupe::testing::shipped_resources().html()).meta;
  EXPECT_EQ(m.title.value_or(""), "Tram line extended");
  EXPECT_EQ(m.source.value_or(""), "Example News");
  EXPECT_EQ(m.published.value_or(""), "2023-09-12");
  EXPECT_EQ(m.author.value_or(""), "John Smith");
  EXPECT_EQ(m.url.value_or(""), "https://www.example.com/city/tram");
}

TEST(HtmlMetadata, TitleSuffixNamingTheSiteIsCut) {
  EXPECT_EQ(clean_title("Tram line extended | Example News", "Example News"), "Tram line extended");
  EXPECT_EQ(clean_title("Tram line extended - Example", "example.com"), "Tram line extended");
  EXPECT_EQ(clean_title("Example News: Tram line extended in the north", "Example News"),
            "Example News: Tram line extended in the north");  // not a separator we cut
  EXPECT_EQ(clean_title("Example News | Tram line extended", "Example News"), "Tram line extended");
  // A dash inside the headline is kept when the tail does not name the site.
  EXPECT_EQ(clean_title("Paris - Berlin by night train", "Example News"),
            "Paris - Berlin by night train");
}

TEST(HtmlMetadata, HostOfCanonicalUrlWhenNoSiteName) {
  std::string html = std::string(
                         "<html><head><link rel=canonical "
                         "href='https://www.example.org/a'></head><body>") +
                     kBody + "</body></html>";
  EXPECT_EQ(
      extract_html(html, recoupe::testing::shipped_resources().html()).meta.source.value_or(""),
      "example.org");
}

TEST(HtmlMetadata, DatesAreNormalizedOrRefused) {
  EXPECT_EQ(normalize_date("2023-09-13").value_or(""), "2023-09-13");
  EXPECT_EQ(normalize_date("2023-09-13T08:30:00Z").value_or(""), "2023-09-13T08:30:00Z");
  EXPECT_EQ(normalize_date("2023-09-13 08:30").value_or(""), "2023-09-13T08:30:00");
  EXPECT_EQ(normalize_date("13.09.2023").value_or(""), "2023-09-13");
  EXPECT_FALSE(normalize_date("1970-01-01"));  // epoch placeholder
  EXPECT_FALSE(normalize_date("2023-13-45"));
  EXPECT_FALSE(normalize_date("2999-01-01"));  // future
  EXPECT_FALSE(normalize_date("yesterday"));
  EXPECT_FALSE(normalize_date("09/13/2023"));  // ambiguous order
}

TEST(HtmlMetadata, DateFromUrlPath) {
  EXPECT_EQ(date_from_url("https://x.org/2023/09/13/story").value_or(""), "2023-09-13");
  EXPECT_EQ(date_from_url("https://x.org/news/20230913/story").value_or(""), "2023-09-13");
  EXPECT_FALSE(date_from_url("https://x.org/2023/99/13/story"));
  EXPECT_FALSE(date_from_url("https://x.org/item/123456789"));
}

TEST(HtmlMetadata, TimeOutsideTheArticleIsChrome) {
  // The only date is a <time> in the site header (today's date widget): refused.
  std::string html = std::string(
                         "<html><body><div class=topbar><time datetime='2023-10-01'>"
                         "Sunday 1 October</time></div><div class=wrap>") +
                     kBody + "</div></body></html>";
  EXPECT_FALSE(extract_html(html, recoupe::testing::shipped_resources().html()).meta.published);
  // Inside the article it is used.
  std::string inside = std::string(
                           "<html><body><article><time datetime='2023-09-13'>13 Sept"
                           "</time>") +
                       kBody + "</article></body></html>";
  EXPECT_EQ(extract_html(inside, recoupe::testing::shipped_resources().html())
                .meta.published.value_or(""),
            "2023-09-13");
}

TEST(HtmlMetadata, AgencyFromBylineOrDateline) {
  const HtmlResources& res = recoupe::testing::shipped_resources().html();
  EXPECT_EQ(find_agency("Jane Doe with AFP", res).value_or(""), "AFP");
  EXPECT_EQ(find_agency("Reuters staff", res).value_or(""), "Reuters");
  EXPECT_FALSE(find_agency("The RAFPX group", res));  // not a whole word
  std::string html =
      "<html><body><div class=article-body><p>PARIS (AFP) - The council voted "
      "on Tuesday to extend the tram line by four kilometres, a decision that "
      "residents had awaited for more than a decade.</p><p>Construction will "
      "start next spring, the city said, with regional funding.</p></div>"
      "</body></html>";
  EXPECT_EQ(
      extract_html(html, recoupe::testing::shipped_resources().html()).meta.agency.value_or(""),
      "AFP");
}

TEST(HtmlMetadata, BylineClassInsideArticle) {
  std::string html = std::string(
                         "<html><body><article><h1>Tram line extended</h1><div "
                         "class=byline>By Anna Berg</div>") +
                     kBody + "</article></body></html>";
  PageMetadata m = extract_html(html, recoupe::testing::shipped_resources().html()).meta;
  EXPECT_EQ(m.author.value_or(""), "Anna Berg");
  EXPECT_EQ(m.title.value_or(""), "Tram line extended");
}

TEST(HtmlMetadata, MalformedOrDeepJsonLdIsSkipped) {
  std::string deep(100000, '[');
  JsonLdArticle ld = parse_json_ld({deep, "{\"@type\":",
                                    "{\"@type\":\"Article\",\"headline\""
                                    ":\"Ok\"}"});
  EXPECT_EQ(ld.headline.value_or(""), "Ok");
}

}  // namespace
}  // namespace recoupe::extract
