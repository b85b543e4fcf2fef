// Pipeline: the one road from raw bytes to cross-checked stories. Built once from Resources
// and Config; every command, evaluation, benchmark (and later the server) goes through it,
// so the same input is cleaned, analysed, grouped and cross-checked the same way everywhere.
//
//   auto resources = engine::Resources::load(text::find_data_dir());   // once, ≈ 0.6 s
//   engine::Pipeline pipeline(*resources, config);
//   engine::LoadedArticles in = pipeline.load({"examples/vostochny"});
//   engine::BatchResult stories = pipeline.group(in.articles);
//   std::vector<CrossCheck> checks = pipeline.cross_check(in.articles, stories);
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "core/cross_check.h"
#include "core/expected.h"
#include "core/raw_document.h"
#include "engine/analysis_cache.h"
#include "engine/batch.h"
#include "engine/config.h"
#include "engine/load.h"
#include "engine/pairs.h"
#include "engine/resources.h"
#include "engine/stream.h"

namespace recoupe::engine {

// Every method is const and thread-safe (a Pipeline holds no mutable state); a
// StreamGrouper it makes is not. `resources` must outlive the Pipeline and what it makes.
class Pipeline {
 public:
  Pipeline(const Resources& resources, Config config)
      : resources_(resources), config_(std::move(config)) {}

  const Resources& resources() const { return resources_; }
  const Config& config() const { return config_; }

  // Cleans one document (extract::extract_article with this pipeline's resources and
  // config). Never fails; a page without a body gives an article with empty text.
  Article extract(const RawDocument& doc) const;

  // Reads every input (files, folders, JSONL, "-"; ingest::read_inputs under
  // config().ingest) and hands each cleaned article, or the Error naming the input that
  // could not be read, to `sink`, one at a time in input order. Memory: one document.
  void read(const std::vector<std::string>& inputs,
            const std::function<void(Expected<Article>)>& sink) const;

  // The same, all at once: documents are read in order, then cleaned on config().threads,
  // and the articles are put in the batch order (publication_order, whatever the input
  // order) with unique ids (UniqueIds: a repeated id becomes "ID#2", with a warning).
  // `on_progress` (may be empty) is called from the calling thread after reading with the
  // number of documents, and then as articles are cleaned.
  LoadedArticles load(const std::vector<std::string>& inputs,
                      const std::function<void(size_t done, size_t total)>& on_progress = {}) const;

  // Sentences, dates, quantities, entities and quotes of one article; relative dates resolve
  // against its publication date, else `reference_date` ("YYYY-MM-DD").
  ArticleAnalysis analyze(const Article& article,
                          std::optional<std::string> reference_date = std::nullopt) const;

  // Groups articles into stories, reprints marked (batch path, with global refinement).
  BatchResult group(const std::vector<Article>& articles) const;

  // Cross-checks every story of `grouping` (same order as grouping.stories). With `cache`,
  // articles analysed in an earlier call are not analysed again (engine/analysis_cache.h).
  std::vector<CrossCheck> cross_check(const std::vector<Article>& articles,
                                      const BatchResult& grouping,
                                      AnalysisCache* cache = nullptr) const;
  // The analyses and readings cross_check would make, put in `cache` (read_stories).
  void read_ahead(const std::vector<Article>& articles, const BatchResult& grouping,
                  AnalysisCache& cache) const;

  // The live path: places articles one at a time with the same clusterer.
  StreamGrouper stream() const { return StreamGrouper(resources_, config_.cluster); }

  // Same-event pair scores (the cross-language pair benchmark).
  std::vector<double> score_pairs(const std::vector<ArticlePair>& pairs) const;

 private:
  const Resources& resources_;
  Config config_;
};

}  // namespace recoupe::engine
