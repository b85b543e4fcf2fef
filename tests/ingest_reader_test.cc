// Readers (ingest/reader.h): every input form, ids, given fields, and refusals. Files are
// written to a temporary folder by each test.
#include <gtest/gtest.h>
#include <zstd.h>

#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest_test_util.h"

namespace recoupe::ingest {
namespace {

using namespace std::string_literals;
using recoupe::testing::TempDir;

struct Result {
  std::vector<RawDocument> docs;
  std::vector<Error> errors;
};

Result read_all(const std::vector<std::string>& paths, const ReadLimits& limits = {}) {
  Result r;
  read_inputs(paths, limits, [&](Expected<RawDocument> d) {
    if (d)
      r.docs.push_back(std::move(*d));
    else
      r.errors.push_back(d.error());
  });
  return r;
}

std::string zstd_compress(std::string_view s) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), s.data(), s.size(), 3);
  out.resize(n);
  return out;
}

TEST(ReadInputs, TextFile) {
  TempDir dir;
  auto path = dir.write("article.txt", "Le Monde\n\nKim Jong-un est arrivé.\n");
  auto r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.docs[0].kind, ContentKind::kText);
  EXPECT_EQ(r.docs[0].id, "article.txt");  // the file name, without folder
  EXPECT_EQ(r.docs[0].file, path);
  EXPECT_EQ(r.docs[0].content, "Le Monde\n\nKim Jong-un est arrivé.\n");
  EXPECT_EQ(r.docs[0].encoding, "UTF-8");
}

TEST(ReadInputs, HtmlFileHonoursDeclaredCharset) {
  TempDir dir;
  auto path = dir.write("page.htm",
                        "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9</title>"
                        "</head><body><p>\x93"
                        "D\xE9j\xE0\x94</p></body></html>");
  auto r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].kind, ContentKind::kHtml);
  EXPECT_NE(r.docs[0].content.find("<title>Café</title>"), std::string::npos);
  EXPECT_NE(r.docs[0].content.find("“Déjà”"), std::string::npos);
  EXPECT_EQ(r.docs[0].encoding, "windows-1252");
}

TEST(ReadInputs, TextFileIgnoresCharsetWords) {
  // A .txt is not HTML: a "<meta charset>" in it says nothing; valid UTF-8 stays UTF-8.
  TempDir dir;
  auto r = read_all({dir.write("a.txt", "<meta charset=koi8-r> café")});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].content, "<meta charset=koi8-r> café");
}

TEST(ReadInputs, JsonlGivenFieldsAndIds) {
  TempDir dir;
  std::string jsonl =
      R"({"id":"a1","url":"https://x.example/1","source":"X","title":"T1","published":"2023-09-13","lang":"fr","text":"Premier texte.","event":"e1"})"
      "\n"
      R"({"id":42,"html":"<p>Deuxième</p>","text":"ignored when html is given","event":7})"
      "\n\n"  // a blank line is skipped but counted
      R"({"text":"Sans identifiant."})"
      "\r\n";
  auto path = dir.write("batch.jsonl", jsonl);
  auto r = read_all({path});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_TRUE(r.errors.empty());
  const auto& a = r.docs[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.file, path + ":1");
  EXPECT_EQ(a.kind, ContentKind::kText);
  EXPECT_EQ(a.content, "Premier texte.");
  EXPECT_EQ(a.url, "https://x.example/1");
  EXPECT_EQ(a.source, "X");
  EXPECT_EQ(a.title, "T1");
  EXPECT_EQ(a.published, "2023-09-13");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.event, "e1");
  const auto& b = r.docs[1];
  EXPECT_EQ(b.id, "42");
  EXPECT_EQ(b.event, "7");
  EXPECT_EQ(b.kind, ContentKind::kHtml);
  EXPECT_EQ(b.content, "<p>Deuxième</p>");
  EXPECT_FALSE(b.title.has_value());
  const auto& c = r.docs[2];
  EXPECT_EQ(c.file, path + ":4");
  EXPECT_EQ(c.id, content_hash_id("Sans identifiant."));
  EXPECT_EQ(c.id.size(), 16u);
}

TEST(ReadInputs, JsonlZst) {
  TempDir dir;
  std::string jsonl;
  // Over 1 MB of output from a small file: the decoder must flush everything it holds.
  for (int i = 0; i < 3000; ++i)
    jsonl += R"({"id":")" + std::to_string(i) + R"(","text":")" + std::string(400, 'a') + "\"}\n";
  auto path = dir.write("batch.jsonl.zst", zstd_compress(jsonl));
  auto r = read_all({path});
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 3000u);
  EXPECT_EQ(r.docs.back().id, "2999");
  EXPECT_EQ(r.docs.back().file, path + ":3000");
}

