// The fetcher against a loopback server (fetch_test_server.h): redirects, size limit, timeout,
// gzip, robots.txt, pacing, conditional GET. No test reaches the internet.
#include <chrono>

#include <gtest/gtest.h>

#include "feeds/parse_feed.h"
#include "fetch/fetcher.h"
#include "fetch_test_server.h"

namespace recoupe::fetch {
namespace {

using recoupe::testing::FixtureServer;
using Clock = std::chrono::steady_clock;

// Fast settings: no pause between requests unless a test asks for one.
FetchConfig quick() {
  FetchConfig c;
  c.per_host_delay_ms = 0;
  c.max_crawl_delay_ms = 0;
  c.total_timeout_ms = 5'000;
  c.connect_timeout_ms = 2'000;
  c.max_retries = 0;  // each failure seen once here; the retries: fetch_retry_test.cc
  return c;
}

TEST(Fetcher, FetchesAFeedWithItsHeadersAndUserAgent) {
  CurlLibrary curl;
  FixtureServer server;
  Fetcher fetcher(curl, quick());
  auto r = fetcher.fetch({server.url("/rss.xml"), {}, {}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->final_url, server.url("/rss.xml"));
  EXPECT_EQ(r->content_type, "application/rss+xml");
  EXPECT_EQ(r->body, recoupe::testing::feeds_fixture("rss2.xml"));
  EXPECT_EQ(r->fetched_at.size(), 20u);  // "2026-12-03T19:12:00Z"
  EXPECT_NE(server.last_user_agent().find("recoupe/"), std::string::npos);
  // robots.txt was asked first, once.
  EXPECT_EQ(server.requested(), (std::vector<std::string>{"/robots.txt", "/rss.xml"}));
  ASSERT_TRUE(fetcher.fetch({server.url("/atom.xml"), {}, {}}).ok());
  EXPECT_EQ(server.requested().size(), 3u);
}

TEST(Fetcher, RedirectsUpToTheLimit) {
  CurlLibrary curl;
  FixtureServer server;
  FetchConfig config = quick();
  config.max_redirects = 3;
  Fetcher fetcher(curl, config);
  auto ok = fetcher.fetch({server.url("/hop/2"), {}, {}});  // 3 redirects
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->final_url, server.url("/2023/09/13/satellites.html"));
  EXPECT_EQ(ok->redirects, 3);
  auto too_many = fetcher.fetch({server.url("/hop/3"), {}, {}});
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().message, "more than 3 redirects");
  auto loop = fetcher.fetch({server.url("/loop"), {}, {}});
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.error().message, "more than 3 redirects");
}

TEST(Fetcher, SizeLimitStopsEndlessBodiesAndGzipBombs) {
  CurlLibrary curl;
  FixtureServer server;
  FetchConfig config = quick();
  config.max_body_bytes = 256 * 1024;
  Fetcher fetcher(curl, config);
  auto start = Clock::now();
  auto endless = fetcher.fetch({server.url("/endless"), {}, {}});
  ASSERT_FALSE(endless.ok());
  EXPECT_EQ(endless.error().message, "body over 262144 bytes");
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(1));
  start = Clock::now();
  auto bomb = fetcher.fetch({server.url("/bomb"), {}, {}});
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.error().message, "body over 262144 bytes");
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(1));
}

TEST(Fetcher, GzipIsDecoded) {
  CurlLibrary curl;
  FixtureServer server;
  Fetcher fetcher(curl, quick());
  auto r = fetcher.fetch({server.url("/rss.xml.gz"), {}, {}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, recoupe::testing::feeds_fixture("rss2.xml"));
  auto feed = feeds::parse_feed(r->body, feeds::FeedLimits{}, r->final_url);
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed->entries.size(), 2u);
}

TEST(Fetcher, SlowDripServerTimesOut) {
  CurlLibrary curl;
  FixtureServer server;
  FetchConfig config = quick();
  config.total_timeout_ms = 400;
  Fetcher fetcher(curl, config);
  const auto start = Clock::now();
  auto r = fetcher.fetch({server.url("/slow"), {}, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("timed out", 0), 0u) << r.error().message;
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2000));
}

TEST(Fetcher, HttpErrorsAndRefusedConnections) {
  CurlLibrary curl;
  FixtureServer server;
  Fetcher fetcher(curl, quick());
  auto missing = fetcher.fetch({server.url("/missing.html"), {}, {}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "HTTP 404");
  EXPECT_FALSE(fetcher.fetch({"ftp://127.0.0.1/x", {}, {}}).ok());
  EXPECT_FALSE(fetcher.fetch({"not a url", {}, {}}).ok());
  // A port nothing listens on (the server's port once it is gone).
  int port;
  {
    FixtureServer gone;
    port = gone.port();
  }
  auto refused = fetcher.fetch({"http://127.0.0.1:" + std::to_string(port) + "/x", {}, {}});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message, "refused by robots.txt");
}

