#include "engine/cross_check_stories.h"

#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "analyze/analyzer.h"
#include "analyze/entities.h"
#include "synth/analyzed_story.h"
#include "synth/cross_check.h"
#include "text/data_dir.h"

namespace recoupe::engine {

std::vector<CrossCheck> cross_check_stories(const std::vector<Article>& articles,
                                            const BatchResult& grouping,
                                            const SynthesisOptions& options) {
  const std::string data_dir = text::find_data_dir(options.data_dir);
  auto analysis = analyze::AnalysisResources::load(data_dir);
  std::optional<analyze::EntityResources> entities;
  if (options.entities) {
    auto loaded = analyze::EntityResources::load(data_dir);
    if (loaded) entities = std::move(*loaded);
  }
  std::set<std::string> languages;
  for (const auto& a : articles)
    if (a.language) languages.insert(*a.language);
  languages.insert("en");
  auto resources = synth::SynthResources::load(data_dir, {languages.begin(), languages.end()});
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i].id, i);

  std::vector<CrossCheck> out(grouping.stories.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t s; (s = next++) < grouping.stories.size();) {
      const Story& story = grouping.stories[s];
      std::vector<Article> docs;
      std::vector<std::string> dups;
      for (const auto& id : story.article_ids) {
        auto it = index.find(id);
        if (it == index.end()) continue;
        docs.push_back(articles[it->second]);
        const auto& d = it->second < grouping.duplicate_of.size()
                            ? grouping.duplicate_of[it->second]
                            : std::nullopt;
        dups.push_back(d.value_or(""));
      }
      auto analysed = synth::analyze_story(story.id, std::move(docs), analysis,
                                           entities ? &*entities : nullptr);
      analysed.duplicate_of = std::move(dups);
      out[s] = synth::cross_check(analysed.evidence(), resources, options.config);
    }
  };
  unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return out;
}

}  // namespace recoupe::engine
