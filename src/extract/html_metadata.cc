#include "extract/html_metadata.h"

#include <chrono>
#include <cstring>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/json_depth.h"
#include "extract/url_host.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::extract {
namespace {

using nlohmann::json;

std::optional<std::string> non_empty(std::string s) {
  s = text::collapse_spaces(s);
  if (s.empty()) return std::nullopt;
  return s;
}

std::string json_string(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  return {};
}

// Name(s) of a JSON-LD person/organization value: string, object with "name", or array.
std::string json_names(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object()) {
    auto it = j.find("name");
    if (it != j.end()) return json_names(*it);
    return {};
  }
  if (j.is_array()) {
    std::string out;
    for (const auto& e : j) {
      std::string n = text::collapse_spaces(json_names(e));
      if (n.empty() || out.find(n) != std::string::npos) continue;
      if (!out.empty()) out += "; ";
      out += n;
    }
    return out;
  }
  return {};
}

bool is_article_type(const json& type) {
  static const char* kTypes[] = {"article",
                                 "newsarticle",
                                 "blogposting",
                                 "reportage",
                                 "analysisnewsarticle",
                                 "opinionnewsarticle",
                                 "reviewnewsarticle",
                                 "backgroundnewsarticle",
                                 "report",
                                 "scholarlyarticle",
                                 "techarticle",
                                 "liveblogposting",
                                 "posting",
                                 "socialmediaposting",
                                 "creativework",
                                 "recipe",
                                 "review"};
  auto check = [](const std::string& t) {
    std::string l = text::ascii_lower(t);
    if (auto slash = l.rfind('/'); slash != std::string::npos) l = l.substr(slash + 1);
    for (const char* k : kTypes)
      if (l == k || (l.size() > 7 && l.ends_with("article"))) return true;
    return false;
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && check(t.get<std::string>())) return true;
  return false;
}

bool is_type(const json& type, const char* want) {
  if (type.is_string()) return text::ascii_lower(type.get<std::string>()) == want;
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && text::ascii_lower(t.get<std::string>()) == want) return true;
  return false;
}

bool is_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") ||
         s.starts_with("/");
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

// Today as a day number of core/calendar (UTC): the one read of the clock in metadata.
int64_t today_days() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return now.time_since_epoch().count();
}