TEST(Fetcher, ConditionalGetGivesNotModified) {
  CurlLibrary curl;
  FixtureServer server;
  Fetcher fetcher(curl, quick());
  auto first = fetcher.fetch({server.url("/etag"), {}, {}});
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->not_modified);
  EXPECT_EQ(first->etag, "\"v1\"");
  EXPECT_EQ(first->last_modified, "Wed, 13 Sep 2023 09:30:00 GMT");
  auto again = fetcher.fetch({server.url("/etag"), first->etag, first->last_modified});
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->not_modified);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

TEST(Fetcher, RobotsTxtIsObeyedAndItsCrawlDelayPaces) {
  CurlLibrary curl;
  FixtureServer server;
  FetchConfig config = quick();
  config.max_crawl_delay_ms = 300;  // robots.txt asks 1 s; capped for the test
  Fetcher fetcher(curl, config);
  auto refused = fetcher.fetch({server.url("/no-recoupe/page.html"), {}, {}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "refused by robots.txt");
  const auto start = Clock::now();
  EXPECT_TRUE(fetcher.fetch({server.url("/no-recoupe/ok.html"), {}, {}}).ok());
  // Our own group applies, not "*": /private/ is open to recoupe.
  EXPECT_TRUE(fetcher.fetch({server.url("/private/page.html"), {}, {}}).ok());
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(2 * 300 - 20));
  for (const auto& path : server.requested()) EXPECT_NE(path, "/no-recoupe/page.html");
}

TEST(Fetcher, OneHostAtATimeWithAPause) {
  CurlLibrary curl;
  FixtureServer server;
  FetchConfig config = quick();
  config.per_host_delay_ms = 150;
  Fetcher fetcher(curl, config);
  ASSERT_TRUE(fetcher.fetch({server.url("/rss.xml"), {}, {}}).ok());  // robots.txt, then feed
  const auto start = Clock::now();
  ASSERT_TRUE(fetcher.fetch({server.url("/atom.xml"), {}, {}}).ok());
  ASSERT_TRUE(fetcher.fetch({server.url("/feed.json"), {}, {}}).ok());
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(2 * 150 - 10));
}

TEST(RobotsRules, GroupsLongestMatchWildcards) {
  const std::string text =
      "User-agent: *\nDisallow: /\n\n"
      "User-agent: OtherBot\nUser-agent: RECOUPE\n"
      "Disallow: /news/*.pdf$\nDisallow: /tmp\nAllow: /tmp/public\nCrawl-delay: 2.5 # slow\n";
  auto r = RobotsRules::parse(text, "recoupe");
  EXPECT_TRUE(r.allows("/news/a.html"));
  EXPECT_FALSE(r.allows("/news/a.pdf"));
  EXPECT_TRUE(r.allows("/news/a.pdf?x=1"));
  EXPECT_FALSE(r.allows("/tmp/x"));
  EXPECT_TRUE(r.allows("/tmp/public/x"));
  EXPECT_EQ(r.crawl_delay(), 2.5);
  auto other = RobotsRules::parse(text, "somebot");
  EXPECT_FALSE(other.allows("/news/a.html"));
  EXPECT_TRUE(other.allows("/robots.txt"));
  EXPECT_FALSE(other.crawl_delay());
  EXPECT_TRUE(RobotsRules::parse("", "recoupe").allows("/x"));
  EXPECT_TRUE(RobotsRules::parse("User-agent: *\nDisallow:\n", "recoupe").allows("/x"));
  EXPECT_FALSE(RobotsRules::disallow_all().allows("/x"));
  // A pathological pattern stays fast.
  auto stars =
      RobotsRules::parse("User-agent: *\nDisallow: /" + std::string(200, '*') + "z$\n", "recoupe");
  EXPECT_TRUE(stars.allows("/" + std::string(5000, 'a')));
}

TEST(FetchUrl, SiteAndPath) {
  EXPECT_EQ(site_of_url("HTTPS://Host.Example:8080/a?b#c"), "https://host.example:8080");
  EXPECT_EQ(site_of_url("ftp://x/"), "");
  EXPECT_EQ(path_of_url("https://h/a/b?q=1#f"), "/a/b?q=1");
  EXPECT_EQ(path_of_url("https://h"), "/");
  EXPECT_EQ(path_of_url("https://h?x"), "/?x");
}

}  // namespace
}  // namespace recoupe::fetch
