#include "engine/batch.h"

#include "core/parallel_for.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <thread>

#include <fmt/format.h>

#include "cluster/event_clusterer.h"
#include "cluster/features.h"
#include "engine/featurize.h"
#include "index/minhash.h"

namespace recoupe::engine {

namespace {

// Ids compared as people number things: runs of digits by value ("a2" before "a10"), the
// rest byte by byte; equal under that ("a01", "a1"), byte order decides.
int compare_natural(std::string_view a, std::string_view b) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      std::string_view x = a.substr(i, ei - i), y = b.substr(j, ej - j);
      x.remove_prefix(std::min(x.find_first_not_of('0'), x.size()));
      y.remove_prefix(std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      if (int c = x.compare(y)) return c;
      i = ei, j = ej;
    } else {
      if (a[i] != b[j])
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
      ++i, ++j;
    }
  }
  if (i < a.size() || j < b.size()) return i < a.size() ? 1 : -1;
  return a.compare(b);
}

int compare_optional(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (a.has_value() != b.has_value()) return a.has_value() ? 1 : -1;  // absent first
  return a ? a->compare(*b) : 0;
}

}  // namespace

std::string story_id_for(const std::string& first_article_id) {
  return fmt::format("s{:012x}", index::hash_string(first_article_id) >> 16);
}

std::vector<size_t> publication_order(const std::vector<Article>& articles) {
  struct Key {
    int64_t time;  // hours; undated: before every dated article
    // Title and text, to order two articles that share id and url: hashed when two do
    // (never inside a story, whose ids are unique).
    std::optional<uint64_t> content;
  };
  std::vector<Key> key(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    int64_t t = cluster::publication_hours(articles[i]);
    key[i].time = t == cluster::kUnknownTime ? INT64_MIN : t;
  }
  auto content = [&](size_t i) {
    if (!key[i].content)
      key[i].content = index::hash_string(articles[i].title.value_or("") + '\n' + articles[i].text);
    return *key[i].content;
  };
  std::vector<size_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  // Only articles equal on every key (the same document given twice) keep their input order,
  // and they are interchangeable.
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Article &a = articles[x], &b = articles[y];
    if (key[x].time != key[y].time) return key[x].time < key[y].time;
    if (int c = compare_natural(a.id, b.id)) return c < 0;
    if (int c = compare_optional(a.url, b.url)) return c < 0;
    if (content(x) != content(y)) return content(x) < content(y);
    return compare_natural(a.file, b.file) < 0;
  });
  return order;
}

BatchResult group_articles(const std::vector<Article>& articles, const Resources& resources,
                           const cluster::ClusterConfig& config, unsigned threads) {
  BatchResult result;
  const size_t n = articles.size();
  result.duplicate_of.assign(n, std::nullopt);
  result.story_of.assign(n, 0);
  if (n == 0) return result;

  FeatureSpace space(resources.data_dir(), resources.stop_words(), resources.elisions());
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
    s.id = story_id_for(articles[order[nums.front()]].id);
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
