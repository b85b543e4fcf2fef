// Helpers shared by the synthesis tests: load articles, analyse them into stories.
#pragma once

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
  static const auto* r =
      new analyze::AnalysisResources(analyze::AnalysisResources::load(text::find_data_dir()));
  return *r;
}

inline std::vector<Article> read_articles(const std::vector<std::string>& paths) {
  std::vector<Article> out;
  ingest::read_inputs(paths, {}, [&](Expected<RawDocument> doc) {
    if (doc) out.push_back(extract::extract_article(*doc));
  });
  return out;
}

}  // namespace recoupe::synth::testing