std::optional<std::string> make_date(int y, int m, int d) {
  const int64_t today = today_days();
  if (y < 1990 || y > civil_from_days(today).year + 1 || !is_valid_date(y, m, d))
    return std::nullopt;
  // Refuse dates in the future (beyond a day of time-zone slack).
  if (days_from_civil({y, m, d}) > today + 1) return std::nullopt;
  return format_iso({y, m, d});
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Text of the first element inside [begin, end) matching `pred`, collapsed.
template <typename P>
std::optional<std::string> first_text(const Dom& dom, uint32_t begin, uint32_t end, P&& pred) {
  for (uint32_t i = begin; i < end; ++i) {
    if (dom.nodes[i].tag == Tag::kText || !pred(i)) continue;
    std::string t = dom.subtree_text(i);
    if (!t.empty()) return t;
  }
  return std::nullopt;
}

bool class_has(const Dom& dom, uint32_t n, std::initializer_list<const char*> words) {
  std::string v = text::ascii_lower(dom.attr(n, Attr::kClass));
  v += ' ';
  v += text::ascii_lower(dom.attr(n, Attr::kId));
  for (const char* w : words)
    if (v.find(w) != std::string::npos) return true;
  return false;
}

// "By Jane Doe" / "Von Jane Doe" / "| Jane Doe" → "Jane Doe" (prefixes from
// data/html/byline_prefixes.txt); refuses text that does not look like a name list: too
// long, a date, a URL, an e-mail or @handle, a placeholder.
std::optional<std::string> clean_author(std::string s, const HtmlResources& res) {
  s = text::collapse_spaces(s);
  auto trim_punct = [&] {
    size_t i = 0;
    while (i < s.size() && std::strchr("|-·•:,/", s[i])) ++i;
    s = text::collapse_spaces(s.substr(i));
  };
  trim_punct();
  for (int pass = 0; pass < 2; ++pass) {
    std::string l = text::ascii_lower(s);
    for (const std::string& p : res.byline_prefixes) {
      if (!l.starts_with(p) || l.size() == p.size()) continue;
      unsigned char next = static_cast<unsigned char>(s[p.size()]);
      // "AuthorAndreas" (no space) counts; "Byron" does not.
      bool boundary = p.back() == ':' || next == ' ' || next == ':' || std::isupper(next);
      if (!boundary) continue;
      s = s.substr(p.size());
      trim_punct();
      break;
    }
  }
  while (!s.empty() && (s.back() == ',' || s.back() == '|' || s.back() == '-')) s.pop_back();
  s = text::collapse_spaces(s);
  if (s.size() < 2 || s.size() > 80 || is_url(s)) return std::nullopt;
  if (s.find('@') != std::string::npos || s.find("[at]") != std::string::npos) return std::nullopt;
  std::string l = text::ascii_lower(s);
  if (l == "admin" || l.find("admin") != std::string::npos || l == "no author" || l == "unknown" ||
      l == "null")
    return std::nullopt;
  int digits = 0;
  for (char c : s) digits += is_digit(c);
  if (digits > 2) return std::nullopt;
  return s;
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t'))
    s.remove_prefix(1);
  if (s.size() >= 10 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
      (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
    auto date = make_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)));
    if (!date) return std::nullopt;
    // Keep a well-formed time ("T08:30:00", optional fraction and zone).
    if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ') && is_digit(s[11]) && is_digit(s[12]) &&
        s[13] == ':' && is_digit(s[14]) && is_digit(s[15])) {
      std::string out = *date + "T" + std::string(s.substr(11, 5));
      size_t i = 16;
      if (i + 2 < s.size() + 0 && s[i] == ':' && i + 2 < s.size() + 1 && is_digit(s[i + 1]) &&
          i + 2 < s.size() && is_digit(s[i + 2])) {
        out += s.substr(i, 3);
        i += 3;
      } else {
        out += ":00";
      }
      if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && is_digit(s[i]);) ++i;
      if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        out += 'Z';
      } else if (i + 5 < s.size() + 1 && (s[i] == '+' || s[i] == '-') && is_digit(s[i + 1]) &&
                 is_digit(s[i + 2])) {
        std::string_view zone = s.substr(i, 6);
        if (zone.size() == 6 && zone[3] == ':')
          out += zone;
        else if (zone.size() >= 5 && is_digit(zone[3]) && is_digit(zone[4]))
          out += std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3, 2));
      }
      return out;
    }
    return date;
  }
  // 13.09.2023 (day first, the European order; "/" is ambiguous and refused).
  if (s.size() >= 10 && is_digit(s[0]) && is_digit(s[1]) && s[2] == '.' && is_digit(s[3]) &&
      is_digit(s[4]) && s[5] == '.')
    return make_date(to_int(s.substr(6, 4)), to_int(s.substr(3, 2)), to_int(s.substr(0, 2)));
  // 20230913
  if (s.size() >= 8 && to_int(s.substr(0, 8)) > 0 && (s.size() == 8 || !is_digit(s[8])))
    return make_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)));
  return std::nullopt;
}

std::optional<std::string> date_from_url(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view path = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  path = path.substr(slash);
  for (size_t i = 0; i + 5 < path.size(); ++i) {
    if (path[i] != '/') continue;
    std::string_view rest = path.substr(i + 1);
    // /2023/09/13/
    if (rest.size() >= 10 && to_int(rest.substr(0, 4)) > 0 && rest[4] == '/' &&
        to_int(rest.substr(5, 2)) > 0 && rest[7] == '/' && to_int(rest.substr(8, 2)) > 0 &&
        (rest.size() == 10 || !is_digit(rest[10])))
      return make_date(to_int(rest.substr(0, 4)), to_int(rest.substr(5, 2)),
                       to_int(rest.substr(8, 2)));
    // /20230913/ or /2023-09-13/
    if (rest.size() >= 8 && to_int(rest.substr(0, 8)) > 0 && (rest.size() == 8 || rest[8] == '/'))
      return make_date(to_int(rest.substr(0, 4)), to_int(rest.substr(4, 2)),
                       to_int(rest.substr(6, 2)));
    if (rest.size() >= 10 && to_int(rest.substr(0, 4)) > 0 && rest[4] == '-' &&
        to_int(rest.substr(5, 2)) > 0 && rest[7] == '-' && to_int(rest.substr(8, 2)) > 0 &&
        (rest.size() == 10 || rest[10] == '/'))
      return make_date(to_int(rest.substr(0, 4)), to_int(rest.substr(5, 2)),
                       to_int(rest.substr(8, 2)));
  }
  return std::nullopt;
}