TEST(ReadInputs, TruncatedAndCorruptZst) {
  TempDir dir;
  std::string z = zstd_compress(R"({"id":"1","text":"one"})"
                                "\n"
                                R"({"id":"2","text":"two"})"
                                "\n");
  auto truncated = dir.write("t.jsonl.zst", z.substr(0, z.size() - 4));
  auto r = read_all({truncated});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].where, truncated);
  EXPECT_NE(r.errors[0].message.find("truncated"), std::string::npos);
  auto corrupt = dir.write("c.jsonl.zst", "this is not zstd at all\n");
  r = read_all({corrupt});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("corrupt zstd"), std::string::npos);
}

TEST(ReadInputs, FolderRecursiveSortedSkippingOthers) {
  TempDir dir;
  dir.write("b.txt", "second");
  dir.write("a.html", "<p>first</p>");
  dir.write("sub/c.txt", "third, in a subfolder");
  dir.write("sub/notes.md", "# not an article");
  dir.write("image.png", "\x89PNG\r\n\x1A\n\0\0\0"s);
  dir.write(".DS_Store", "\0\0\0\1Bud1"s);
  dir.write("._a.html", "\0\5\26\7AppleDouble"s);  // macOS resource fork: hidden
  dir.write(".git/x.txt", "hidden folder");
  dir.write("z.jsonl", R"({"id":"z1","text":"fourth"})"
                       "\n");
  auto r = read_all({dir.path().string()});
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].id, "a.html");
  EXPECT_EQ(r.docs[1].id, "b.txt");
  EXPECT_EQ(r.docs[2].id, "c.txt");
  EXPECT_EQ(r.docs[3].id, "z1");
}

TEST(ReadInputs, FolderWithoutArticlesIsRefused) {
  TempDir dir;
  dir.write("readme.md", "nothing here");
  auto r = read_all({dir.path().string()});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("no article file"), std::string::npos);
}

TEST(ReadInputs, ExplicitOtherFileIsSniffed) {
  TempDir dir;
  auto page = dir.write("page.php", "<!DOCTYPE html><html><body><p>x</p></body></html>");
  auto text = dir.write("README", "Just text.");
  auto r = read_all({page, text});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(r.docs[1].kind, ContentKind::kText);
}

TEST(ReadInputs, RefusalsNameTheInputAndTheBatchGoesOn) {
  TempDir dir;
  auto empty = dir.write("empty.txt", "");
  auto blank = dir.write("blank.txt", " \n\t\n");
  auto binary = dir.write("junk.html", std::string(900, '\0') + "\x01\x02\x03");
  auto good = dir.write("good.txt", "A real article.");
  auto big = dir.write("big.txt", std::string(2000, 'x'));
  auto empty_jsonl = dir.write("none.jsonl", "\n\n");
  ReadLimits limits;
  limits.max_document_bytes = 1000;
  auto missing = (dir.path() / "missing.txt").string();
  auto r = read_all({empty, missing, blank, binary, good, big, empty_jsonl}, limits);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "good.txt");
  ASSERT_EQ(r.errors.size(), 6u);
  EXPECT_EQ(r.errors[0].to_string(), empty + ": empty file");
  EXPECT_EQ(r.errors[1].to_string(), missing + ": no such file or folder");
  EXPECT_EQ(r.errors[2].where, blank);
  EXPECT_EQ(r.errors[3].to_string(), binary + ": binary content, not text");
  EXPECT_EQ(r.errors[4].to_string(),
            big + ": file is 2.0 KB, over the 1000 bytes limit for one article");
  EXPECT_EQ(r.errors[5].where, empty_jsonl);
}

TEST(ReadInputs, ControlCharactersInNamesStayOnOneLine) {
  TempDir dir;
  auto r = read_all({(dir.path() / "evil\nname\x1B[31m.txt").string()});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].where.find('\n'), std::string::npos);
  EXPECT_EQ(r.errors[0].where.find('\x1B'), std::string::npos);
}

TEST(ReadInputs, DeepHtmlIsFlattenedInTheDocument) {
  TempDir dir;
  std::string html = "<html><body>";
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "<p>deep words</p>";
  for (int i = 0; i < 5000; ++i) html += "</div>";
  auto r = read_all({dir.write("deep.html", html)});
  ASSERT_EQ(r.docs.size(), 1u);
  size_t divs = 0;
  for (size_t p = r.docs[0].content.find("<div>"); p != std::string::npos;
       p = r.docs[0].content.find("<div>", p + 1))
    ++divs;
  EXPECT_EQ(divs, static_cast<size_t>(ReadLimits{}.max_html_depth));
  EXPECT_NE(r.docs[0].content.find("<p>deep words</p>"), std::string::npos);
}

