// What the evaluation commands (`recoupe eval*`) need from the stages, one function or
// class per evaluation, so that every call from an evaluation into extract / analyze /
// cluster / synth goes through here. The scores themselves are in src/eval/.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/entities.h"
#include "core/article.h"
#include "core/expected.h"
#include "engine/batch.h"
#include "engine/pairs.h"
#include "engine/pipeline.h"
#include "synth/synth_config.h"
#include "synth/synth_resources.h"

namespace recoupe::engine {

// ---- recoupe eval: a gold set grouped exactly as `recoupe report` groups it.

struct GoldGrouping {
  std::vector<Article> articles;  // batch order (Pipeline::load); gold labels in Article::event
  std::vector<Error> errors;      // inputs that could not be read (the rest is grouped)
  std::vector<size_t> story_of;   // per article, the index of its story
  double seconds = 0;             // grouping time (features + clustering), reading excluded
};

// Loads `path` (Pipeline::load: read, clean, never lose an article) and groups it
// (Pipeline::group). Never fails: unreadable inputs are in `errors`.
GoldGrouping group_gold_set(const std::string& path, const Pipeline& pipeline);

// ---- recoupe eval-summary: the story summary and the lead baseline of a set of articles.

// Every record of the JSONL articles file `path` (.jsonl or .jsonl.zst), cleaned
// (Pipeline::extract), by id; the first of two records with one id wins. Records that
// cannot be parsed (ingest::parse_jsonl_record) or are over 64 MB are left out, each with an
// error naming "file:line". Error when the file cannot be read.
struct ArticlesById {
  std::unordered_map<std::string, Article> by_id;
  std::vector<Error> errors;  // records left out
};
Expected<ArticlesById> extract_articles_by_id(const std::string& path, const Pipeline& pipeline);

// Summarizes stories as `recoupe report` does, cut to a word budget, beside the lead
// baseline, with the pipeline's resources and synthesis config (`pipeline` must outlive it).
class StorySummarizer {
 public:
  explicit StorySummarizer(const Pipeline& pipeline) : pipeline_(pipeline) {}

  struct Summaries {
    std::string language;  // the story's language
    std::string summary;   // the summary's sentences joined by spaces
    std::string lead;      // the lead baseline's (synth::lead_summary), same budget
    double seconds = 0;    // analysis + summary
  };
  // `articles` analysed as one story named `story_id` (synth::analyze_story, no entities),
  // its claims built and summarized in about `words` words (synth::summarize).
  Summaries summarize(std::string story_id, std::vector<Article> articles, int words) const;

 private:
  const Pipeline& pipeline_;
};

// ---- recoupe eval-pairs: same-event decisions on labelled pairs.

struct SameEventScores {
  std::vector<double> scores;  // per pair, its pair score (score_pairs)
  double threshold = 0;        // the bar two lone articles must reach (cluster::pair_bar)
};
SameEventScores score_same_event(const std::vector<ArticlePair>& pairs, const Pipeline& pipeline);

// ---- recoupe eval-extract: a gold page cleaned as a user gets it.

struct GoldPage {
  Article article;
  size_t input_bytes = 0;  // bytes of the page's html or text
  double seconds = 0;      // parsing the record + extraction
};
// The page of the JSONL record `record` (ingest::parse_jsonl_record, default limits; `where`
// names it in errors), cleaned by Pipeline::extract without the record's own title and date
// (the given title must not help the score). Error when the record holds no page.
Expected<GoldPage> extract_gold_page(std::string_view record, const std::string& where,
                                     const Pipeline& pipeline);

// ---- recoupe eval-ner: the entity tagger over pre-tokenized sentences (NER corpora).

// The shipped tagger (analyze::EntityResources: gazetteer, cues, models) and the baseline,
// over words given one per token. Immutable; safe to share across threads. `resources` must
// outlive it.
class CorpusTagger {
 public:
  explicit CorpusTagger(const analyze::EntityResources& resources) : resources_(resources) {}

  // "model" when `lang` has a trained model, else "rules".
  std::string method(const std::string& lang) const;

  struct Tags {
    std::vector<uint8_t> model;     // NerModel tag ids, as the analyzer tags (spans refined)
    std::vector<uint8_t> baseline;  // runs of capitalised words + gazetteer
    size_t tokens = 0;
    double model_seconds = 0;  // the shipped tagger's time: features, decoding, refinement
  };
  Tags tag(const std::vector<std::string>& words, const std::string& lang) const;

 private:
  const analyze::EntityResources& resources_;
};

}  // namespace recoupe::engine
