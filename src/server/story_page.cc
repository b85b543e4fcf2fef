#include "server/story_page.h"

#include <cctype>
#include <charconv>
#include <climits>
#include <tuple>

#include <fmt/format.h>

namespace recoupe::server {
namespace {

std::optional<int64_t> parse_int(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

bool is_story_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  return true;
}

// True when story `s` comes after the cursor in the store's order: more outlets, articles
// and a later publication come first; then the id, ascending.
bool comes_after(const store::StorySummary& s, const StoryCursor& c) {
  auto key = [](int64_t outlets, int64_t articles, std::optional<int64_t> hours) {
    return std::make_tuple(-outlets, -articles, -hours.value_or(INT64_MIN + 1));
  };
  auto mine = key(s.outlet_count, s.article_count, s.latest_hours);
  auto theirs = key(c.outlets, c.articles, c.latest_hours);
  return mine != theirs ? mine > theirs : s.id > c.id;
}

}  // namespace

std::string encode_cursor(const StoryCursor& c) {
  return fmt::format("{}.{}.{}.{}", c.outlets, c.articles,
                     c.latest_hours ? std::to_string(*c.latest_hours) : "-", c.id);
}

std::optional<StoryCursor> decode_cursor(std::string_view text) {
  std::vector<std::string_view> parts;
  for (size_t start = 0; parts.size() < 3;) {
    size_t dot = text.find('.', start);
    if (dot == std::string_view::npos) return std::nullopt;
    parts.push_back(text.substr(start, dot - start));
    start = dot + 1;
    if (parts.size() == 3) parts.push_back(text.substr(start));
  }
  StoryCursor c;
  auto outlets = parse_int(parts[0]), articles = parse_int(parts[1]);
  if (!outlets || !articles || *outlets < 0 || *articles < 0 || !is_story_id(parts[3]))
    return std::nullopt;
  c.outlets = *outlets;
  c.articles = *articles;
  if (parts[2] != "-") {
    c.latest_hours = parse_int(parts[2]);
    if (!c.latest_hours || *c.latest_hours == INT64_MIN) return std::nullopt;
  }
  c.id = std::string(parts[3]);
  return c;
}

StoryPage page_of(std::vector<store::StorySummary> listed, const std::optional<StoryCursor>& after,
                  size_t limit) {
  StoryPage page;
  size_t i = 0;
  if (after)
    while (i < listed.size() && !comes_after(listed[i], *after)) ++i;
  for (; i < listed.size() && page.stories.size() < limit; ++i)
    page.stories.push_back(std::move(listed[i]));
  if (i < listed.size() && !page.stories.empty()) {
    const store::StorySummary& last = page.stories.back();
    page.next_cursor =
        encode_cursor({last.outlet_count, last.article_count, last.latest_hours, last.id});
  }
  return page;
}

}  // namespace recoupe::server
