// Golden files for `recoupe analyze` (tests/golden/analyze/*.json): each names an input
// article under examples/ and lists dates, quantities and quotes that must be found, and
// items that must not ("absent"). A key "text_starts" matches a prefix of "text"; other keys
// must be equal. See any file there for the shape.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "analyze_test_util.h"
#include "extract/extractor.h"
#include "ingest/reader.h"
#include "report/analysis_json.h"
#include "shipped_resources.h"

namespace recoupe::analyze {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool item_matches(const Json& expected, const Json& actual) {
  for (const auto& [key, value] : expected.items()) {
    if (key == "text_starts") {
      std::string text = actual.value("text", "");
      if (text.rfind(value.get<std::string>(), 0) != 0) return false;
      continue;
    }
    if (!actual.contains(key)) {
      if (!value.is_null()) return false;
      continue;
    }
    const Json& a = actual[key];
    if (value.is_number() && a.is_number()) {
      if (std::fabs(value.get<double>() - a.get<double>()) >
          1e-9 * std::fabs(value.get<double>()) + 1e-9)
        return false;
    } else if (a != value) {
      return false;
    }
  }
  return true;
}

std::optional<ArticleAnalysis> analyze_file(const std::string& path, const std::string& ref) {
  std::optional<ArticleAnalysis> out;
  ingest::read_inputs({path}, ingest::ReadLimits{}, [&](Expected<RawDocument> doc) {
    if (!doc) return;
    out =
        analyze_article(recoupe::testing::shipped_pipeline().extract(*doc), test_resources(), ref);
  });
  return out;
}

TEST(AnalyzeGolden, Seeds) {
  fs::path dir = fs::path(RECOUPE_TEST_DIR) / "golden" / "analyze";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    std::ifstream in(entry.path());
    Json golden = Json::parse(in);
    std::string input =
        std::string(RECOUPE_EXAMPLES_DIR) + "/" + golden["input"].get<std::string>();
    SCOPED_TRACE(entry.path().filename().string());
    auto analysis = analyze_file(input, golden.value("reference_date", ""));
    ASSERT_TRUE(analysis) << input;
    Json actual = Json::parse(report::analysis_to_json(*analysis, false).dump());
    for (const char* kind : {"dates", "quantities", "quotes"}) {
      for (const Json& want : golden.value(kind, Json::array())) {
        bool found = false;
        for (const Json& got : actual[kind]) found = found || item_matches(want, got);
        EXPECT_TRUE(found) << kind << " missing: " << want.dump();
      }
      if (!golden.contains("absent") || !golden["absent"].contains(kind)) continue;
      for (const Json& bad : golden["absent"][kind])
        for (const Json& got : actual[kind])
          EXPECT_FALSE(item_matches(bad, got)) << kind << " unexpected: " << got.dump();
    }
  }
  EXPECT_EQ(files, 5);
}

}  // namespace
}  // namespace recoupe::analyze
