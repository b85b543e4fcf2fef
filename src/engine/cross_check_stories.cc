#include "engine/cross_check_stories.h"

#include <algorithm>
#include <map>

#include "analyze/analyzer.h"
#include "core/parallel_for.h"
#include "synth/analyzed_story.h"
#include "synth/article_reading.h"
#include "synth/cross_check.h"
#include "synth/cross_check_budget.h"

namespace recoupe::engine {

namespace {

// cross_check_stories, or only its reading of each story into `cache` (`check` false: no
// cross-check, an empty result).
std::vector<CrossCheck> read_and_check(const std::vector<Article>& articles,
                                       const BatchResult& grouping, const Resources& resources,
                                       const synth::SynthConfig& config,
                                       const analyze::QuoteConfig& quotes, unsigned threads,
                                       AnalysisCache* cache, bool check) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i].id, i);

  std::vector<CrossCheck> out(grouping.stories.size());
  // Largest stories first: a story's cross-check grows faster than its article count, and
  // one big story handed out last would leave the other workers idle while it runs alone.
  std::vector<size_t> order(grouping.stories.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return grouping.stories[x].article_ids.size() > grouping.stories[y].article_ids.size();
  });
  parallel_for(0, order.size(), threads, [&](unsigned, size_t k) {
    const size_t s = order[k];
    const Story& story = grouping.stories[s];
    std::vector<Article> docs;
    std::vector<std::string> dups;
    for (const auto& id : story.article_ids) {
      auto it = index.find(id);
      if (it == index.end()) continue;
      docs.push_back(articles[it->second]);
      const auto& d = it->second < grouping.duplicate_of.size() ? grouping.duplicate_of[it->second]
                                                                : std::nullopt;
      dups.push_back(d.value_or(""));
    }
    synth::BudgetedStory budgeted = synth::budget_story(std::move(docs), std::move(dups), config);
    synth::AnalyzeArticle analyze_one;
    if (cache)
      analyze_one = [&](const Article& a, const std::optional<std::string>& reference_date) {
        return cache->get(a, reference_date, [&] {
          return analyze::analyze_article(a, resources.analysis(), reference_date, quotes);
        });
      };
    auto analysed =
        synth::analyze_story(story.id, std::move(budgeted.articles), resources.analysis(),
                             &resources.entities(), quotes, analyze_one);
    analysed.duplicate_of = std::move(budgeted.duplicate_of);
    synth::StoryEvidence evidence = analysed.evidence();
    std::vector<std::shared_ptr<const synth::ArticleReading>> readings;  // alive for the call
    if (cache) {
      for (size_t i = 0; i < analysed.articles.size(); ++i) {
        const Article& a = analysed.articles[i];
        readings.push_back(cache->reading(a, analysed.reference_date, analysed.language, [&] {
          return synth::read_article(a, &analysed.analyses[i], analysed.language, resources.synth(),
                                     config);
        }));
        evidence.readings.push_back(readings.back().get());
      }
    }
    if (!check) return;
    out[s] = synth::cross_check(evidence, resources.synth(), config);
    synth::credit_reprints(budgeted, out[s]);
    std::vector<size_t> sentences_read;
    for (const auto& an : analysed.analyses) sentences_read.push_back(an.sentences.size());
    budgeted.articles = std::move(analysed.articles);  // for the notices' article ids and sizes
    std::vector<std::string> notices = synth::budget_notices(budgeted, sentences_read, config);
    notices.insert(notices.end(), out[s].notices.begin(), out[s].notices.end());
    out[s].notices = std::move(notices);
  });
  if (!check) out.clear();
  return out;
}

}  // namespace

std::vector<CrossCheck> cross_check_stories(const std::vector<Article>& articles,
                                            const BatchResult& grouping, const Resources& resources,
                                            const synth::SynthConfig& config,
                                            const analyze::QuoteConfig& quotes, unsigned threads,
                                            AnalysisCache* cache) {
  return read_and_check(articles, grouping, resources, config, quotes, threads, cache, true);
}

void read_stories(const std::vector<Article>& articles, const BatchResult& grouping,
                  const Resources& resources, const synth::SynthConfig& config,
                  const analyze::QuoteConfig& quotes, unsigned threads, AnalysisCache& cache) {
  read_and_check(articles, grouping, resources, config, quotes, threads, &cache, false);
}

}  // namespace recoupe::engine
