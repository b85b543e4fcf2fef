// Inputs built to make a careless scanner quadratic or deep: each must be analysed in time
// proportional to its size. The bound is loose (shared CI machines); a quadratic pass over
// these 400 KB inputs would take minutes, not a second.
#include <gtest/gtest.h>

#include <chrono>

#include "analyze_test_util.h"

namespace recoupe::analyze {
namespace {

double seconds_to_analyze(const std::string& text, const std::string& lang) {
  Article a;
  a.id = "x";
  a.language = lang;
  a.text = text;
  auto start = std::chrono::steady_clock::now();
  ArticleAnalysis r = analyze_article(a, test_resources(), std::string("2023-09-13"));
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string repeat(const std::string& s, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += s;
  return out;
}

TEST(Pathological, LinearTime) {
  const size_t kBytes = 400000;
  for (const char* unit :
       {"« ", "» ", "\" ", "“ ‘ ", "a. ", "M. ", "« a », a déclaré Vladimir Poutine, ",
        "Kim Jong-un ", "- ", "1 ", "deux ", "mercredi ", "« Il a dit », a-t-il ajouté ",
        "\xC2\xA0", "\n", "\xff"}) {
    double s = seconds_to_analyze(repeat(unit, kBytes), "fr");
    EXPECT_LT(s, 10.0) << "input made of '" << unit << "'";
  }
}

}  // namespace
}  // namespace recoupe::analyze
