#include "engine/featurize.h"

#include <memory>

#include "core/parallel_for.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

namespace recoupe::engine {

namespace {

// A worker per 16 articles at most: below that, starting threads costs more than it saves.
constexpr size_t kMinArticlesPerWorker = 16;

// Renumbers the ids the batch added (first_new and above) in an order that depends on the
// input alone: by the first article that has the term, then by key within an article.
void renumber_in_input_order(std::vector<index::RawTerms>& raw, index::TermDictionary& dict,
                             index::TermId first_new) {
  const size_t n = dict.size();
  constexpr index::TermId kUnset = UINT32_MAX;
  std::vector<index::TermId> new_id(n, kUnset);
  for (index::TermId t = 0; t < first_new; ++t) new_id[t] = t;
  index::TermId next = first_new;
  std::vector<std::pair<std::string, index::TermId>> fresh;
  for (const auto& r : raw) {
    fresh.clear();
    for (const auto* ch : {&r.title, &r.body, &r.entities, &r.numbers})
      for (const auto& e : *ch)
        if (new_id[e.term] == kUnset) {
          new_id[e.term] = kUnset - 1;  // seen in this article; numbered below
          fresh.emplace_back(dict.key(e.term), e.term);
        }
    std::sort(fresh.begin(), fresh.end());
    for (const auto& [key, t] : fresh) new_id[t] = next++;
  }
  // Keys interned but used by no article (none today) keep the order after the others.
  for (auto& id : new_id)
    if (id >= kUnset - 1) id = next++;
  for (auto& r : raw)
    for (auto* ch : {&r.title, &r.body, &r.entities, &r.numbers}) {
      for (auto& e : *ch) e.term = new_id[e.term];
      std::sort(ch->begin(), ch->end(), [](const index::TermWeight& a, const index::TermWeight& b) {
        return a.term < b.term;
      });
    }
  dict.renumber(new_id);
}

}  // namespace

std::vector<index::RawTerms> extract_terms(const std::vector<Article>& articles,
                                           FeatureSpace& space, unsigned threads) {
  const index::TermId first_new = index::TermId(space.dictionary.size());
  std::vector<index::RawTerms> raw(articles.size());
  // One extractor per worker: it keeps per-thread scratch buffers and an ICU transliterator.
  std::vector<std::unique_ptr<index::TermExtractor>> extractors(worker_count(threads));
  parallel_for(
      0, articles.size(), threads,
      [&](unsigned worker, size_t i) {
        auto& extractor = extractors[worker];
        if (!extractor)
          extractor = std::make_unique<index::TermExtractor>(space.dictionary, space.stop_words,
                                                             space.elisions);
        const Article& a = articles[i];
        raw[i] = extractor->extract(a.language.value_or(""), a.title.value_or(""), a.text);
      },
      kMinArticlesPerWorker);
  if (space.dictionary.size() > first_new)
    renumber_in_input_order(raw, space.dictionary, first_new);
  return raw;
}

std::vector<cluster::ArticleFeatures> featurize_batch(const std::vector<Article>& articles,
                                                      FeatureSpace& space,
                                                      const cluster::ClusterConfig& config,
                                                      unsigned threads) {
  std::vector<index::RawTerms> raw = extract_terms(articles, space, threads);
  for (const auto& r : raw) space.df.add(cluster::distinct_terms(r));
  std::vector<cluster::ArticleFeatures> out(articles.size());
  parallel_for(
      0, articles.size(), threads,
      [&](unsigned, size_t i) {
        out[i] = cluster::weigh_features(raw[i], space.df, cluster::publication_hours(articles[i]),
                                         config);
        raw[i] = {};
      },
      kMinArticlesPerWorker);
  return out;
}

}  // namespace recoupe::engine
