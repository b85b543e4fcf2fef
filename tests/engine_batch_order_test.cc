// The batch order (engine/batch.h publication_order) is a function of the articles alone:
// any permutation of the input gives the same sequence of articles.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "engine/batch.h"

namespace recoupe::engine {
namespace {

Article article(std::string id, std::optional<std::string> published, std::string text,
                std::optional<std::string> url = std::nullopt, std::string file = "f") {
  Article a;
  a.id = std::move(id);
  a.file = std::move(file);
  a.url = std::move(url);
  a.text = std::move(text);
  if (published) {
    a.published = published;
    a.published_at = parse_publication_time(*published);
  }
  return a;
}

// The sequence of (id, url, text, file) in batch order.
std::vector<std::string> ordered(const std::vector<Article>& articles) {
  std::vector<std::string> out;
  for (size_t i : publication_order(articles))
    out.push_back(articles[i].id + "|" + articles[i].url.value_or("-") + "|" + articles[i].text +
                  "|" + articles[i].file);
  return out;
}

TEST(BatchOrder, SameForEveryPermutation) {
  std::vector<Article> articles = {
      article("a10", "2023-09-13", "ten"),
      article("a2", "2023-09-13", "two"),
      article("a2", "2023-09-13", "two again", "https://x/2"),
      article("a2", "2023-09-13", "two, other text", "https://x/2"),
      article("z", "2023-09-12T08:00Z", "earlier"),
      article("u1", std::nullopt, "undated"),
      article("u0", std::nullopt, "undated too"),
      article("same", std::nullopt, "same", std::nullopt, "b.jsonl:1"),
      article("same", std::nullopt, "same", std::nullopt, "a.jsonl:1"),
  };
  const std::vector<std::string> reference = ordered(articles);
  EXPECT_EQ(reference[0], "same|-|same|a.jsonl:1");  // undated first, by id, then by file
  EXPECT_EQ(reference[1], "same|-|same|b.jsonl:1");
  EXPECT_EQ(reference[2].substr(0, 3), "u0|");
  EXPECT_EQ(reference[3].substr(0, 3), "u1|");
  EXPECT_EQ(reference[4].substr(0, 2), "z|");  // then dated, earliest first
  EXPECT_EQ(reference[5], "a2|-|two|f");       // "a2" before "a10", no url before a url
  EXPECT_EQ(reference[6].substr(0, 3), "a2|");
  EXPECT_EQ(reference.back().substr(0, 4), "a10|");
  std::mt19937 rng(11);
  for (int round = 0; round < 50; ++round) {
    std::shuffle(articles.begin(), articles.end(), rng);
    EXPECT_EQ(ordered(articles), reference) << round;
  }
}

}  // namespace
}  // namespace recoupe::engine
