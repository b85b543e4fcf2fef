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
#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth/disagreements.h"
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

// An article as a test writes it: its outlet, language and text.
inline Article article(std::string id, std::string source, std::string lang, std::string text) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.language = std::move(lang);
  a.text = std::move(text);
  return a;
}

// The disagreements of a story made of `articles`, found with the default config; with the
// story's entities (names, places, persons' ages) when `with_entities`.
inline std::vector<Disagreement> story_disagreements(std::vector<Article> articles,
                                                     bool with_entities = false) {
  const SynthResources& resources = recoupe::testing::shipped_resources().synth();
  AnalyzedStory story =
      analyze_story("s", std::move(articles), analysis_resources(),
                    with_entities ? &recoupe::testing::shipped_resources().entities() : nullptr);
  const StoryEvidence ev = story.evidence();
  const SynthConfig config;
  const ClaimSet claims = build_claims(ev, resources, config);
  return find_disagreements(ev, claims, {}, resources, config);
}

// "kind: value|value" for each disagreement of a story of `articles` (story_disagreements).
inline std::vector<std::string> story_disputes(std::vector<Article> articles,
                                               bool with_entities = false) {
  std::vector<std::string> out;
  for (const auto& d : story_disagreements(std::move(articles), with_entities)) {
    std::string values;
    for (const auto& v : d.versions) values += (values.empty() ? "" : "|") + v.value;
    out.push_back(d.kind + ": " + values);
  }
  return out;
}

}  // namespace recoupe::synth::testing
