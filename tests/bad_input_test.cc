// Bad input, end to end through the `recoupe` binary: every refusal is one line on stderr
// naming the input (and the line for JSONL), the rest of the batch is still processed, and
// the exit code is the documented one (0 ok, 1 some refused, 2 usage, 3 nothing processed).
// Inputs are generated in a temporary folder at test time; the 200 MB file is sparse.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/encoding.h"
#include "ingest_test_util.h"

namespace recoupe {
namespace {

using namespace std::string_literals;
using recoupe::testing::TempDir;

struct Run {
  int exit_code = -1;
  std::string out;
  std::vector<std::string> err_lines;
  double seconds = 0;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `recoupe extract ARGS` (stdin from `stdin_file` or /dev/null).
Run extract(const TempDir& dir, const std::vector<std::string>& args,
            const std::string& stdin_file = "/dev/null") {
  std::string cmd = quote(RECOUPE_BINARY) + " extract";
  for (const auto& a : args) cmd += " " + quote(a);
  auto out = dir.path() / "stdout.txt", err = dir.path() / "stderr.txt";
  cmd += " < " + quote(stdin_file) + " > " + quote(out.string()) + " 2> " + quote(err.string());
  auto start = std::chrono::steady_clock::now();
  int status = std::system(cmd.c_str());
  Run r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  std::istringstream lines(slurp(err));
  for (std::string line; std::getline(lines, line);) r.err_lines.push_back(line);
  return r;
}

// Articles printed on stdout (one JSON object per line), checking each is valid UTF-8 JSON.
std::vector<nlohmann::json> articles(const Run& r) {
  EXPECT_TRUE(ingest::is_valid_utf8(r.out));
  std::vector<nlohmann::json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << line.substr(0, 200);
    out.push_back(j);
  }
  return out;
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The one error line for `where`: "recoupe: WHERE: message".
void expect_error_line(const Run& r, size_t index, const std::string& where,
                       const std::string& words = "") {
  ASSERT_LT(index, r.err_lines.size());
  const std::string& line = r.err_lines[index];
  EXPECT_EQ(line.rfind("recoupe: " + where + ": ", 0), 0u) << line;
  if (!words.empty()) {
    EXPECT_NE(line.find(words), std::string::npos) << line;
  }
}

TEST(BadInput, AllGoodExitsZero) {
  TempDir dir;
  auto a = dir.write("a.txt", "Le Monde\n\nKim Jong-un est arrivé mardi au cosmodrome.\n");
  auto r = extract(dir, {a});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.err_lines.empty());
  EXPECT_EQ(articles(r).size(), 1u);
}

TEST(BadInput, EmptyFileAlone) {
  TempDir dir;
  auto empty = dir.write("empty.txt", "");
  auto r = extract(dir, {empty});
  EXPECT_EQ(r.exit_code, 3);
  ASSERT_EQ(r.err_lines.size(), 1u);
  expect_error_line(r, 0, empty, "empty");
  EXPECT_TRUE(r.out.empty());
}

TEST(BadInput, BinaryJunkAmongGoodFiles) {
  TempDir dir;
  std::string junk;
  uint32_t x = 7;
  for (int i = 0; i < 100000; ++i) {
    x = x * 1664525u + 1013904223u;
    junk += static_cast<char>(x >> 24);
  }
  auto a = dir.write("a.txt", "First article, kept.");
  auto bin = dir.write("junk.html", junk);
  auto bom_junk = dir.write("bom.txt", "\xFF\xFE"s + junk);
  auto b = dir.write("b.txt", "Second article, kept.");
  auto r = extract(dir, {a, bin, bom_junk, b});
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.err_lines.size(), 2u);
  expect_error_line(r, 0, bin, "binary");
  expect_error_line(r, 1, bom_junk, "binary");
  EXPECT_EQ(articles(r).size(), 2u);
}

TEST(BadInput, HugeFileIsRefusedQuicklyWithoutReadingIt) {
  TempDir dir;
  auto huge = (dir.path() / "huge.txt").string();
  { std::ofstream(huge) << "x"; }
  std::filesystem::resize_file(huge, 200u << 20);  // sparse: no 200 MB written to disk
  auto good = dir.write("good.txt", "A small article.");
  auto r = extract(dir, {huge, good});
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.err_lines.size(), 1u);
  expect_error_line(r, 0, huge, "200.0 MB, over the 64.0 MB limit");
  EXPECT_EQ(articles(r).size(), 1u);
  EXPECT_LT(r.seconds, 5.0);  // refused from its size (a read would take seconds under ASan)
}

