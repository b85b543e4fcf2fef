// Golden files: tests/golden/extract/<name>.json pins the extraction of one input article
// ("input", relative to the repository) — its paragraphs and metadata. A failure prints what
// differs: fields as expected/got, paragraphs as a line diff ("-" expected only, "+" got only).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "extract/extractor.h"
#include "ingest/reader.h"
#include "shipped_resources.h"

namespace recoupe {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> golden_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(RECOUPE_TEST_DIR) / "golden" / "extract"))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string show(const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : "null"; }

std::string paragraph_diff(const std::vector<std::string>& want,
                           const std::vector<std::string>& got) {
  std::set<std::string> w(want.begin(), want.end()), g(got.begin(), got.end());
  std::ostringstream out;
  for (const auto& p : want)
    if (!g.count(p)) out << "  - " << p << "\n";
  for (const auto& p : got)
    if (!w.count(p)) out << "  + " << p << "\n";
  if (out.str().empty() && want != got) out << "  (same paragraphs, different order)\n";
  return out.str();
}

TEST(GoldenExtract, EveryGoldenFileMatches) {
  auto files = golden_files();
  ASSERT_FALSE(files.empty()) << "no golden file under tests/golden/extract";
  for (const auto& path : files) {
    SCOPED_TRACE(path.filename().string());
    std::ifstream in(path);
    nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
    ASSERT_TRUE(gold.is_object()) << "not valid JSON";
    fs::path input = fs::path(RECOUPE_TEST_DIR).parent_path() / gold.at("input").get<std::string>();
    std::optional<Article> article;
    ingest::read_inputs({input.string()}, {}, [&](Expected<RawDocument> doc) {
      ASSERT_TRUE(doc.ok()) << doc.error().to_string();
      article = recoupe::testing::shipped_pipeline().extract(*doc);
    });
    ASSERT_TRUE(article.has_value()) << "input not read: " << input;

    auto field = [&](const char* key, const std::optional<std::string>& got) {
      std::optional<std::string> want;
      if (gold.contains(key) && gold[key].is_string()) want = gold[key].get<std::string>();
      EXPECT_EQ(want, got) << key << ": expected " << show(want) << ", got " << show(got);
    };
    field("title", article->title);
    field("source", article->source);
    field("published", article->published);
    field("author", article->author);
    field("agency", article->agency);
    field("language", article->language);
    auto want = gold.at("paragraphs").get<std::vector<std::string>>();
    EXPECT_EQ(want, article->paragraphs) << "paragraphs differ:\n"
                                         << paragraph_diff(want, article->paragraphs);
  }
}

}  // namespace
}  // namespace recoupe
