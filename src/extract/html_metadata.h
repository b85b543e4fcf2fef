// Page metadata from HTML: JSON-LD, OpenGraph and <meta>, <link>, <time>, bylines, URL.
//
// Sources, in order of trust (the first one found wins, each value checked):
//   title     og:title / twitter:title, JSON-LD headline, <h1> in the article, <title>;
//             a " | Site" / " - Site" suffix (or prefix) naming the site is cut.
//   source    og:site_name, JSON-LD publisher.name, application-name, host of the canonical URL.
//   published JSON-LD datePublished, article:published_time and similar <meta>,
//             itemprop=datePublished, <time datetime> inside the article; a full date in the
//             canonical URL's path (/2023/09/13/) overrides another day. ISO 8601; dates before
//             1990 or in the future are refused (better none than wrong); a <time> outside the
//             article (site chrome) is not used.
//   author    JSON-LD author.name, <meta name=author>, rel=author, itemprop=author, byline
//             elements in the article ("By …" / "Von …" / "Par …" cut).
//   agency    an agency of data/agencies.txt credited in the byline or a dateline/credit line.
//   url       <link rel=canonical>, og:url, JSON-LD url.
//   language  <html lang>, <meta http-equiv=content-language>, og:locale (2-letter code).
// Pure functions, thread-safe; cost linear in the DOM plus the JSON-LD text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_dom.h"
#include "extract/html_resources.h"
#include "extract/page_metadata.h"

namespace recoupe::extract {

// JSON-LD facts of the page's main CreativeWork (Article, NewsArticle, BlogPosting…).
struct JsonLdArticle {
  std::optional<std::string> headline, date_published, author, publisher, body, url;
};

// Reads the JSON-LD blocks (malformed or deeper than 64 levels: skipped).
JsonLdArticle parse_json_ld(const std::vector<std::string>& blocks);

// Metadata that does not depend on where the article body is; `ld` from parse_json_ld.
PageMetadata page_metadata(const Dom& dom, const JsonLdArticle& ld, const HtmlResources& res);

// Fills what needs the chosen content container (kNoNode if none) and the extracted text:
// <h1>/<time>/byline inside the article, agency credits. Keeps fields already set.
void complete_metadata(const Dom& dom, const HtmlResources& res, uint32_t container,
                       const std::vector<std::string>& paragraphs, PageMetadata& meta);

// "2023-09-13T08:30:00+02:00", "2023-09-13", "13.09.2023", "2023/09/13" → ISO 8601 (date, plus
// time and offset when given); empty when not a plausible publication date.
std::optional<std::string> normalize_date(std::string_view s);

// Removes a site-name suffix or prefix (" | Site", " - Site", "Site: ") from a page title
// when the cut part names `site` (or, with no site known, is short and the rest is long).
std::string clean_title(std::string_view title, std::string_view site);

// The date in a URL path (/2023/09/13/ or /20230913/), as ISO 8601; empty when none.
std::optional<std::string> date_from_url(std::string_view url);

// The agency credited in `text` (a byline or a credit line), or empty.
std::optional<std::string> find_agency(std::string_view text, const HtmlResources& res);

}  // namespace recoupe::extract
