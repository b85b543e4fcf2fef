// The cleaned-article message between an analysis worker and the clusterer
// (bus/cleaned_article.h): exact round trip, and one clear error for what is not one.
#include <gtest/gtest.h>

#include "bus/cleaned_article.h"
#include "engine/live_stories.h"
#include "shipped_resources.h"

namespace recoupe::bus {
namespace {

const std::string kSeeds = RECOUPE_EXAMPLES_DIR "/vostochny";

void expect_same(const Article& a, const Article& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.published, b.published);
  ASSERT_EQ(a.published_at.has_value(), b.published_at.has_value());
  if (a.published_at) EXPECT_EQ(a.published_at->utc_hour, b.published_at->utc_hour);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.agency, b.agency);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.language_confidence, b.language_confidence);  // exactly: no rounding
  EXPECT_EQ(a.words, b.words);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.paragraphs, b.paragraphs);
  EXPECT_EQ(a.event, b.event);
  EXPECT_EQ(a.final_url, b.final_url);
  EXPECT_EQ(a.fetched_at, b.fetched_at);
  EXPECT_EQ(a.warnings, b.warnings);
}

TEST(CleanedArticle, EveryFieldComesBackEqual) {
  engine::Pipeline pipeline = recoupe::testing::shipped_pipeline();
  engine::IngestBatch seeds = engine::read_batch({kSeeds}, pipeline);
  ASSERT_EQ(seeds.documents.size(), 5u);
  for (const RawDocument& doc : seeds.documents) {
    CleanedArticle sent{doc, pipeline.extract(doc), 42};
    auto got = decode_cleaned(encode_cleaned(sent), "test");
    ASSERT_TRUE(got) << got.error().to_string();
    expect_same(sent.article, got->article);
    EXPECT_EQ(got->raw_sequence, 42u);
    EXPECT_FALSE(got->refused);
    EXPECT_EQ(got->raw.kind, doc.kind);
    EXPECT_EQ(got->raw.content, doc.content);
    EXPECT_EQ(got->raw.encoding, doc.encoding);
  }
}

TEST(CleanedArticle, RareFieldsAndAwkwardTextSurvive) {
  CleanedArticle sent;
  sent.raw.kind = ContentKind::kHtml;
  sent.raw.content = "<p>\"Été\" \\ \x01</p>";
  sent.raw.encoding = "windows-1252";
  Article& a = sent.article;
  a.id = "x/1";
  a.text = "Ligne 1\n\nLigne « 2 » — fin";
  a.paragraphs = {"Ligne 1", "Ligne « 2 » — fin"};
  a.published = "2023-09-13T10:30:00+02:00";
  a.published_at = parse_publication_time(*a.published);
  a.language_confidence = 0.123456789012345;
  a.event = "gold-7";
  a.final_url = "https://example.org/a?b=1";
  a.fetched_at = "2026-12-04T19:00:00Z";
  a.warnings = {"date \"hier\" is not a date; ignored"};
  auto got = decode_cleaned(encode_cleaned(sent), "test");
  ASSERT_TRUE(got) << got.error().to_string();
  expect_same(a, got->article);
  EXPECT_EQ(got->raw.content, sent.raw.content);
  EXPECT_EQ(got->raw.kind, ContentKind::kHtml);
}

// A worker's refusal of a raw article: only its raw sequence travels.
TEST(CleanedArticle, ARefusalComesBackAsOne) {
  CleanedArticle refusal;
  refusal.raw_sequence = 7;
  refusal.refused = true;
  auto got = decode_cleaned(encode_cleaned(refusal), "test");
  ASSERT_TRUE(got) << got.error().to_string();
  EXPECT_TRUE(got->refused);
  EXPECT_EQ(got->raw_sequence, 7u);
  EXPECT_TRUE(got->article.id.empty());
  for (const std::string& bad : {"{\"refused\": true}", "{\"refused\": true, \"raw_sequence\": -1}",
                                 "{\"refused\": true, \"raw_sequence\": \"7\"}"})
    EXPECT_FALSE(decode_cleaned(bad, "test")) << bad;
}

TEST(CleanedArticle, WhatIsNotOneIsOneErrorNamingTheMessage) {
  for (const std::string& bad : std::vector<std::string>{
           "", "not json", "[1,2]", "{\"id\": 3, \"text\": \"t\", \"raw\": {}}",
           "{\"id\": \"a\", \"text\": \"t\"}",
           "{\"id\": \"a\", \"text\": \"t\", \"raw\": {\"kind\": \"pdf\", \"content\": \"x\"}}",
           "{\"id\": \"a\", \"text\": \"\", \"raw\": {\"kind\": \"text\", \"content\": \"x\"}}",
           "{\"id\": \"a\", \"text\": \"t\", \"paragraphs\": [1], \"raw\": {\"kind\": \"text\", "
           "\"content\": \"x\"}}",
           std::string(100, '[') + std::string(100, ']')}) {
    auto got = decode_cleaned(bad, "recoupe.cleaned #7");
    ASSERT_FALSE(got) << bad;
    EXPECT_EQ(got.error().where, "recoupe.cleaned #7");
    EXPECT_NE(got.error().message.find("not a cleaned-article message"), std::string::npos)
        << got.error().message;
  }
}

}  // namespace
}  // namespace recoupe::bus
