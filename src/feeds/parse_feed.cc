#include "feeds/parse_feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/json_depth.h"
#include "feeds/resolve_url.h"

namespace recoupe::feeds {

const char* feed_kind_name(FeedKind kind) {
  switch (kind) {
    case FeedKind::kRss:
      return "rss";
    case FeedKind::kAtom:
      return "atom";
    case FeedKind::kJsonFeed:
      return "json-feed";
    case FeedKind::kSitemap:
      return "sitemap";
    case FeedKind::kSitemapIndex:
      return "sitemap-index";
  }
  return "rss";
}

namespace {

constexpr int kMaxJsonDepth = 64;

std::string_view skip_space(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'))
    s.remove_prefix(1);
  return s;
}

std::string trimmed(std::string s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t b = 0, e = s.size();
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// ---- XML -------------------------------------------------------------------------------

bool named(const xmlNode* n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}
const xmlNode* child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (named(c, local)) return c;
  return nullptr;
}

std::optional<std::string> text_of(const xmlNode* n) {
  if (!n) return std::nullopt;
  xmlChar* content = xmlNodeGetContent(n);
  if (!content) return std::nullopt;
  std::string s = trimmed(reinterpret_cast<const char*>(content));
  xmlFree(content);
  if (s.empty()) return std::nullopt;
  return s;
}
std::optional<std::string> child_text(const xmlNode* n, const char* local) {
  return text_of(child(n, local));
}
std::optional<std::string> attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::nullopt;
  std::string s = trimmed(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

// Adds `entry` when it has a URL and the cap is not reached.
void keep(Feed& feed, FeedEntry entry, const FeedLimits& limits) {
  if (entry.url.empty()) return;
  if (feed.entries.size() >= limits.max_entries) {
    ++feed.dropped;
    return;
  }
  feed.entries.push_back(std::move(entry));
}

// RSS 0.9x/2.0 <item> and RSS 1.0 (RDF) <item>.
FeedEntry rss_item(const xmlNode* item, const std::string& base) {
  FeedEntry e;
  std::optional<std::string> link = child_text(item, "link");
  if (!link) {  // a guid is the article's URL unless it says isPermaLink="false"
    const xmlNode* guid = child(item, "guid");
    auto permalink = guid ? attribute(guid, "isPermaLink") : std::nullopt;
    auto g = text_of(guid);
    if (g && (!permalink || *permalink != "false") && g->find("://") != std::string::npos) link = g;
  }
  if (!link) link = attribute(item, "about");  // rdf:about
  if (link) e.url = resolve_url(*link, base);
  e.title = child_text(item, "title");
  e.published = child_text(item, "pubDate");
  if (!e.published) e.published = child_text(item, "date");  // dc:date
  e.author = child_text(item, "creator");                    // dc:creator
  if (!e.author) e.author = child_text(item, "author");
  e.summary = child_text(item, "description");
  return e;
}

FeedEntry atom_entry(const xmlNode* entry, const std::string& base) {
  FeedEntry e;
  std::optional<std::string> href;
  for (const xmlNode* c = entry->children; c; c = c->next) {
    if (!named(c, "link")) continue;
    auto rel = attribute(c, "rel");
    if (!rel || *rel == "alternate") {
      href = attribute(c, "href");
      break;
    }
  }
  if (href) e.url = resolve_url(*href, base);
  e.title = child_text(entry, "title");
  e.published = child_text(entry, "published");
  if (!e.published) e.published = child_text(entry, "updated");
  e.author = child_text(child(entry, "author"), "name");
  e.summary = child_text(entry, "summary");
  if (!e.summary) e.summary = child_text(entry, "content");
  return e;
}

// A sitemap <url>: <loc>, <lastmod>, and a Google news sitemap's <news:news> block.
FeedEntry sitemap_url(const xmlNode* url, const std::string& base) {
  FeedEntry e;
  if (auto loc = child_text(url, "loc")) e.url = resolve_url(*loc, base);
  if (const xmlNode* news = child(url, "news")) {
    e.title = child_text(news, "title");
    e.published = child_text(news, "publication_date");
  }
  if (!e.published) e.published = child_text(url, "lastmod");
  return e;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

Expected<Feed> parse_xml_feed(std::string_view bytes, const FeedLimits& limits,
                              const std::string& base) {
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Error{"", "out of memory parsing the feed"};
  // No network, no external entities (XML_PARSE_NOENT is not set), no error printing.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(ctxt.get(), bytes.data(), int(bytes.size()),
                        base.empty() ? nullptr : base.c_str(), nullptr, options));
  if (!doc || !ctxt->wellFormed) {
    const xmlError* err = xmlCtxtGetLastError(ctxt.get());
    std::string why = err && err->message ? trimmed(err->message) : "not well-formed";
    int line = err ? err->line : 0;
    return Error{"", "invalid XML" + (line ? " at line " + std::to_string(line) : "") + ": " + why};
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return Error{"", "not a feed: empty document"};
  Feed feed;
  if (named(root, "rss") || named(root, "RDF")) {
    feed.kind = FeedKind::kRss;
    const xmlNode* channel = child(root, "channel");
    feed.title = child_text(channel, "title");
    // RSS 2.0 puts items in <channel>, RSS 1.0 beside it.
    for (const xmlNode* holder : {channel, root})
      for (const xmlNode* c = holder ? holder->children : nullptr; c; c = c->next)
        if (named(c, "item")) keep(feed, rss_item(c, base), limits);
  } else if (named(root, "feed")) {
    feed.kind = FeedKind::kAtom;
    feed.title = child_text(root, "title");
    for (const xmlNode* c = root->children; c; c = c->next)
      if (named(c, "entry")) keep(feed, atom_entry(c, base), limits);
  } else if (named(root, "urlset")) {
    feed.kind = FeedKind::kSitemap;
    for (const xmlNode* c = root->children; c; c = c->next)
      if (named(c, "url")) keep(feed, sitemap_url(c, base), limits);
  } else if (named(root, "sitemapindex")) {
    feed.kind = FeedKind::kSitemapIndex;
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (!named(c, "sitemap")) continue;
      auto loc = child_text(c, "loc");
      if (!loc) continue;
      if (feed.child_sitemaps.size() >= limits.max_entries) {
        ++feed.dropped;
        continue;
      }
      feed.child_sitemaps.push_back(resolve_url(*loc, base));
    }
  } else {
    return Error{"", "not a feed: root element <" +
                         std::string(reinterpret_cast<const char*>(root->name)) + ">"};
  }
  return feed;
}

// ---- JSON Feed (https://jsonfeed.org/version/1.1) ----------------------------------------

std::optional<std::string> json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  std::string s = trimmed(it->get<std::string>());
  if (s.empty()) return std::nullopt;
  return s;
}

Expected<Feed> parse_json_feed(std::string_view bytes, const FeedLimits& limits,
                               const std::string& base) {
  if (json_depth(bytes, kMaxJsonDepth) > kMaxJsonDepth)
    return Error{"", "invalid JSON Feed: nested deeper than " + std::to_string(kMaxJsonDepth)};
  nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
  if (j.is_discarded()) return Error{"", "invalid JSON"};
  auto version = j.is_object() ? json_string(j, "version") : std::nullopt;
  if (!version || version->find("jsonfeed.org") == std::string::npos)
    return Error{"", "not a feed: JSON without a jsonfeed.org \"version\""};
  Feed feed;
  feed.kind = FeedKind::kJsonFeed;
  feed.title = json_string(j, "title");
  auto items = j.find("items");
  if (items == j.end() || !items->is_array()) return feed;
  for (const auto& item : *items) {
    if (!item.is_object()) continue;
    FeedEntry e;
    auto url = json_string(item, "url");
    if (!url) url = json_string(item, "external_url");
    if (url) e.url = resolve_url(*url, base);
    e.title = json_string(item, "title");
    e.published = json_string(item, "date_published");
    if (!e.published) e.published = json_string(item, "date_modified");
    auto authors = item.find("authors");  // 1.1: a list; 1.0: one "author" object
    if (authors != item.end() && authors->is_array() && !authors->empty() &&
        (*authors)[0].is_object())
      e.author = json_string((*authors)[0], "name");
    auto author = item.find("author");
    if (!e.author && author != item.end() && author->is_object())
      e.author = json_string(*author, "name");
    e.summary = json_string(item, "summary");
    if (!e.summary) e.summary = json_string(item, "content_text");
    keep(feed, std::move(e), limits);
  }
  return feed;
}

// The local name of the first element of an XML text ("rss", "feed", "html"), "" if none
// is found in the first 4 KB.
std::string first_element(std::string_view s) {
  s = s.substr(0, 4096);
  for (size_t at = s.find('<'); at != std::string_view::npos; at = s.find('<', at + 1)) {
    if (at + 1 >= s.size()) break;
    char c = s[at + 1];
    if (c == '?' || c == '!') continue;  // prolog, comment, doctype
    size_t end = s.find_first_of(" \t\r\n>/", at + 1);
    std::string name(
        s.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1));
    if (auto colon = name.find(':'); colon != std::string::npos) name = name.substr(colon + 1);
    return name;
  }
  return "";
}

}  // namespace

bool looks_like_feed(std::string_view bytes) {
  std::string_view s = skip_space(bytes);
  if (!s.empty() && s[0] == '{') return true;
  const std::string root = first_element(s);
  return root == "rss" || root == "RDF" || root == "feed" || root == "urlset" ||
         root == "sitemapindex";
}

Expected<Feed> parse_feed(std::string_view bytes, const FeedLimits& limits,
                          const std::string& base_url) {
  std::string_view s = skip_space(bytes);
  if (s.empty()) return Error{"", "not a feed: empty document"};
  if (bytes.size() > size_t(INT32_MAX)) return Error{"", "feed over 2 GB"};
  if (s[0] == '{' || s[0] == '[') return parse_json_feed(s, limits, base_url);
  return parse_xml_feed(bytes, limits, base_url);
}

}  // namespace recoupe::feeds
