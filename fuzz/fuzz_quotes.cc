// libFuzzer target: the whole text analysis (tokens, sentences, names, quotes, and also
// dates and quantities) on arbitrary bytes must return, with every span inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "analyze/analyzer.h"
#include "shipped_resources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const recoupe::analyze::AnalysisResources& resources =
      recoupe::testing::shipped_resources().analysis();
  recoupe::Article article;
  article.id = "fuzz";
  // First byte picks the language so French and English rules are both exercised.
  article.language = size > 0 && (data[0] & 1) ? "en" : "fr";
  article.text.assign(reinterpret_cast<const char*>(data), size);
  recoupe::ArticleAnalysis a =
      recoupe::analyze::analyze_article(article, resources, std::string("2023-09-13"));
  for (const auto& q : a.quotes) {
    if (q.begin > q.end || q.end > size) std::abort();
    if (q.speaker_begin > q.speaker_end || q.speaker_end > size) std::abort();
  }
  for (const auto& d : a.dates)
    if (d.begin >= d.end || d.end > size) std::abort();
  for (const auto& x : a.quantities)
    if (x.begin >= x.end || x.end > size) std::abort();
  return 0;
}
