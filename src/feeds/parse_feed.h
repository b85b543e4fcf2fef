// Parsing a feed document (any format of feed.h) into a Feed.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"
#include "feeds/feed.h"

namespace recoupe::feeds {

// Reads `bytes` as a JSON Feed (when it starts with '{') or as XML (RSS, RDF, Atom, urlset,
// sitemapindex, news sitemaps). Relative entry links resolve against `base_url` (may be
// empty). Entries without a link are skipped; at most limits.max_entries are kept, the rest
// counted in Feed::dropped. Fails with one line (empty `where`: the caller names the source)
// on invalid XML or JSON, or on a document that is no feed ("not a feed: root element
// <html>"). The XML parser never reads the network or expands external entities.
// Cost: linear in the document (a DOM of it in memory). Thread-safe.
Expected<Feed> parse_feed(std::string_view bytes, const FeedLimits& limits,
                          const std::string& base_url = "");

// True when `bytes` looks like a feed document and not a web page: JSON, or XML whose root
// element (after any prolog) is rss, rdf:RDF, feed, urlset or sitemapindex. Cheap (looks at
// the first 4 KB); parse_feed decides for good.
bool looks_like_feed(std::string_view bytes);

}  // namespace recoupe::feeds
