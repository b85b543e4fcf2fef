// A fetched web page as an input document of the pipeline: what `recoupe fetch` prints and
// `recoupe watch` stores. The page is checked to be HTML, decoded to UTF-8 (charset from the
// Content-Type header, else the page's own <meta>), and named by its canonical URL (so the
// same article under several addresses is one); the feed entry that listed it lends its
// title, date and author where the page has none; the source (sources file) lends its
// outlet name and language.
#pragma once

#include <string>

#include "core/expected.h"
#include "core/raw_document.h"
#include "feeds/feed.h"
#include "feeds/sources.h"
#include "fetch/fetcher.h"

namespace recoupe::feeds {

// True for an HTML page's Content-Type, or a type servers mislabel HTML with (text/plain,
// XML, octet-stream, none); false for an image, a PDF, a video…
bool is_page_type(const std::string& content_type);

// The charset of a Content-Type header ("text/html; charset=ISO-8859-1" → "iso-8859-1"),
// "" when none. Pure.
std::string header_charset(const std::string& content_type);

// `page` as a RawDocument of kind HTML: id and url its canonical URL (canonical.h), file and
// final_url the address after redirects, fetched_at the fetch's time; hint_* from `entry`
// (may be null; an RFC 822 date becomes ISO 8601), source and language from `source` (may be
// null). Fails with one line (empty `where`: the caller names the URL) when the page is not
// HTML ("not an HTML page (Content-Type: application/pdf)") or cannot be decoded.
Expected<RawDocument> page_document(const fetch::FetchResult& page, const FeedEntry* entry,
                                    const Source* source);

}  // namespace recoupe::feeds
