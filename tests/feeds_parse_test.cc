// Feeds of every format (tests/fixtures/feeds/) into Feed values; bad input gives one error
// or a bounded result.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "feeds/page_links.h"
#include "feeds/parse_feed.h"

namespace recoupe::feeds {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(RECOUPE_TEST_DIR) + "/fixtures/feeds/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Feed parse_ok(const std::string& name, const std::string& base = "") {
  auto feed = parse_feed(fixture(name), FeedLimits{}, base);
  EXPECT_TRUE(feed.ok()) << name << ": " << (feed.ok() ? "" : feed.error().message);
  return feed.ok() ? *feed : Feed{};
}

TEST(FeedParse, Rss2EntriesWithRelativeLinksGuidsAndHints) {
  Feed f = parse_ok("rss2.xml", "https://news.example/rss.xml");
  EXPECT_EQ(f.kind, FeedKind::kRss);
  EXPECT_EQ(f.title, "Le Fil Est");
  ASSERT_EQ(f.entries.size(), 2u);  // the item with a non-permalink guid and no link is skipped
  EXPECT_EQ(f.entries[0].url,
            "https://news.example/2023/09/13/poutine-kim.html?utm_source=rss&utm_medium=feed");
  EXPECT_EQ(f.entries[0].title, "Poutine et Kim au cosmodrome");
  EXPECT_EQ(f.entries[0].published, "Wed, 13 Sep 2023 09:30:00 +0200");
  EXPECT_EQ(f.entries[0].author, "Anne Martin");
  EXPECT_EQ(f.entries[0].summary, "<p>Rencontre à Vostotchny.</p>");
  EXPECT_EQ(f.entries[1].url, "https://news.example/2023/09/13/satellites.html");
  EXPECT_EQ(f.entries[1].author, "redaction@news.example (Paul Durand)");
  EXPECT_EQ(f.dropped, 0u);
}

TEST(FeedParse, Rss1Rdf) {
  Feed f = parse_ok("rss1.rdf");
  EXPECT_EQ(f.kind, FeedKind::kRss);
  EXPECT_EQ(f.title, "Old RDF");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].url, "https://old.example/a1");
  EXPECT_EQ(f.entries[0].published, "2023-09-13T08:00:00Z");
  EXPECT_EQ(f.entries[0].author, "Ivan Petrov");
}

TEST(FeedParse, AtomAlternateLinkPublishedElseUpdated) {
  Feed f = parse_ok("atom.xml", "https://atom.example/feeds/atom.xml");
  EXPECT_EQ(f.kind, FeedKind::kAtom);
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].url, "https://atom.example/kim-russie");  // not the enclosure
  EXPECT_EQ(f.entries[0].published, "2023-09-13T07:15:00Z");
  EXPECT_EQ(f.entries[0].author, "Claire Dubois");
  EXPECT_EQ(f.entries[0].summary, "Le dirigeant nord-coréen est arrivé.");
  EXPECT_EQ(f.entries[1].url, "https://atom.example/feeds/relative/entry-2");
  EXPECT_EQ(f.entries[1].published, "2023-09-14T10:00:00Z");
}

TEST(FeedParse, JsonFeedBothAuthorForms) {
  Feed f = parse_ok("feed.json");
  EXPECT_EQ(f.kind, FeedKind::kJsonFeed);
  EXPECT_EQ(f.title, "JSON Desk");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].author, "Sara Lee");
  EXPECT_EQ(f.entries[0].published, "2023-09-13T10:00:00+02:00");
  EXPECT_EQ(f.entries[1].url, "https://json.example/two");
  EXPECT_EQ(f.entries[1].author, "Old Style");
  EXPECT_EQ(f.entries[1].summary, "Second");
}

TEST(FeedParse, SitemapNewsSitemapAndIndex) {
  Feed s = parse_ok("sitemap.xml");
  EXPECT_EQ(s.kind, FeedKind::kSitemap);
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[0].published, "2023-09-13");
  EXPECT_EQ(s.entries[1].url, "https://site.example/b");

  Feed n = parse_ok("news_sitemap.xml");
  ASSERT_EQ(n.entries.size(), 1u);
  EXPECT_EQ(n.entries[0].title, "Kim à Vostotchny");
  EXPECT_EQ(n.entries[0].published, "2023-09-13T12:00:00+02:00");  // wins over lastmod

  Feed i = parse_ok("sitemap_index.xml", "https://site.example/sitemap.xml");
  EXPECT_EQ(i.kind, FeedKind::kSitemapIndex);
  EXPECT_TRUE(i.entries.empty());
  EXPECT_EQ(i.child_sitemaps, (std::vector<std::string>{"https://site.example/sitemap-1.xml",
                                                        "https://site.example/sitemap-news.xml"}));
}

