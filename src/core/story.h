// Story: one real-world event as reported by one or more articles.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace recoupe {

// What the grouping stage produces (formats.md, "stories"). Later stages add the summary,
// the corroboration matrix and the rest; these fields stay as they are.
struct Story {
  std::string id;                         // stable: derived from the story's first article
  std::optional<std::string> title;       // for now the title of the most central article
  std::optional<std::string> language;    // most frequent language of its articles
  std::optional<std::string> event_date;  // earliest publication date seen (YYYY-MM-DD)
  std::vector<std::string> article_ids;   // publication order (undated last, input order)
  std::vector<std::string> sources;       // distinct outlets, in order of first article
};

}  // namespace recoupe
