#include "engine/unique_ids.h"

#include <fmt/format.h>

namespace recoupe::engine {

bool UniqueIds::claim(Article& article) {
  auto [held, fresh] = holder_.emplace(article.id, article.file);
  if (fresh) return false;
  // "#N" names are tried in order; one taken by an input's own id ("1#2") is skipped.
  int& next = next_suffix_.emplace(article.id, 2).first->second;
  std::string renamed;
  do renamed = fmt::format("{}#{}", article.id, next++);
  while (holder_.count(renamed));
  article.warnings.push_back(
      fmt::format("id \"{}\" is already the id of {}; this article is \"{}\" in this run's output",
                  article.id, held->second, renamed));
  holder_.emplace(renamed, article.file);
  article.id = std::move(renamed);
  return true;
}

}  // namespace recoupe::engine