std::string clean_title(std::string_view title_in, std::string_view site) {
  std::string title = text::collapse_spaces(title_in);
  static const char* kSeparators[] = {
      " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / "};
  std::string site_f = text::fold(site);
  if (site_f.starts_with("www.")) site_f = site_f.substr(4);
  std::string site_core = site_f.substr(0, site_f.find('.'));  // "lemonde" of "lemonde.fr"
  auto names_site = [&](std::string_view part) {
    std::string p = text::fold(text::collapse_spaces(part));
    std::string squashed;
    for (char c : p)
      if (c != ' ' && c != '-' && c != '.') squashed += c;
    if (site_f.empty()) return false;
    if (p == site_f || p.find(site_f) != std::string::npos || site_f.find(p) != std::string::npos)
      return !p.empty();
    return !site_core.empty() && site_core.size() >= 3 &&
           squashed.find(site_core) != std::string::npos;
  };
  for (const char* sep : kSeparators) {
    size_t last = title.rfind(sep);
    if (last != std::string::npos && last > 0) {
      std::string head = title.substr(0, last), tail = title.substr(last + std::strlen(sep));
      if (names_site(tail) || (site_f.empty() && tail.size() <= 30 && head.size() >= 20 &&
                               std::string_view(sep) == " | "))
        return clean_title(head, site);
    }
    size_t first = title.find(sep);
    if (first != std::string::npos && first > 0) {
      std::string head = title.substr(0, first), tail = title.substr(first + std::strlen(sep));
      if (names_site(head) && tail.size() >= 10) return clean_title(tail, site);
    }
  }
  return title;
}

std::optional<std::string> find_agency(std::string_view text, const HtmlResources& res) {
  auto word_char = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  for (const Agency& a : res.agencies) {
    for (const std::string& v : a.variants) {
      size_t pos = 0;
      while ((pos = text.find(v, pos)) != std::string_view::npos) {
        bool left = pos == 0 || !word_char(static_cast<unsigned char>(text[pos - 1]));
        size_t end = pos + v.size();
        bool right = end >= text.size() || !word_char(static_cast<unsigned char>(text[end]));
        if (left && right) return a.name;
        pos = end;
      }
    }
  }
  return std::nullopt;
}

JsonLdArticle parse_json_ld(const std::vector<std::string>& blocks) {
  JsonLdArticle out;
  for (const std::string& raw : blocks) {
    if (raw.size() > (8u << 20) || json_depth(raw) > 64) continue;
    json doc = json::parse(raw, nullptr, false);
    if (doc.is_discarded()) continue;
    // Walk objects breadth-first (no recursion): @graph arrays and nested mainEntity.
    std::vector<const json*> queue{&doc};
    for (size_t qi = 0; qi < queue.size() && qi < 2000; ++qi) {
      const json& j = *queue[qi];
      if (j.is_array()) {
        for (const auto& e : j) queue.push_back(&e);
        continue;
      }
      if (!j.is_object()) continue;
      for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"})
        if (auto it = j.find(key); it != j.end() && (it->is_object() || it->is_array()))
          queue.push_back(&*it);
      auto type = j.find("@type");
      if (type == j.end()) continue;
      if (!out.publisher &&
          (is_type(*type, "newsmediaorganization") || is_type(*type, "organization")) && qi > 0) {
        // A bare Organization block names the outlet only when nothing better says so.
      }
      if (!is_article_type(*type)) {
        if (!out.publisher && is_type(*type, "website"))
          if (auto n = j.find("name"); n != j.end()) out.publisher = non_empty(json_string(*n));
        continue;
      }
      auto get = [&](const char* key) -> std::optional<std::string> {
        auto it = j.find(key);
        if (it == j.end()) return std::nullopt;
        return non_empty(json_string(*it));
      };
      if (!out.headline) out.headline = get("headline");
      if (!out.headline) out.headline = get("name");
      if (!out.date_published) out.date_published = get("datePublished");
      if (!out.date_published) out.date_published = get("dateCreated");
      if (!out.body) {
        auto b = j.find("articleBody");
        if (b != j.end() && b->is_string()) out.body = b->get<std::string>();
      }
      if (!out.url) out.url = get("url");
      if (auto a = j.find("author"); a != j.end()) {
        std::string names = text::collapse_spaces(json_names(*a));
        if (!names.empty()) out.author = names;
      }
      if (auto p = j.find("publisher"); p != j.end()) {
        std::string n = text::collapse_spaces(json_names(*p));
        if (!n.empty()) out.publisher = n;
      }
    }
  }
  return out;
}

