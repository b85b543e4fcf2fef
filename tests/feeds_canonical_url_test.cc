// The identity of an article under its many URLs.
#include <gtest/gtest.h>

#include "feeds/canonical_url.h"

namespace recoupe::feeds {
namespace {

TEST(CanonicalUrl, NormalizeHostPortFragmentTracking) {
  EXPECT_EQ(normalize_url("HTTPS://News.Example.COM:443/a/b/?utm_source=x&id=3&fbclid=Z#top"),
            "https://news.example.com/a/b?id=3");
  EXPECT_EQ(normalize_url("http://news.example:80"), "http://news.example/");
  EXPECT_EQ(normalize_url("http://news.example:8080/x"), "http://news.example:8080/x");
  EXPECT_EQ(normalize_url("https://user:pw@news.example/x"), "https://news.example/x");
  EXPECT_EQ(normalize_url("https://n.example/x?gclid=1&UTM_Campaign=2&msclkid=3&mc_cid=4"),
            "https://n.example/x");
  EXPECT_EQ(normalize_url("https://n.example/x?b=2&a=1"), "https://n.example/x?b=2&a=1");
  EXPECT_EQ(normalize_url("  https://n.example/  "), "https://n.example/");
}

TEST(CanonicalUrl, AmpFormsBecomeTheArticle) {
  EXPECT_EQ(normalize_url("https://n.example/2023/story/amp/"), "https://n.example/2023/story");
  EXPECT_EQ(normalize_url("https://n.example/2023/story/amp"), "https://n.example/2023/story");
  EXPECT_EQ(normalize_url("https://n.example/amp/2023/story"), "https://n.example/2023/story");
  EXPECT_EQ(normalize_url("https://n.example/2023/story.amp.html"),
            "https://n.example/2023/story.html");
  EXPECT_EQ(normalize_url("https://n.example/story?amp=1"), "https://n.example/story");
  EXPECT_EQ(normalize_url("https://n.example/story?outputType=amp&p=2"),
            "https://n.example/story?p=2");
  // "amp" inside a word is not an AMP marker.
  EXPECT_EQ(normalize_url("https://n.example/camp/example"), "https://n.example/camp/example");
}

TEST(CanonicalUrl, NotHttpIsEmpty) {
  EXPECT_EQ(normalize_url("ftp://n.example/x"), "");
  EXPECT_EQ(normalize_url("/relative/path"), "");
  EXPECT_EQ(normalize_url("https:///nohost"), "");
  EXPECT_EQ(identity_key("mailto:a@b.c"), "");
}

TEST(CanonicalUrl, IdentityFoldsSchemeAndWww) {
  const std::string key = "https://news.example/2023/story";
  EXPECT_EQ(identity_key("http://www.news.example/2023/story/"), key);
  EXPECT_EQ(identity_key("https://news.example/2023/story?utm_medium=rss#c"), key);
  EXPECT_EQ(identity_key("https://amp.news.example/2023/story/amp/"), key);
  EXPECT_EQ(identity_key("https://WWW.news.example:443/2023/story.amp"), key);
  EXPECT_NE(identity_key("https://news.example/2023/other"), key);
  EXPECT_NE(identity_key("https://news.example/2023/story?id=2"), key);
}

TEST(CanonicalUrl, DeclaredCanonicalOnTheSameSiteWins) {
  EXPECT_EQ(canonical_url("https://m.example/x?utm_source=a", "https://m.example/story/", {}),
            "https://m.example/story");
  EXPECT_EQ(canonical_url("https://www.m.example/amp/x", std::nullopt, "http://m.example/x"),
            "http://m.example/x");
  // rel=canonical first, then og:url.
  EXPECT_EQ(canonical_url("https://m.example/x", "https://m.example/a", "https://m.example/b"),
            "https://m.example/a");
  // Another site's canonical is not believed.
  EXPECT_EQ(canonical_url("https://m.example/x", "https://other.example/x", std::nullopt),
            "https://m.example/x");
  EXPECT_EQ(canonical_url("https://m.example/x", "not a url", std::nullopt), "https://m.example/x");
}

}  // namespace
}  // namespace recoupe::feeds
