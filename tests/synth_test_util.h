// Helpers shared by the synthesis tests: load articles, analyse them into stories.
#pragma once

#include "shipped_resources.h"

#include <map>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "core/article.h"
#include "extract/extractor.h"
#include "ingest/lines.h"
#include "ingest/reader.h"
#include "text/data_dir.h"

namespace recoupe::synth::testing {

inline const analyze::AnalysisResources& analysis_resources() {
  return recoupe::testing::shipped_resources().analysis();
}

inline std::vector<Article> read_articles(const std::vector<std::string>& paths) {
  std::vector<Article> out;
  recoupe::testing::shipped_pipeline().read(paths, [&](Expected<Article> a) {
    if (a) out.push_back(std::move(*a));
  });
  return out;
}

}  // namespace recoupe::synth::testing
