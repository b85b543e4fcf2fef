#include "engine/pipeline.h"

#include <atomic>

#include "analyze/analyzer.h"
#include "core/parallel_for.h"
#include "engine/cross_check_stories.h"
#include "engine/unique_ids.h"
#include "extract/extractor.h"
#include "ingest/reader.h"

namespace recoupe::engine {

Article Pipeline::extract(const RawDocument& doc) const {
  return extract::extract_article(doc, {resources_.html(), resources_.text_cues()},
                                  config_.extract);
}

void Pipeline::read(const std::vector<std::string>& inputs,
                    const std::function<void(Expected<Article>)>& sink) const {
  ingest::read_inputs(inputs, config_.ingest, [&](Expected<RawDocument> doc) {
    if (!doc)
      sink(doc.error());
    else
      sink(extract(*doc));
  });
}

LoadedArticles Pipeline::load(const std::vector<std::string>& inputs,
                              const std::function<void(size_t, size_t)>& on_progress) const {
  LoadedArticles out;
  std::vector<RawDocument> docs;
  ingest::read_inputs(inputs, config_.ingest, [&](Expected<RawDocument> doc) {
    if (doc)
      docs.push_back(std::move(*doc));
    else
      out.errors.push_back(doc.error());
  });
  const size_t total = docs.size();
  if (on_progress) on_progress(0, total);
  out.articles.resize(total);
  std::atomic<size_t> done{0};
  parallel_for(0, total, config_.threads, [&](unsigned worker, size_t i) {
    out.articles[i] = extract(docs[i]);
    docs[i] = {};
    size_t n = ++done;
    // Only the calling thread reports, so the callback needs no locking.
    if (worker == 0 && on_progress) on_progress(n, total);
  });
  if (on_progress) on_progress(total, total);
  // The batch order, then ids made unique in it: the same inputs listed in any order give
  // the same articles, ids and stories.
  std::vector<Article> ordered;
  ordered.reserve(total);
  for (size_t i : publication_order(out.articles)) ordered.push_back(std::move(out.articles[i]));
  out.articles = std::move(ordered);
  UniqueIds ids;
  for (Article& a : out.articles) ids.claim(a);
  return out;
}

ArticleAnalysis Pipeline::analyze(const Article& article,
                                  std::optional<std::string> reference_date) const {
  return analyze::analyze_article(article, resources_.analysis(), std::move(reference_date),
                                  config_.quotes);
}

BatchResult Pipeline::group(const std::vector<Article>& articles) const {
  return group_articles(articles, resources_, config_.cluster, config_.threads);
}

std::vector<CrossCheck> Pipeline::cross_check(const std::vector<Article>& articles,
                                              const BatchResult& grouping,
                                              AnalysisCache* cache) const {
  return cross_check_stories(articles, grouping, resources_, config_.synth, config_.quotes,
                             config_.threads, cache);
}

void Pipeline::read_ahead(const std::vector<Article>& articles, const BatchResult& grouping,
                          AnalysisCache& cache) const {
  read_stories(articles, grouping, resources_, config_.synth, config_.quotes, config_.threads,
               cache);
}

std::vector<double> Pipeline::score_pairs(const std::vector<ArticlePair>& pairs) const {
  return engine::score_pairs(pairs, resources_, config_.cluster, config_.threads);
}

}  // namespace recoupe::engine