namespace {

// The headline from a page's <title>: cleaned, then cut at its last separator, taking the
// part without a dot (a site name is often a host name). Empty when nothing is left.
std::optional<std::string> title_from_title_tag(const std::string& title_tag,
                                                const std::string& site) {
  std::string t = clean_title(title_tag, site);
  static const char* kSeparators[] = {" | ", " - ", " – ",  " — ", " • ", " · ",
                                      " » ", " › ", " :: ", " : ", " ~ ", " « "};
  size_t best = std::string::npos, len = 0;
  for (const char* sep : kSeparators) {
    size_t p = t.rfind(sep);
    if (p != std::string::npos && p > 0 && (best == std::string::npos || p > best)) {
      best = p;
      len = std::strlen(sep);
    }
  }
  if (best != std::string::npos) {
    std::string first = t.substr(0, best), second = t.substr(best + len);
    if (first.find('.') == std::string::npos)
      t = first;
    else if (second.find('.') == std::string::npos)
      t = second;
  }
  return non_empty(t);
}

}  // namespace

PageMetadata page_metadata(const Dom& dom, const JsonLdArticle& ld, const HtmlResources& res) {
  PageMetadata m;
  std::unordered_map<std::string, std::string> meta;  // first value per lower-case key
  std::optional<std::string> canonical, title_tag, rel_author, html_lang, itemprop_date, first_h1;
  int h1_count = 0;
  for (uint32_t i = 1; i < dom.nodes.size(); ++i) {
    Tag t = dom.nodes[i].tag;
    if (t == Tag::kMeta) {
      std::string_view content = dom.attr(i, Attr::kContent);
      if (content.empty()) continue;
      for (Attr a : {Attr::kProperty, Attr::kName, Attr::kItemprop, Attr::kHttpEquiv}) {
        std::string_view key = dom.attr(i, a);
        if (!key.empty()) meta.emplace(text::ascii_lower(key), std::string(content));
      }
    } else if (t == Tag::kLink) {
      std::string rel = text::ascii_lower(dom.attr(i, Attr::kRel));
      if (rel == "canonical" && !canonical)
        canonical = non_empty(std::string(dom.attr(i, Attr::kHref)));
    } else if (t == Tag::kH1) {
      if (++h1_count == 1) first_h1 = non_empty(dom.subtree_text(i));
    } else if (t == Tag::kTitle && !title_tag) {
      title_tag = non_empty(dom.subtree_text(i));
    } else if (t == Tag::kHtml && !html_lang) {
      html_lang = non_empty(std::string(dom.attr(i, Attr::kLang)));
    } else if (t == Tag::kA && !rel_author &&
               text::ascii_lower(dom.attr(i, Attr::kRel)) == "author") {
      rel_author = non_empty(dom.subtree_text(i));
    } else if (t != Tag::kText && !itemprop_date &&
               text::ascii_lower(dom.attr(i, Attr::kItemprop)) == "datepublished") {
      std::string_view v = dom.attr(i, Attr::kDatetime);
      if (v.empty()) v = dom.attr(i, Attr::kContent);
      if (!v.empty()) itemprop_date = std::string(v);
    }
  }
  auto get = [&](std::initializer_list<const char*> keys) -> std::optional<std::string> {
    for (const char* k : keys)
      if (auto it = meta.find(k); it != meta.end())
        if (auto v = non_empty(it->second)) return v;
    return std::nullopt;
  };

  // URL.
  if (canonical && canonical->starts_with("http")) m.url = canonical;
  if (!m.url)
    if (auto u = get({"og:url"}); u && u->starts_with("http")) m.url = u;
  if (!m.url && ld.url && ld.url->starts_with("http")) m.url = ld.url;

  // Source.
  m.source = get({"og:site_name"});
  if (!m.source && ld.publisher) m.source = ld.publisher;
  if (!m.source) m.source = get({"application-name", "publisher", "dc.publisher"});
  if (!m.source && m.url) m.source = non_empty(url_host(*m.url));
  std::string site = m.source.value_or(m.url ? url_host(*m.url) : "");

  // Title.
  std::optional<std::string> title = get({"og:title", "twitter:title"});
  if (!title) title = ld.headline;
  if (!title) title = get({"dc.title", "headline"});
  if (title) m.title = non_empty(clean_title(*title, site));
  // As trafilatura: a single <h1> is the headline; else the <title>, cut at its last
  // separator, taking the part without a dot (a site name is often a host name).
  if (!m.title && h1_count == 1) m.title = first_h1;
  if (!m.title && title_tag) m.title = title_from_title_tag(*title_tag, site);

  // Published.
  std::vector<std::optional<std::string>> dates = {
      ld.date_published,
      get({"article:published_time", "og:article:published_time", "datepublished", "publishdate",
           "publish-date", "pubdate", "date", "dc.date.issued", "dcterms.issued", "dc.date",
           "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
           "article.published", "published_time", "og:published_time",
           "cxenseparse:recs:publishtime", "originalpublicationdate"}),
      itemprop_date,
  };
  for (const auto& d : dates) {
    if (!d) continue;
    if (auto n = normalize_date(*d)) {
      m.published = n;
      break;
    }
  }

  // Author.
  std::optional<std::string> author;
  if (ld.author && (!ld.publisher || *ld.author != *ld.publisher)) author = ld.author;
  if (!author)
    if (auto a = get(
            {"author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"});
        a && !is_url(*a))
      author = a;
  if (!author) author = rel_author;
  if (author) {
    if (auto a = clean_author(*author, res); a && text::fold(*a) != text::fold(site)) m.author = a;
  }
  if (m.author) m.agency = find_agency(*m.author, res);

  // Language.
  std::optional<std::string> lang = html_lang;
  if (!lang) lang = get({"content-language", "og:locale", "language", "dc.language"});
  if (lang) {
    std::string l = text::ascii_lower(lang->substr(0, lang->find_first_of("-_")));
    if (l.size() == 2 && std::isalpha(static_cast<unsigned char>(l[0])) &&
        std::isalpha(static_cast<unsigned char>(l[1])))
      m.language = l;
  }
  return m;
}

