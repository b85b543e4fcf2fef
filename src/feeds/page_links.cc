#include "feeds/page_links.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "feeds/resolve_url.h"
#include "text/fold.h"

namespace recoupe::feeds {
namespace {

std::optional<std::string> attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::nullopt;
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool is_http(const std::string& url) {
  std::string l = text::ascii_lower(url.substr(0, 8));
  return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
}

bool is_feed_type(const std::string& type) {
  const std::string t = text::ascii_lower(type);
  return t.rfind("application/rss+xml", 0) == 0 || t.rfind("application/atom+xml", 0) == 0 ||
         t.rfind("application/feed+json", 0) == 0 || t.rfind("application/json", 0) == 0;
}

// True when the space-separated `rel` list holds `token`.
bool has_rel(const std::string& rel, std::string_view token) {
  const std::string l = text::ascii_lower(rel);
  size_t at = 0;
  while (at < l.size()) {
    size_t end = l.find_first_of(" \t\n\r", at);
    if (end == std::string::npos) end = l.size();
    if (std::string_view(l).substr(at, end - at) == token) return true;
    at = end + 1;
  }
  return false;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

PageLinks read_page_links(std::string_view html, const std::string& page_url) {
  PageLinks links;
  if (html.empty() || html.size() > size_t(INT32_MAX)) return links;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), int(html.size()), nullptr, "UTF-8", options));
  if (!doc) return links;
  auto absolute = [&](const std::optional<std::string>& href) -> std::optional<std::string> {
    if (!href) return std::nullopt;
    std::string url = resolve_url(*href, page_url);
    if (url.empty() || !is_http(url)) return std::nullopt;
    return url;
  };
  // Iterative walk: deep markup must not recurse.
  for (const xmlNode* n = xmlDocGetRootElement(doc.get()); n;) {
    if (n->type == XML_ELEMENT_NODE) {
      const char* name = reinterpret_cast<const char*>(n->name);
      if (!std::strcmp(name, "link")) {
        const std::string rel = attribute(n, "rel").value_or("");
        if (has_rel(rel, "alternate") && is_feed_type(attribute(n, "type").value_or(""))) {
          if (auto url = absolute(attribute(n, "href"));
              url && std::find(links.feeds.begin(), links.feeds.end(), *url) == links.feeds.end())
            links.feeds.push_back(*url);
        } else if (has_rel(rel, "canonical") && !links.canonical) {
          links.canonical = absolute(attribute(n, "href"));
        }
      } else if (!std::strcmp(name, "meta") && !links.og_url) {
        auto property = attribute(n, "property");
        if (!property) property = attribute(n, "name");
        if (property && text::ascii_lower(*property) == "og:url")
          links.og_url = absolute(attribute(n, "content"));
      }
    }
    if (n->children) {
      n = n->children;
      continue;
    }
    while (n && !n->next) n = n->parent;
    if (n) n = n->next;
  }
  return links;
}

}  // namespace recoupe::feeds
