// The query parameters of GET /api/stories (docs/api.md): since, until, lang, outlet, q,
// entity, speaker, limit, cursor. Read into a store filter, a page size and a cursor, or refused
// with the one-line reason a 400 answer gives. Pure; linear in the parameters' length.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "server/story_page.h"
#include "store/records.h"

namespace recoupe::server {

struct StoryQuery {
  store::StoryFilter filter;
  size_t limit = 0;
  std::optional<StoryCursor> after;  // the page starts after this story
};

// `params` as the HTTP library decoded them (a name may come several times: the first
// counts). An empty value is no parameter; an unknown name, a value that is not UTF-8 or
// holds a NUL byte, a day that is not YYYY-MM-DD,
// a limit outside 1..max_page or a cursor this server did not write is refused (the
// string says why).
std::variant<StoryQuery, std::string> parse_story_query(
    const std::multimap<std::string, std::string>& params, size_t default_page, size_t max_page);

}  // namespace recoupe::server