TEST(MakeRawDocument, StdinSniffsAndHashesTheId) {
  auto html = make_raw_document("  <!doctype html><html><p>Hi</p>", "-", std::nullopt, {});
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->kind, ContentKind::kHtml);
  EXPECT_EQ(html->id, content_hash_id(html->content));
  auto text = make_raw_document("Plain words, a < b.", "-", std::nullopt, {});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->kind, ContentKind::kText);
  EXPECT_EQ(text->id, content_hash_id("Plain words, a < b."));
  auto empty = make_raw_document("", "-", std::nullopt, {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().to_string(), "-: empty input");
}

TEST(ContentHashId, StableAndDistinct) {
  EXPECT_EQ(content_hash_id(""), "cbf29ce484222325");  // FNV-1a offset basis
  EXPECT_EQ(content_hash_id("a"), content_hash_id("a"));
  EXPECT_NE(content_hash_id("a"), content_hash_id("b"));
}

// Hostile JSONL records: each is refused with a message, never a crash.
Expected<RawDocument> parse(std::string_view line, ReadLimits limits = {}) {
  return parse_jsonl_record(line, "x.jsonl:3", limits);
}

TEST(ParseJsonlRecord, BrokenJsonNamesTheLine) {
  auto r = parse(R"({"id":"1","text":"unterminated)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "x.jsonl:3");
  EXPECT_EQ(r.error().message.rfind("not valid JSON: ", 0), 0u) << r.error().message;
  EXPECT_EQ(r.error().message.find("last read"), std::string::npos);
}

TEST(ParseJsonlRecord, DeepNestingIsRefusedBeforeParsing) {
  std::string deep =
      R"({"text":"x","a":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto r = parse(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("nested deeper than 64"), std::string::npos);
  // Brackets inside strings are not nesting.
  EXPECT_TRUE(parse(R"({"text":")" + std::string(1000, '[') + "\"}").ok());
}

TEST(ParseJsonlRecord, HugeNumbers) {
  EXPECT_TRUE(parse(R"({"id":123456789012345678901234567890,"text":"x"})").ok());
  auto r = parse(R"({"id":1e999999,"text":"x"})");
  if (r.ok()) EXPECT_EQ(r->id, content_hash_id("x"));  // a float id is ignored
  auto big = parse(R"({"id":18446744073709551615,"event":-9223372036854775808,"text":"x"})");
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(big->id, "18446744073709551615");
  EXPECT_EQ(big->event, "-9223372036854775808");
}

TEST(ParseJsonlRecord, WrongTypesAreIgnoredOrRefused) {
  auto r = parse(R"({"id":{"a":1},"title":["t"],"url":5,"lang":null,"text":"body"})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->id, content_hash_id("body"));
  EXPECT_FALSE(r->title.has_value());
  EXPECT_FALSE(r->url.has_value());
  EXPECT_FALSE(r->language.has_value());
  EXPECT_FALSE(parse(R"({"text":42})").ok());
  EXPECT_FALSE(parse(R"({"text":"   "})").ok());
  EXPECT_FALSE(parse(R"(["text","x"])").ok());
  EXPECT_FALSE(parse(R"("just a string")").ok());
  EXPECT_FALSE(parse("null").ok());
}

TEST(ParseJsonlRecord, NulEscapesAreRemoved) {
  auto r = parse(R"({"id":"a\u0000b","title":"T\u0000","text":"x\u0000y\u0007z"})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->content, "xyz");
  EXPECT_EQ(r->id, "ab");
  EXPECT_EQ(r->title, "T");
}

TEST(ParseJsonlRecord, LoneSurrogatesAreRefused) {
  auto r = parse(R"({"text":"bad \ud800 here"})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("surrogate"), std::string::npos) << r.error().message;
  EXPECT_FALSE(parse(R"({"text":"\udc00"})").ok());
  auto pair = parse(R"({"text":"ok \ud83d\ude00"})");
  ASSERT_TRUE(pair.ok());
  EXPECT_EQ(pair->content, "ok \U0001F600");
}

TEST(ParseJsonlRecord, InvalidUtf8AndMojibakeAreRepaired) {
  auto r = parse("{\"text\":\"caf\xE9 cr\xE8me\"}");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->content, "café crème");
  auto m = parse(R"({"text":"FranÃ§ais"})");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->content, "Français");
}

TEST(ParseJsonlRecord, OversizedLineIsRefusedByTheFileReader) {
  TempDir dir;
  ReadLimits limits;
  limits.max_line_bytes = 100;
  auto path = dir.write("x.jsonl", R"({"text":")" + std::string(500, 'a') + "\"}\n" +
                                       R"({"text":"fits"})"
                                       "\n");
  auto r = read_all({path}, limits);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].where, path + ":1");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].file, path + ":2");
}

}  // namespace
}  // namespace recoupe::ingest
