// The sources file of recoupe watch / serve --sources (feeds/sources.h).
#include <gtest/gtest.h>

#include "feeds/sources.h"

namespace {

using recoupe::feeds::parse_sources;

TEST(SourcesFile, UrlsWithOutletLanguageDiscoverAndComments) {
  auto s = parse_sources(
      "# outlets\n"
      "\n"
      "https://www.lemonde.fr/rss/une.xml   Le Monde lang=fr\n"
      "  https://example.org/  discover lang=en Example   Times  # the home page\n"
      "https://example.org/a.html#top\n"
      "\thttps://example.org/sitemap.xml\r\n",
      "sources.txt");
  ASSERT_TRUE(s) << s.error().to_string();
  ASSERT_EQ(s->size(), 4u);
  EXPECT_EQ((*s)[0].url, "https://www.lemonde.fr/rss/une.xml");
  EXPECT_EQ((*s)[0].outlet, "Le Monde");
  EXPECT_EQ((*s)[0].language, "fr");
  EXPECT_FALSE((*s)[0].discover);
  EXPECT_EQ((*s)[0].where, "sources.txt:3");
  EXPECT_EQ((*s)[1].outlet, "Example Times");  // inner runs of spaces become one
  EXPECT_TRUE((*s)[1].discover);
  EXPECT_EQ((*s)[1].language, "en");
  EXPECT_EQ((*s)[2].url, "https://example.org/a.html#top");  // a fragment is no comment
  EXPECT_FALSE((*s)[2].outlet);
  EXPECT_EQ((*s)[3].url, "https://example.org/sitemap.xml");
  EXPECT_EQ((*s)[3].where, "sources.txt:6");
}

TEST(SourcesFile, BadLinesAreOneErrorNamingFileAndLine) {
  auto error = [](const char* text) { return parse_sources(text, "s.txt").error().to_string(); };
  EXPECT_EQ(error("https://a.org/feed\nftp://a.org/feed Le Monde\n"),
            "s.txt:2: 'ftp://a.org/feed' is not an http(s) URL (a line is: URL [lang=xx] "
            "[discover] [outlet name])");
  EXPECT_EQ(error("https://a.org/feed lang=French\n"),
            "s.txt:1: 'lang=French': the language is two lower-case letters (lang=fr)");
  EXPECT_EQ(error("https://a.org/feed every=5m\n"),
            "s.txt:1: unknown setting 'every=5m' (known: lang=xx, discover)");
  EXPECT_EQ(error("https://a.org/feed\n# again\nhttp://a.org/feed/ Other\n"),
            "s.txt:3: http://a.org/feed/ is listed already (s.txt:1)");
  EXPECT_EQ(error("# nothing\n\n"),
            "s.txt: no source listed (one feed, sitemap or page URL a line)");
  EXPECT_EQ(recoupe::feeds::load_sources("/nonexistent/sources.txt").error().to_string(),
            "/nonexistent/sources.txt: cannot read the sources file");
}

}  // namespace
