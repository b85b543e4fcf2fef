#include "server/story_query.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "core/calendar.h"
#include "ingest/encoding.h"

namespace recoupe::server {
namespace {

// Any other parameter is a 400: a typo must not pass for "no filter".
constexpr std::string_view kStoryParameters[] = {"since",  "until",   "lang",  "outlet", "q",
                                                 "entity", "speaker", "limit", "cursor"};

bool is_day(const std::string& v) { return v.size() == 10 && parse_iso_date(v).has_value(); }

std::optional<size_t> parse_limit(const std::string& v, size_t max) {
  if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  size_t n = std::stoul(v);
  return n >= 1 && n <= max ? std::optional<size_t>(n) : std::nullopt;
}

}  // namespace

std::variant<StoryQuery, std::string> parse_story_query(
    const std::multimap<std::string, std::string>& params, size_t default_page, size_t max_page) {
  for (const auto& [name, value] : params) {
    if (std::find(std::begin(kStoryParameters), std::end(kStoryParameters), name) ==
        std::end(kStoryParameters))
      return "unknown parameter " + name;
    // A NUL byte ends an FTS5 query string early (a 503 from the store, found by the
    // hostile-request test); no filter means anything with one or with invalid UTF-8.
    if (value.find('\0') != std::string::npos || !ingest::is_valid_utf8(value))
      return name + " must be UTF-8 text without NUL bytes";
  }
  auto param = [&](const char* name) -> std::optional<std::string> {
    auto it = params.lower_bound(name);  // the first given (equal names keep their order)
    if (it == params.end() || it->first != name || it->second.empty()) return std::nullopt;
    return it->second;
  };
  StoryQuery q;
  q.filter = {param("since"), param("until"),  param("lang"),   param("outlet"),
              param("q"),     param("entity"), param("speaker")};
  for (const auto* day : {&q.filter.since, &q.filter.until})
    if (*day && !is_day(**day))
      return fmt::format("{} must be a day YYYY-MM-DD, not '{}'",
                         day == &q.filter.since ? "since" : "until", **day);
  q.limit = default_page;
  if (auto l = param("limit")) {
    auto n = parse_limit(*l, max_page);
    if (!n) return fmt::format("limit must be from 1 to {}, not '{}'", max_page, *l);
    q.limit = *n;
  }
  if (auto c = param("cursor")) {
    q.after = decode_cursor(*c);
    if (!q.after) return "cursor is not one this server gave: '" + *c + "'";
  }
  return q;
}

}  // namespace recoupe::server
