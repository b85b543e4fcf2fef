// The pieces of the HTTP API that need no socket: story cursors and pages, POST bodies,
// ETag matching, a listing made of pieces kept by story (server/story_page.h,
// server/post_body.h, server/http_reply.h, server/api_json.h).
#include <gtest/gtest.h>

#include "server/api_json.h"
#include "server/http_reply.h"
#include "server/post_body.h"
#include "server/story_page.h"

namespace recoupe::server {
namespace {

store::StorySummary story(std::string id, int64_t outlets, int64_t articles,
                          std::optional<int64_t> hours) {
  store::StorySummary s;
  s.id = std::move(id);
  s.outlet_count = outlets;
  s.article_count = articles;
  s.latest_hours = hours;
  return s;
}

std::vector<std::string> ids(const StoryPage& page) {
  std::vector<std::string> out;
  for (const auto& s : page.stories) out.push_back(s.id);
  return out;
}

TEST(StoryCursor, RoundTripsAndRefusesAnythingElse) {
  StoryCursor c{3, 7, 493000, "se2f9f11faca7"};
  auto back = decode_cursor(encode_cursor(c));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->outlets, 3);
  EXPECT_EQ(back->articles, 7);
  EXPECT_EQ(back->latest_hours, 493000);
  EXPECT_EQ(back->id, "se2f9f11faca7");
  auto unknown = decode_cursor(encode_cursor({1, 1, std::nullopt, "s1"}));
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown->latest_hours);
  for (const char* bad : {"", "xyz", "1.2.3", "1.2.3.", "a.2.3.s1", "1.2.x.s1", "-1.2.3.s1",
                          "1.2.3.s1'; DROP", "1.2.-9223372036854775808.s1"})
    EXPECT_FALSE(decode_cursor(bad)) << bad;
}

TEST(StoryPage, PagesFollowTheStoreOrderFromTheCursor) {
  // The store's order: outlets, articles, latest publication (unknown last), then id.
  std::vector<store::StorySummary> listed = {story("a", 3, 5, 10), story("b", 2, 4, 20),
                                             story("c", 2, 4, 5), story("d", 2, 4, std::nullopt),
                                             story("e", 1, 1, 1)};
  StoryPage first = page_of(listed, std::nullopt, 2);
  EXPECT_EQ(ids(first), (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(first.next_cursor);
  StoryPage second = page_of(listed, decode_cursor(*first.next_cursor), 2);
  EXPECT_EQ(ids(second), (std::vector<std::string>{"c", "d"}));
  StoryPage third = page_of(listed, decode_cursor(*second.next_cursor), 2);
  EXPECT_EQ(ids(third), (std::vector<std::string>{"e"}));
  EXPECT_FALSE(third.next_cursor);
  // A story added before the cursor does not shift the next page.
  listed.insert(listed.begin(), story("z", 9, 9, 9));
  EXPECT_EQ(ids(page_of(listed, decode_cursor(*first.next_cursor), 2)),
            (std::vector<std::string>{"c", "d"}));
}

TEST(PostBody, OneObjectOverSeveralLinesIsOneRecordAndJsonlIsOneALine) {
  ingest::ReadLimits limits;
  auto one = read_post_body("{\n  \"id\": \"a\",\n  \"text\": \"Un texte.\"\n}\n", limits);
  ASSERT_EQ(one.documents.size(), 1u);
  EXPECT_EQ(one.documents[0].id, "a");
  EXPECT_TRUE(one.refused.empty());

  auto lines = read_post_body(
      "{\"id\": \"a\", \"text\": \"Un.\"}\n\n{oops\n{\"id\": \"b\", \"text\": \"Deux.\"}", limits);
  ASSERT_EQ(lines.documents.size(), 2u);
  EXPECT_EQ(lines.documents[1].id, "b");
  ASSERT_EQ(lines.refused.size(), 1u);
  EXPECT_EQ(lines.refused[0].where, "request:3");

  EXPECT_TRUE(read_post_body("", limits).documents.empty());
  EXPECT_TRUE(read_post_body("", limits).refused.empty());
  auto deep = read_post_body(std::string(100000, '['), limits);
  EXPECT_TRUE(deep.documents.empty());
  EXPECT_EQ(deep.refused.size(), 1u);
}

// A listing made of the stories' pieces is, byte for byte, the listing dump() makes of the
// whole document: with no story, one, several and a cursor, and texts that JSON escapes or
// that are no valid UTF-8.
TEST(ListingJson, PiecesMakeTheListingTheWholeDocumentMakes) {
  auto listed = [](const std::vector<store::StorySummary>& stories,
                   const std::optional<std::string>& cursor) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& s : stories) all.push_back(summary_to_json(s));
    const std::string whole = dump({{"stories", all},
                                    {"next_cursor", cursor ? nlohmann::ordered_json(*cursor)
                                                           : nlohmann::ordered_json(nullptr)}});
    std::vector<std::string> kept;
    for (const auto& s : stories) kept.push_back(listed_story(s));
    std::vector<const std::string*> pieces;
    for (const auto& k : kept) pieces.push_back(&k);
    EXPECT_EQ(listing_json(pieces, cursor), whole);
  };
  store::StorySummary a = story("s1", 3, 2, 10);
  a.title = "Quake \"hits\" Qeshm\n\t\\ — 5,9";
  a.article_ids = {"a1", "a\"2"};
  a.sources = {"BBC News", "Reuters"};
  a.language = "en";
  a.updated_at = "2026-12-07T08:00:00Z";
  store::StorySummary b = story("s2", 1, 1, std::nullopt);
  b.title = std::string("bad \xff\xfe utf-8");
  store::StorySummary c = story("s3", 1, 0, 5);  // no article listed, no title
  listed({}, std::nullopt);
  listed({}, "abc");
  listed({a}, std::nullopt);
  listed({a, b, c}, "c\"ursor");
}

TEST(ETag, MatchesListsWeakTagsAndStar) {
  const std::string tag = etag_of("{\"a\":1}");
  EXPECT_EQ(tag.front(), '"');
  EXPECT_NE(tag, etag_of("{\"a\":2}"));
  EXPECT_TRUE(etag_matches(tag, tag));
  EXPECT_TRUE(etag_matches("\"x\", " + tag, tag));
  EXPECT_TRUE(etag_matches("W/" + tag, tag));
  EXPECT_TRUE(etag_matches("*", tag));
  EXPECT_FALSE(etag_matches("\"x\"", tag));
  EXPECT_FALSE(etag_matches("", tag));
}

}  // namespace
}  // namespace recoupe::server
