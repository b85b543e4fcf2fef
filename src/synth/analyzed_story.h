// AnalyzedStory: a story's articles with their analyses, owned together, ready to be
// cross-checked. The convenience the evaluation runner, the tests and the benchmark use;
// the engine, which already holds analyses, builds StoryEvidence directly.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/entities.h"
#include "core/analysis.h"
#include "core/article.h"
#include "synth/story_evidence.h"

namespace recoupe::synth {

// Owns articles and analyses; evidence() borrows them (do not move or resize the vectors
// while an evidence is alive).
struct AnalyzedStory {
  std::string id;
  std::string language;
  std::vector<Article> articles;
  std::vector<ArticleAnalysis> analyses;
  std::vector<std::string> duplicate_of;  // "" for originals; same size as articles
  std::vector<EvidenceEntity> entities;
  std::optional<std::string> reference_date;

  StoryEvidence evidence() const;
};

// Analyses `articles` (story order kept) into an AnalyzedStory: the language is the most
// common article language ("en" when none), the reference date the latest publication date
// (articles without one resolve relative dates against it). With `entities`, each article's
// entities are found (analyze::find_entities) and merged across the story
// (analyze::merge_entities); without, the story has none. No duplicates: the caller adds
// them when it has them. Pure; cost: the analysis, linear in the text.
// `analyze_one` (may be empty): how one article is analysed against the story's reference
// date instead of analyze::analyze_article with `resources` and `quotes`; the live path
// passes one that keeps analyses between runs (engine/analysis_cache.h). It must return
// what analyze_article would.
using AnalyzeArticle = std::function<ArticleAnalysis(
    const Article&, const std::optional<std::string>& reference_date)>;
AnalyzedStory analyze_story(std::string id, std::vector<Article> articles,
                            const analyze::AnalysisResources& resources,
                            const analyze::EntityResources* entities = nullptr,
                            const analyze::QuoteConfig& quotes = {},
                            const AnalyzeArticle& analyze_one = {});

}  // namespace recoupe::synth