TEST(BadInput, InvalidUtf8IsRepairedNotRefused) {
  TempDir dir;
  auto bad = dir.write("bad.txt",
                       "Caf\xE9 cr\xE8me \xFF\xFE\xFD, l\x92"
                       "\xE9t\xE9 \xC3 fin");
  auto r = extract(dir, {bad});
  EXPECT_EQ(r.exit_code, 0);
  auto a = articles(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_NE(a[0].dump().find("Café crème"), std::string::npos) << a[0].dump();
}

TEST(BadInput, TruncatedHtml) {
  TempDir dir;
  auto cut = dir.write("cut.html",
                       "<html><head><title>Cut page</title></head><body><article><p>The first "
                       "paragraph is whole.</p><p>The second one is cut in the mid<a href=\"ht");
  auto r = extract(dir, {cut});
  EXPECT_EQ(r.exit_code, 0);
  auto a = articles(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_NE(a[0]["text"].get<std::string>().find("first paragraph is whole"), std::string::npos);
}

// 100,000-deep HTML: the reader flattens nesting beyond 512 levels before the parser sees it
// (ingest/html_nesting.h), so neither the parser's quadratic cost nor a recursive tree walk
// is reached. Time bound generous for sanitizer builds.
void expect_deep_page_extracted(const std::string& open, const std::string& close) {
  TempDir dir;
  auto deep = dir.write("deep.html", "<html><body>" + repeat(open, 100000) +
                                         "<p>Words at the bottom of a deep page.</p>" +
                                         repeat(close, 100000) + "</body></html>");
  auto r = extract(dir, {deep});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.err_lines.empty());
  auto a = articles(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_NE(a[0]["text"].get<std::string>().find("Words at the bottom"), std::string::npos);
  EXPECT_LT(r.seconds, 20.0);
}

TEST(BadInput, DeepNestedDivs) { expect_deep_page_extracted("<div>", "</div>"); }
TEST(BadInput, DeepNestedFormattingElements) { expect_deep_page_extracted("<b><i>", ""); }
TEST(BadInput, DeepNestedTables) { expect_deep_page_extracted("<table><tr><td>", ""); }

TEST(BadInput, JsonlWithOneBrokenLine) {
  TempDir dir;
  auto path = dir.write("batch.jsonl", R"({"id":"1","text":"First good record."})"
                                       "\n"
                                       R"({"id":"2","text":"broken because unterminated)"
                                       "\n"
                                       R"({"id":"3","text":"Third good record."})"
                                       "\n");
  auto r = extract(dir, {path});
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.err_lines.size(), 1u);
  expect_error_line(r, 0, path + ":2", "not valid JSON");
  auto a = articles(r);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0]["id"], "1");
  EXPECT_EQ(a[1]["id"], "3");
}

