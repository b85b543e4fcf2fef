// The sources file of `recoupe watch --sources FILE` and `recoupe serve --sources FILE`: the
// outlets to follow, one a line.
//
//   # comments start with '#'; blank lines are skipped
//   https://www.lemonde.fr/rss/une.xml            Le Monde lang=fr
//   https://example.org/sitemap_news.xml          lang=en Example Times
//   https://example.org/                          discover  Example Times
//   https://example.org/2026/12/04/a-page.html
//
// A line is a feed, sitemap or page URL (http or https), then, in any order: `lang=xx` (the
// outlet's language, ISO 639-1, given to every article of the source), `discover` (the URL
// is a home page that stands for the feeds it declares), and words naming the outlet ("Le
// Monde"; without them the page's own or its host name is used). Whether the URL is a feed,
// a sitemap or a page is found from what it answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"

namespace recoupe::feeds {

struct Source {
  std::string url;
  std::optional<std::string> outlet;    // as written, inner spaces kept
  std::optional<std::string> language;  // "fr"
  bool discover = false;
  std::string where;  // "sources.txt:12": the line it was read from, for messages
};

// Reads a sources file's text; `file` names it in messages. Fails with one Error naming
// "file:line" and what is wrong: a URL that is not an absolute http(s) URL, a `lang=` that
// is not two lower-case letters, an unknown `key=value`, a URL listed twice (naming the
// first line), or a file with no source at all. Pure; linear.
Expected<std::vector<Source>> parse_sources(std::string_view text, const std::string& file);

// The same from a file; an unreadable file (missing, a folder) is an Error naming it.
Expected<std::vector<Source>> load_sources(const std::string& path);

}  // namespace recoupe::feeds
