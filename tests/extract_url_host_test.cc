// The host of a URL as an outlet's name (extract/url_host.h), and its use by extraction.
#include "extract/url_host.h"

#include <gtest/gtest.h>

#include "shipped_resources.h"

namespace recoupe::extract {
namespace {

TEST(UrlHost, HostWithoutWwwPortPathOrUser) {
  EXPECT_EQ(url_host("https://www.Example.com:8080/a/b?c=d#e"), "example.com");
  EXPECT_EQ(url_host("http://user:pw@news.example.org/x"), "news.example.org");
  EXPECT_EQ(url_host("http://lemonde.fr"), "lemonde.fr");
  EXPECT_EQ(url_host("lemonde.fr/article"), "");
  EXPECT_EQ(url_host(""), "");
}

TEST(UrlHost, AnArticleWithoutOutletIsNamedByItsUrl) {
  RawDocument doc;
  doc.id = "1";
  doc.file = "in.jsonl";
  doc.kind = ContentKind::kText;
  doc.url = "https://www.example-news.com/2023/09/13/port.html";
  doc.content = "The port reopened on Wednesday after three weeks of strike, the company said.";
  const Article a = recoupe::testing::shipped_pipeline().extract(doc);
  EXPECT_EQ(a.source, "example-news.com");
  doc.source = "Example News";  // a given outlet wins
  EXPECT_EQ(recoupe::testing::shipped_pipeline().extract(doc).source, "Example News");
}

}  // namespace
}  // namespace recoupe::extract
