// A RawDocument as a JSONL record and back (ingest/jsonl_record.h): the raw article message
// of the bus. Every field survives the round trip; the record is a line `recoupe ingest -`
// reads; the content id ignores where and when a copy was read, and nothing else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/jsonl_record.h"
#include "ingest/reader.h"

namespace recoupe::ingest {
namespace {

void expect_same(const RawDocument& a, const RawDocument& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.content, b.content);
  EXPECT_EQ(a.encoding, b.encoding);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.event, b.event);
  EXPECT_EQ(a.hint_title, b.hint_title);
  EXPECT_EQ(a.hint_published, b.hint_published);
  EXPECT_EQ(a.hint_author, b.hint_author);
  EXPECT_EQ(a.final_url, b.final_url);
  EXPECT_EQ(a.fetched_at, b.fetched_at);
}

RawDocument every_field() {
  RawDocument doc;
  doc.id = "vostochny-1";
  doc.file = "feed.jsonl:12";
  doc.kind = ContentKind::kHtml;
  doc.content =
      "<html><body><h1>Poutine reçoit Kim</h1>\n<p>« Une rencontre », dit-il.\t"
      "Émoji 🚀, \"guillemets\" et \\ barre.</p></body></html>";
  doc.encoding = "windows-1252";
  doc.url = "https://www.example.fr/monde/poutine-kim";
  doc.source = "example.fr";
  doc.title = "Poutine reçoit Kim à Vostotchny";
  doc.published = "2023-09-13T10:00:00+02:00";
  doc.language = "fr";
  doc.event = "ev-7";
  doc.hint_title = "Poutine et Kim";
  doc.hint_published = "2023-09-13T08:00:00Z";
  doc.hint_author = "Jeanne Martin";
  doc.final_url = "https://www.example.fr/monde/poutine-kim?amp=0";
  doc.fetched_at = "2026-12-03T19:12:00Z";
  return doc;
}

TEST(IngestJsonlRecord, EveryFieldSurvivesTheRoundTrip) {
  RawDocument doc = every_field();
  std::string line = to_jsonl_record(doc);
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one line";
  auto back = from_jsonl_record(line, "subject recoupe.raw.fr sequence 3");
  ASSERT_TRUE(back) << back.error().to_string();
  expect_same(*back, doc);

  RawDocument text;  // a plain-text article with only what a .txt file gives
  text.id = "note.txt";
  text.file = "in/note.txt";
  text.content = "Publié le 13-09-2023 par latribune.fr\n\nLe texte.";
  text.encoding = "UTF-8";
  auto text_back = from_jsonl_record(to_jsonl_record(text), "m");
  ASSERT_TRUE(text_back) << text_back.error().to_string();
  expect_same(*text_back, text);
}

TEST(IngestJsonlRecord, TheDocumentsIngestMakesOfTheExampleSurviveTheRoundTrip) {
  std::vector<RawDocument> docs;
  read_inputs({RECOUPE_EXAMPLES_DIR "/vostochny"}, {}, [&](Expected<RawDocument> doc) {
    ASSERT_TRUE(doc) << doc.error().to_string();
    docs.push_back(std::move(*doc));
  });
  ASSERT_GE(docs.size(), 5u);
  for (const auto& doc : docs) {
    auto back = from_jsonl_record(to_jsonl_record(doc), "m");
    ASSERT_TRUE(back) << doc.file << ": " << back.error().to_string();
    expect_same(*back, doc);
    EXPECT_EQ(raw_document_content_id(*back), raw_document_content_id(doc));
  }
}

TEST(IngestJsonlRecord, TheRecordIsALineTheIngestReaderTakesAsItIs) {
  RawDocument doc = every_field();
  auto read = parse_jsonl_record(to_jsonl_record(doc), "-:1", {});
  ASSERT_TRUE(read) << read.error().to_string();
  EXPECT_EQ(read->id, doc.id);
  EXPECT_EQ(read->content, doc.content);
  EXPECT_EQ(read->title, doc.title);
  EXPECT_EQ(read->final_url, doc.final_url);
  // And a record written by hand for `recoupe ingest -` is a message the workers read.
  auto by_hand = from_jsonl_record(R"({"id": 42, "text": "Un article.", "lang": "fr"})", "m");
  ASSERT_TRUE(by_hand) << by_hand.error().to_string();
  EXPECT_EQ(by_hand->id, "42");
  EXPECT_EQ(by_hand->file, "m");
  EXPECT_EQ(by_hand->encoding, "UTF-8");
}

TEST(IngestJsonlRecord, ABrokenMessageIsOneErrorNamingIt) {
  auto broken = from_jsonl_record("{\"text\": ", "subject recoupe.raw.fr sequence 9");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().where, "subject recoupe.raw.fr sequence 9");
  auto empty = from_jsonl_record(R"({"id": "x", "text": "  "})", "m");
  ASSERT_FALSE(empty);
}

TEST(IngestJsonlRecord, TheContentIdIgnoresWhereAndWhenACopyWasReadOnly) {
  RawDocument doc = every_field();
  const std::string id = raw_document_content_id(doc);
  EXPECT_EQ(id.size(), 16u);
  RawDocument copy = doc;  // the same page read again, elsewhere, later
  copy.file = "-:7";
  copy.fetched_at = "2026-12-04T08:00:00Z";
  copy.encoding = "UTF-8";
  EXPECT_EQ(raw_document_content_id(copy), id);
  RawDocument revised = doc;
  revised.content += " Mise à jour.";
  EXPECT_NE(raw_document_content_id(revised), id);
  RawDocument retitled = doc;
  retitled.title = "Autre titre";
  EXPECT_NE(raw_document_content_id(retitled), id);
  RawDocument moved = doc;
  moved.url = "https://www.example.fr/autre";
  EXPECT_NE(raw_document_content_id(moved), id);
  RawDocument as_text = doc;
  as_text.kind = ContentKind::kText;
  EXPECT_NE(raw_document_content_id(as_text), id);
  // Fields that run into each other do not collide ("ab"+"c" vs "a"+"bc").
  RawDocument x, y;
  x.id = "ab";
  x.url = "c";
  y.id = "a";
  y.url = "bc";
  EXPECT_NE(raw_document_content_id(x), raw_document_content_id(y));
}

}  // namespace
}  // namespace recoupe::ingest