TEST(FeedParse, BadInputIsOneClearError) {
  auto invalid = parse_feed(fixture("invalid.xml"), FeedLimits{});
  ASSERT_FALSE(invalid.ok());
  EXPECT_NE(invalid.error().message.find("invalid XML at line"), std::string::npos)
      << invalid.error().message;

  auto html = parse_feed(fixture("home.html"), FeedLimits{});
  ASSERT_FALSE(html.ok());

  auto page = parse_feed("<?xml version=\"1.0\"?><html><body/></html>", FeedLimits{});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, "not a feed: root element <html>");

  EXPECT_FALSE(parse_feed("", FeedLimits{}).ok());
  EXPECT_FALSE(parse_feed("{\"items\": []}", FeedLimits{}).ok());  // JSON, not a JSON Feed
  EXPECT_FALSE(parse_feed("{\"version\": ", FeedLimits{}).ok());
  EXPECT_FALSE(parse_feed(std::string(100000, '['), FeedLimits{}).ok());
  // An external entity is neither fetched nor expanded.
  auto xxe = parse_feed(
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<rss><channel><item><title>&x;</title><link>https://a.example/</link></item></channel>"
      "</rss>",
      FeedLimits{});
  if (xxe.ok()) {
    ASSERT_EQ(xxe->entries.size(), 1u);
    EXPECT_FALSE(xxe->entries[0].title &&
                 xxe->entries[0].title->find("root:") != std::string::npos);
  }
}

TEST(FeedParse, HundredThousandEntriesAreCappedAndCounted) {
  std::string xml = "<rss version=\"2.0\"><channel><title>Big</title>";
  for (int i = 0; i < 100000; ++i)
    xml += "<item><link>https://big.example/" + std::to_string(i) + "</link></item>";
  xml += "</channel></rss>";
  FeedLimits limits;
  limits.max_entries = 500;
  auto feed = parse_feed(xml, limits);
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed->entries.size(), 500u);
  EXPECT_EQ(feed->dropped, 99500u);
  EXPECT_EQ(feed->entries.back().url, "https://big.example/499");
}

TEST(FeedParse, LooksLikeFeed) {
  EXPECT_TRUE(looks_like_feed(fixture("rss2.xml")));
  EXPECT_TRUE(looks_like_feed(fixture("atom.xml")));
  EXPECT_TRUE(looks_like_feed(fixture("rss1.rdf")));
  EXPECT_TRUE(looks_like_feed(fixture("feed.json")));
  EXPECT_TRUE(looks_like_feed(fixture("sitemap_index.xml")));
  EXPECT_FALSE(looks_like_feed(fixture("home.html")));
  EXPECT_FALSE(looks_like_feed(fixture("poutine-kim.html")));
}

TEST(FeedDiscovery, AlternateFeedLinksOfAHomePage) {
  PageLinks links = read_page_links(fixture("home.html"), "https://news.example/index.html");
  EXPECT_EQ(links.feeds, (std::vector<std::string>{"https://news.example/rss.xml",
                                                   "https://news.example/atom.xml",
                                                   "https://news.example/feed.json"}));
  EXPECT_FALSE(links.canonical);
}

TEST(FeedDiscovery, CanonicalAndOgUrlOfAPage) {
  PageLinks links = read_page_links(
      "<html><head><link rel='Canonical' href='/a/story'>"
      "<meta property='og:url' content='https://www.site.example/a/story?utm_source=x'>"
      "</head><body><p>x</p></body></html>",
      "https://site.example/a/story/amp/");
  EXPECT_EQ(links.canonical, "https://site.example/a/story");
  EXPECT_EQ(links.og_url, "https://www.site.example/a/story?utm_source=x");
  EXPECT_TRUE(links.feeds.empty());
  EXPECT_TRUE(read_page_links("", "https://x.example/").feeds.empty());
  // javascript: and other schemes are not links to follow.
  EXPECT_FALSE(read_page_links("<link rel=canonical href='javascript:alert(1)'>", "").canonical);
}

}  // namespace
}  // namespace recoupe::feeds
