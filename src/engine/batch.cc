#include "engine/batch.h"

#include "core/parallel_for.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "cluster/event_clusterer.h"
#include "cluster/features.h"
#include "engine/featurize.h"
#include "index/minhash.h"

namespace recoupe::engine {

std::vector<size_t> publication_order(const std::vector<Article>& articles) {
  // An undated article sorts with the last dated article before it in the input, so that a
  // fully undated input keeps its order and a mixed one stays close to it.
  std::vector<int64_t> key(articles.size());
  int64_t last = INT64_MIN;
  for (size_t i = 0; i < articles.size(); ++i) {
    int64_t t = cluster::publication_hours(articles[i]);
    if (t != cluster::kUnknownTime) last = t;
    key[i] = t != cluster::kUnknownTime ? t : last;
  }
  std::vector<size_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[a] < key[b]; });
  return order;
}

BatchResult group_articles(const std::vector<Article>& articles, const Resources& resources,
                           const cluster::ClusterConfig& config, unsigned threads) {
  BatchResult result;
  const size_t n = articles.size();
  result.duplicate_of.assign(n, std::nullopt);
  result.story_of.assign(n, 0);
  if (n == 0) return result;

  FeatureSpace space(resources.data_dir(), resources.stop_words());
  std::vector<cluster::ArticleFeatures> features =
      featurize_batch(articles, space, config, threads);
  std::vector<size_t> order = publication_order(articles);
  // Refinement scores in parallel; its result does not depend on the thread count.
  cluster::EventClusterer clusterer(config, worker_count(threads));
  for (size_t i : order) clusterer.add(std::move(features[i]));
  clusterer.refine();

  // Number k of the clusterer is article order[k].
  std::vector<uint32_t> labels = clusterer.labels();
  std::map<uint32_t, std::vector<uint32_t>> members;  // label → clusterer numbers (pub. order)
  for (uint32_t k = 0; k < labels.size(); ++k) {
    members[labels[k]].push_back(k);
    uint32_t root = clusterer.duplicate_root(k);
    if (root != k) result.duplicate_of[order[k]] = articles[order[root]].id;
  }

  struct Ranked {
    Story story;
    size_t outlets = 0, size = 0;
    int64_t latest = INT64_MIN;
    std::vector<uint32_t> numbers;
  };
  std::vector<Ranked> ranked;
  for (auto& [label, nums] : members) {
    Ranked r;
    r.numbers = nums;
    Story& s = r.story;
    s.id = fmt::format("s{:012x}", index::hash_string(articles[order[nums.front()]].id) >> 16);
    std::map<std::string, int> langs;
    double best_centrality = -1;
    int64_t earliest = INT64_MAX;
    std::set<std::string> seen_sources;
    for (uint32_t k : nums) {
      const Article& a = articles[order[k]];
      s.article_ids.push_back(a.id);
      if (a.source && !a.source->empty() && seen_sources.insert(*a.source).second)
        s.sources.push_back(*a.source);
      if (a.language) ++langs[*a.language];
      int64_t t = cluster::publication_hours(a);
      if (t != cluster::kUnknownTime) {
        if (t < earliest) {
          earliest = t;
          s.event_date = format_iso(a.published_at->date);
        }
        r.latest = std::max(r.latest, t);
      }
      if (a.title && !a.title->empty()) {
        double c = clusterer.centrality(k);
        if (c > best_centrality) {
          best_centrality = c;
          s.title = a.title;
        }
      }
    }
    int best_lang = 0;
    for (const auto& [l, c] : langs)
      if (c > best_lang) {
        best_lang = c;
        s.language = l;
      }
    r.outlets = s.sources.size();
    r.size = nums.size();
    ranked.push_back(std::move(r));
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.outlets != b.outlets) return a.outlets > b.outlets;
    if (a.size != b.size) return a.size > b.size;
    if (a.latest != b.latest) return a.latest > b.latest;
    return a.story.id < b.story.id;
  });
  for (size_t s = 0; s < ranked.size(); ++s) {
    for (uint32_t k : ranked[s].numbers) result.story_of[order[k]] = s;
    result.stories.push_back(std::move(ranked[s].story));
  }
  return result;
}

}  // namespace recoupe::engine