TEST(BadInput, HostileJson) {
  TempDir dir;
  std::vector<std::string> lines = {
      R"({"id":"deep","text":"x","a":)" + repeat("[", 100000) + repeat("]", 100000) + "}",
      R"({"id":"deepobj","text":"x","a":)" + repeat(R"({"a":)", 50000) + "1" + repeat("}", 50000) +
          "}",
      R"({"id":"huge","text":"Huge numbers are fine.","n":1e999999,"m":-123456789012345678901234567890})",
      R"({"id":"types","text":42,"html":["not","a","string"]})",
      R"({"id":"nul","title":"T\u0000","text":"A headline line.\nNUL\u0000 escapes are dropped."})",
      R"({"id":"surrogate","text":"lone \ud800 surrogate"})",
      R"({"id":"ok","text":"The last record is fine."})",
  };
  std::string jsonl;
  for (const auto& l : lines) jsonl += l + "\n";
  auto path = dir.write("hostile.jsonl", jsonl);
  auto r = extract(dir, {path});
  EXPECT_EQ(r.exit_code, 1);
  auto a = articles(r);
  std::vector<std::string> ids;
  for (const auto& j : a) ids.push_back(j["id"]);
  std::vector<std::string> refused_lines;
  for (const auto& l : r.err_lines) {
    EXPECT_EQ(l.rfind("recoupe: " + path + ":", 0), 0u) << l;
    refused_lines.push_back(l.substr(("recoupe: " + path + ":").size(), 1));
  }
  // Refused: 1 (deep), 2 (deep objects), 4 (no string text/html), 6 (lone surrogate); line 3
  // is kept or refused depending on how the JSON library treats 1e999999, never a crash.
  EXPECT_NE(std::find(ids.begin(), ids.end(), "nul"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "ok"), ids.end());
  for (std::string refused : {"1", "2", "4", "6"})
    EXPECT_NE(std::find(refused_lines.begin(), refused_lines.end(), refused), refused_lines.end())
        << refused;
  EXPECT_EQ(a.size() + r.err_lines.size(), lines.size());
  for (const auto& j : a) {
    if (j["id"] != "nul") continue;
    std::string dumped = j.dump();  // the text cleaner may take the line as title or text
    EXPECT_NE(dumped.find("NUL escapes are dropped."), std::string::npos) << dumped;
    EXPECT_EQ(dumped.find("\\u0000"), std::string::npos) << dumped;
  }
}

TEST(BadInput, NonexistentPath) {
  TempDir dir;
  auto missing = (dir.path() / "no" / "such.txt").string();
  auto good = dir.write("good.txt", "Still processed.");
  auto r = extract(dir, {missing, good});
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.err_lines.size(), 1u);
  expect_error_line(r, 0, missing, "no such file");
  EXPECT_EQ(articles(r).size(), 1u);
  auto alone = extract(dir, {missing});
  EXPECT_EQ(alone.exit_code, 3);
  EXPECT_EQ(alone.err_lines.size(), 1u);
}

TEST(BadInput, UsageErrors) {
  TempDir dir;
  EXPECT_EQ(extract(dir, {}).exit_code, 2);
  EXPECT_EQ(extract(dir, {"--no-such-option", "x.txt"}).exit_code, 2);
  EXPECT_EQ(extract(dir, {"--format", "yaml", "x.txt"}).exit_code, 2);
}

TEST(BadInput, StdinIsSniffed) {
  TempDir dir;
  auto html = dir.write("in.bin", "<!DOCTYPE html><html><body><p>From stdin.</p></body></html>");
  auto r = extract(dir, {"-"}, html);
  EXPECT_EQ(r.exit_code, 0);
  auto a = articles(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0]["file"], "-");
  EXPECT_EQ(a[0]["text"], "From stdin.");
  auto jsonl = dir.write("in2.bin", R"({"id":"s1","text":"One."})"
                                    "\n"
                                    R"({"id":"s2",)"
                                    "\n");
  r = extract(dir, {"-"}, jsonl);
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.err_lines.size(), 1u);
  expect_error_line(r, 0, "-:2");
  auto empty = dir.write("in3.bin", "");
  r = extract(dir, {"-"}, empty);
  EXPECT_EQ(r.exit_code, 3);
  expect_error_line(r, 0, "-", "empty");
}

}  // namespace
}  // namespace recoupe
