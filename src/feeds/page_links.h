// The links a web page declares about itself in its markup: its feeds (feed discovery from a
// home page) and its canonical address (rel=canonical, og:url).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe::feeds {

struct PageLinks {
  // <link rel="alternate" type="application/rss+xml|application/atom+xml|
  // application/feed+json|application/json"> hrefs, absolute, in page order, no repeats.
  std::vector<std::string> feeds;
  std::optional<std::string> canonical;  // <link rel="canonical" href>, absolute
  std::optional<std::string> og_url;     // <meta property="og:url" content>, absolute
};

// Reads the <link> and <meta> elements of `html` (libxml2's lenient HTML parser: broken
// markup is read as a browser would, never an error); relative hrefs resolve against
// `page_url`. Only http(s) links are kept. Cost: linear (one DOM of the page). Thread-safe.
PageLinks read_page_links(std::string_view html, const std::string& page_url);

}  // namespace recoupe::feeds
