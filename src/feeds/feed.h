// Feed: what a syndication document lists, as plain values. RSS 0.9x/1.0/2.0, Atom, JSON
// Feed, sitemaps, sitemap indexes and Google news sitemaps all become this one shape, so the
// fetcher and the commands never care which format an outlet publishes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace recoupe::feeds {

enum class FeedKind { kRss, kAtom, kJsonFeed, kSitemap, kSitemapIndex };

// "rss", "atom", "json-feed", "sitemap", "sitemap-index".
const char* feed_kind_name(FeedKind kind);

// One article a feed points at. Only `url` is always set; the rest is what the feed says,
// kept as hints for extraction (a page that lacks its own date or author takes the feed's).
struct FeedEntry {
  std::string url;  // absolute (resolved against the feed's URL when it was relative)
  std::optional<std::string> title;
  std::optional<std::string> published;  // as written: RFC 822, ISO 8601…
  std::optional<std::string> author;
  std::optional<std::string> summary;  // plain text or HTML, as given
};

struct Feed {
  FeedKind kind = FeedKind::kRss;
  std::optional<std::string> title;
  std::vector<FeedEntry> entries;
  std::vector<std::string> child_sitemaps;  // a sitemap index's sitemaps (absolute URLs)
  // Entries (or child sitemaps) past FeedLimits::max_entries that were left out: a bounded
  // result rather than an unbounded one; the caller says so.
  size_t dropped = 0;
};

// How much of one feed is kept.
struct FeedLimits {
  size_t max_entries = 5000;  // entries, and child sitemaps of an index, kept per feed
};

}  // namespace recoupe::feeds
