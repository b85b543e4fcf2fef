// Cursor paging over a story listing (GET /api/stories). The listing's order is the
// store's (distinct outlets, then articles, then the latest publication, most first, then
// the id); a cursor is the sort key of the last story of a page, so the next page starts
// right after it even when stories were added or grew in between (no story is listed
// twice unless its rank changed, and none is skipped but one that moved up past the cursor).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"

namespace recoupe::server {

// A position in the listing: the sort key of one story.
struct StoryCursor {
  int64_t outlets = 0;
  int64_t articles = 0;
  std::optional<int64_t> latest_hours;
  std::string id;
};

// "outlets.articles.hours.id" (hours "-" when unknown): opaque to clients (docs/api.md).
std::string encode_cursor(const StoryCursor& c);
// nullopt for anything encode_cursor did not write.
std::optional<StoryCursor> decode_cursor(std::string_view text);

struct StoryPage {
  std::vector<store::StorySummary> stories;
  std::optional<std::string> next_cursor;  // when more stories follow
};

// The `limit` stories of `listed` (in the store's order) that come after `after` (from the
// start when nullopt). Cost: linear in the listing.
StoryPage page_of(std::vector<store::StorySummary> listed, const std::optional<StoryCursor>& after,
                  size_t limit);

}  // namespace recoupe::server
