// JSON and terminal renderings of a grouping run: articles and the stories they form.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/article.h"
#include "core/story.h"

namespace recoupe::report {

// {"articles": [{id, file, source, title, published, language, words, duplicate_of
// [, text]}], "stories": [{id, title, language, event_date, articles, sources}]} as in
// formats.md (null where unknown). `duplicate_of[i]` belongs to `articles[i]`.
nlohmann::ordered_json stories_to_json(const std::vector<Article>& articles,
                                       const std::vector<std::optional<std::string>>& duplicate_of,
                                       const std::vector<Story>& stories, bool with_text);

// A terminal listing: one block per story, most important first, with its articles
// (outlet, date, title; reprints marked).
void print_stories_text(std::ostream& out, const std::vector<Article>& articles,
                        const std::vector<std::optional<std::string>>& duplicate_of,
                        const std::vector<Story>& stories);

}  // namespace recoupe::report
