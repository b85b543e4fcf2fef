#include "engine/evaluation_runs.h"

#include <chrono>

#include "engine/load.h"

namespace recoupe::engine {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

GoldGrouping group_gold_set(const std::string& path, const BatchOptions& options) {
  GoldGrouping out;
  LoadedArticles loaded = load_articles({path}, options.threads);
  out.articles = std::move(loaded.articles);
  out.errors = std::move(loaded.errors);
  if (out.articles.empty()) return out;
  auto start = std::chrono::steady_clock::now();
  out.story_of = group_articles(out.articles, options).story_of;
  out.seconds = seconds_since(start);
  return out;
}

}  // namespace recoupe::engine
