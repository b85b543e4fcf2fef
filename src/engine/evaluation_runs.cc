#include "engine/evaluation_runs.h"

#include <chrono>

#include "analyze/ner_tokens.h"
#include "cluster/cluster_config.h"
#include "ingest/lines.h"
#include "ingest/reader.h"
#include "synth/analyzed_story.h"
#include "synth/claims.h"
#include "synth/summary.h"

namespace recoupe::engine {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string join(const std::vector<SummarySentence>& sentences) {
  std::string out;
  for (const auto& s : sentences) out += (out.empty() ? "" : " ") + s.text;
  return out;
}

}  // namespace

GoldGrouping group_gold_set(const std::string& path, const Pipeline& pipeline) {
  GoldGrouping out;
  LoadedArticles loaded = pipeline.load({path});
  out.articles = std::move(loaded.articles);
  out.errors = std::move(loaded.errors);
  if (out.articles.empty()) return out;
  auto start = std::chrono::steady_clock::now();
  out.story_of = pipeline.group(out.articles).story_of;
  out.seconds = seconds_since(start);
  return out;
}

Expected<ArticlesById> extract_articles_by_id(const std::string& path, const Pipeline& pipeline) {
  ArticlesById articles;
  auto read = ingest::for_each_line(path, size_t{64} << 20,
                                    [&](std::string_view line, size_t n, bool oversized) {
                                      const std::string where = path + ":" + std::to_string(n);
                                      if (oversized) {
                                        articles.errors.push_back({where, "record over 64 MB"});
                                        return;
                                      }
                                      if (line.find_first_not_of(" \t\r") == std::string_view::npos)
                                        return;
                                      auto doc = ingest::parse_jsonl_record(line, where, {});
                                      if (!doc) {
                                        articles.errors.push_back(doc.error());
                                        return;
                                      }
                                      Article a = pipeline.extract(*doc);
                                      articles.by_id.emplace(a.id, std::move(a));
                                    });
  if (!read) return read.error();
  return articles;
}

StorySummarizer::Summaries StorySummarizer::summarize(std::string story_id,
                                                      std::vector<Article> articles,
                                                      int words) const {
  auto start = std::chrono::steady_clock::now();
  Summaries out;
  const auto& config = pipeline_.config().synth;
  auto story =
      synth::analyze_story(std::move(story_id), std::move(articles),
                           pipeline_.resources().analysis(), nullptr, pipeline_.config().quotes);
  auto evidence = story.evidence();
  auto claims = synth::build_claims(evidence, pipeline_.resources().synth(), config);
  out.summary =
      join(synth::summarize(evidence, claims, config, pipeline_.resources().elisions(), words));
  out.seconds = seconds_since(start);
  out.lead = join(synth::lead_summary(evidence, pipeline_.resources().elisions(), words));
  out.language = story.language;
  return out;
}

SameEventScores score_same_event(const std::vector<ArticlePair>& pairs, const Pipeline& pipeline) {
  return {pipeline.score_pairs(pairs), cluster::pair_bar(pipeline.config().cluster)};
}

Expected<GoldPage> extract_gold_page(std::string_view record, const std::string& where,
                                     const Pipeline& pipeline) {
  auto start = std::chrono::steady_clock::now();
  auto doc = ingest::parse_jsonl_record(record, where, pipeline.config().ingest);
  if (!doc) return doc.error();
  doc->title.reset();
  doc->published.reset();
  GoldPage page;
  page.article = pipeline.extract(*doc);
  page.seconds = seconds_since(start);
  page.input_bytes = doc->content.size();
  return page;
}

std::string CorpusTagger::method(const std::string& lang) const {
  return resources_.model(lang) ? "model" : "rules";
}

CorpusTagger::Tags CorpusTagger::tag(const std::vector<std::string>& words,
                                     const std::string& lang) const {
  using namespace analyze;
  Tags out;
  auto start = std::chrono::steady_clock::now();
  auto toks = tokens_from_words(words);
  auto ann = annotate(toks, &resources_.gazetteer(), resources_.cues(lang));
  auto spans = refine_spans(toks, ann, tag_tokens(toks, ann, lang, resources_), lang, resources_);
  out.model.assign(toks.size(), 0);
  for (const TagSpan& sp : spans)
    for (size_t k = sp.begin; k < sp.end; ++k)
      out.model[k] = static_cast<uint8_t>(k == sp.begin ? begin_tag(sp.type) : inside_tag(sp.type));
  out.model_seconds = seconds_since(start);
  out.tokens = toks.size();
  out.baseline = tag_tokens(toks, ann, lang, resources_, NerMethod::baseline);
  return out;
}

}  // namespace recoupe::engine