void complete_metadata(const Dom& dom, const HtmlResources& res, uint32_t container,
                       const std::vector<std::string>& paragraphs, PageMetadata& meta) {
  uint32_t begin = container == kNoNode ? 0 : container;
  uint32_t end = container == kNoNode ? 0 : dom.nodes[container].end;
  // The article's own region: its container, widened to the nearest <article> / its
  // grandparent, where headlines, bylines and dates usually sit just above the body.
  if (container != kNoNode) {
    uint32_t up = container;
    for (int k = 0; k < 3 && dom.nodes[up].parent != kNoNode && dom.nodes[up].parent != 0; ++k) {
      up = dom.nodes[up].parent;
      if (dom.nodes[up].tag == Tag::kArticle || dom.nodes[up].tag == Tag::kBody) break;
    }
    if (dom.nodes[up].tag != Tag::kBody && dom.nodes[up].tag != Tag::kHtml) {
      begin = up;
      end = dom.nodes[up].end;
    }
  }
  if (!meta.title && end > begin) {
    if (auto h =
            first_text(dom, begin, end, [&](uint32_t i) { return dom.nodes[i].tag == Tag::kH1; }))
      meta.title = h;
  }
  if (!meta.title) {
    if (auto h = first_text(dom, 1, static_cast<uint32_t>(dom.nodes.size()),
                            [&](uint32_t i) { return dom.nodes[i].tag == Tag::kH1; }))
      meta.title = h;
  }
  if (!meta.published && end > begin) {
    for (uint32_t i = begin; i < end; ++i) {
      if (dom.nodes[i].tag != Tag::kTime) continue;
      if (auto d = normalize_date(dom.attr(i, Attr::kDatetime))) {
        meta.published = d;
        break;
      }
    }
  }
  // A full date in the canonical URL's path is set by the CMS at publication: it wins over
  // a <meta> date of another day (often a modification or a time-zone shifted stamp).
  if (meta.url)
    if (auto from_url = date_from_url(*meta.url);
        from_url && (!meta.published || meta.published->compare(0, 10, *from_url) != 0))
      meta.published = from_url;
  if (!meta.author && end > begin) {
    auto byline = [&](uint32_t i) {
      Tag t = dom.nodes[i].tag;
      if (t == Tag::kP || t == Tag::kLi || t == Tag::kHtml || t == Tag::kBody) return false;
      return class_has(dom, i, {"byline", "author-name", "authorname", "author__name", "autor"}) ||
             text::ascii_lower(dom.attr(i, Attr::kItemprop)) == "author" ||
             text::ascii_lower(dom.attr(i, Attr::kRel)) == "author";
    };
    if (auto a = first_text(dom, begin, end, byline)) meta.author = clean_author(*a, res);
  }
  if (!meta.agency && meta.author) meta.agency = find_agency(*meta.author, res);
  if (!meta.agency && !paragraphs.empty()) {
    // A dateline "PARIS (AFP) –" in the first paragraph, or a short credit line at the end.
    std::string_view first = paragraphs.front();
    first = first.substr(0, std::min<size_t>(first.size(), 120));
    size_t open = first.find('(');
    if (open != std::string_view::npos) {
      size_t close = first.find(')', open);
      if (close != std::string_view::npos)
        meta.agency = find_agency(first.substr(open, close - open + 1), res);
    }
    if (!meta.agency && paragraphs.back().size() <= 80)
      meta.agency = find_agency(paragraphs.back(), res);
  }
}

}  // namespace recoupe::extract
