#include "extract/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "extract/html_attributes.h"
#include "text/normalize.h"

namespace recoupe::extract {
namespace {

struct Builder {
  Dom dom;
  std::vector<uint32_t> path;  // open elements, path[0] = document
  int real_depth = 0;          // libxml2's nesting depth, may exceed kMaxDomDepth
  int skip_depth = -1;         // inside <script>/<style>/...: real depth where skipping began
  bool in_json_ld = false;

  uint32_t add(Tag tag) {
    uint32_t parent = path.back();
    uint32_t id = static_cast<uint32_t>(dom.nodes.size());
    DomNode node;
    node.tag = tag;
    node.parent = parent;
    node.depth = static_cast<uint16_t>(path.size());
    DomNode& p = dom.nodes[parent];
    if (p.last_child == kNoNode)
      p.first_child = id;
    else
      dom.nodes[p.last_child].next_sibling = id;
    p.last_child = id;
    dom.nodes.push_back(node);
    return id;
  }
};

bool skipped_content(Tag t) {
  switch (t) {
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kTemplate:
    case Tag::kSvg:
    case Tag::kMath:
    case Tag::kIframe:
    case Tag::kObject:
    case Tag::kCanvas:
    case Tag::kSelect:
    case Tag::kTextarea:
    case Tag::kVideo:
    case Tag::kAudio:
    case Tag::kMap:
      return true;
    default:
      return false;
  }
}

int attr_of(const char* name) {
  struct Entry {
    const char* name;
    Attr attr;
  };
  static constexpr Entry kAttrs[] = {
      {"id", Attr::kId},
      {"class", Attr::kClass},
      {"itemprop", Attr::kItemprop},
      {"itemtype", Attr::kItemtype},
      {"rel", Attr::kRel},
      {"href", Attr::kHref},
      {"name", Attr::kName},
      {"property", Attr::kProperty},
      {"content", Attr::kContent},
      {"datetime", Attr::kDatetime},
      {"lang", Attr::kLang},
      {"type", Attr::kType},
      {"role", Attr::kRole},
      {"hidden", Attr::kHidden},
      {"aria-hidden", Attr::kAriaHidden},
      {"style", Attr::kStyle},
      {"http-equiv", Attr::kHttpEquiv},
  };
  for (const auto& e : kAttrs)
    if (std::strcmp(name, e.name) == 0) return static_cast<int>(e.attr);
  return -1;
}

void on_start(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  auto* b = static_cast<Builder*>(ctx);
  ++b->real_depth;
  if (b->skip_depth >= 0) return;
  Tag tag = tag_of(reinterpret_cast<const char*>(name));
  if (skipped_content(tag)) {
    b->skip_depth = b->real_depth;
    b->in_json_ld = false;
    if (tag == Tag::kScript && attrs) {
      for (int i = 0; attrs[i]; i += 2) {
        if (std::strcmp(reinterpret_cast<const char*>(attrs[i]), "type") == 0 && attrs[i + 1] &&
            std::strstr(reinterpret_cast<const char*>(attrs[i + 1]), "ld+json")) {
          b->in_json_ld = true;
          b->dom.json_ld.emplace_back();
        }
      }
    }
  }
  if (tag == Tag::kHtml && b->dom.nodes.size() > 1) {
    // A second <html> (libxml2 merges its attributes): keep only attributes, no node.
  }
  uint32_t id = b->add(tag);
  DomNode& node = b->dom.nodes[id];
  node.attr_begin = static_cast<uint32_t>(b->dom.attrs.size());
  if (attrs) {
    for (int i = 0; attrs[i]; i += 2) {
      int a = attr_of(reinterpret_cast<const char*>(attrs[i]));
      if (a < 0) continue;
      const char* v = attrs[i + 1] ? reinterpret_cast<const char*>(attrs[i + 1]) : "";
      size_t len = std::strlen(v);
      DomAttr da{static_cast<Attr>(a), static_cast<uint32_t>(b->dom.text.size()),
                 static_cast<uint32_t>(len)};
      b->dom.text.append(v, len);
      b->dom.attrs.push_back(da);
    }
  }
  node.attr_count =
      static_cast<uint16_t>(std::min<size_t>(b->dom.attrs.size() - node.attr_begin, UINT16_MAX));
  if (b->real_depth <= kMaxDomDepth) b->path.push_back(id);
}

void on_end(void* ctx, const xmlChar*) {
  auto* b = static_cast<Builder*>(ctx);
  if (b->skip_depth >= 0) {
    if (b->real_depth == b->skip_depth) {
      b->skip_depth = -1;
      b->in_json_ld = false;
      // The skipped element itself was added (so that its position is known); it was not
      // pushed on the path when deeper than the cap.
      if (b->real_depth <= kMaxDomDepth && b->path.size() > 1) b->path.pop_back();
    }
    --b->real_depth;
    return;
  }
  if (b->real_depth <= kMaxDomDepth && b->path.size() > 1) b->path.pop_back();
  --b->real_depth;
}

void on_text(void* ctx, const xmlChar* ch, int len) {
  auto* b = static_cast<Builder*>(ctx);
  if (len <= 0) return;
  if (b->skip_depth >= 0) {
    if (b->in_json_ld && !b->dom.json_ld.empty())
      b->dom.json_ld.back().append(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    return;
  }
  // libxml2 delivers text in chunks: extend the previous text node when adjacent.
  uint32_t parent = b->path.back();
  uint32_t last = b->dom.nodes[parent].last_child;
  if (last != kNoNode && b->dom.nodes[last].tag == Tag::kText &&
      b->dom.nodes[last].text_begin + b->dom.nodes[last].text_size == b->dom.text.size()) {
    b->dom.text.append(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    b->dom.nodes[last].text_size += static_cast<uint32_t>(len);
    return;
  }
  uint32_t id = b->add(Tag::kText);
  b->dom.nodes[id].text_begin = static_cast<uint32_t>(b->dom.text.size());
  b->dom.nodes[id].text_size = static_cast<uint32_t>(len);
  b->dom.text.append(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
}

void silent(void*, const char*, ...) {}

const htmlSAXHandler& sax_handler() {
  static const htmlSAXHandler handler = [] {
    xmlInitParser();
    htmlSAXHandler h;
    std::memset(&h, 0, sizeof(h));
    h.startElement = on_start;
    h.endElement = on_end;
    h.characters = on_text;
    h.ignorableWhitespace = on_text;
    h.cdataBlock = on_text;
    h.warning = silent;
    h.error = silent;
    h.fatalError = silent;
    return h;
  }();
  return handler;
}

}  // namespace

Tag tag_of(std::string_view n) {
  static const std::unordered_map<std::string_view, Tag> kTags = {
      {"html", Tag::kHtml},
      {"head", Tag::kHead},
      {"body", Tag::kBody},
      {"title", Tag::kTitle},
      {"meta", Tag::kMeta},
      {"link", Tag::kLink},
      {"base", Tag::kBase},
      {"script", Tag::kScript},
      {"style", Tag::kStyle},
      {"noscript", Tag::kNoscript},
      {"template", Tag::kTemplate},
      {"iframe", Tag::kIframe},
      {"svg", Tag::kSvg},
      {"math", Tag::kMath},
      {"canvas", Tag::kCanvas},
      {"object", Tag::kObject},
      {"embed", Tag::kEmbed},
      {"video", Tag::kVideo},
      {"audio", Tag::kAudio},
      {"source", Tag::kSource},
      {"map", Tag::kMap},
      {"nav", Tag::kNav},
      {"header", Tag::kHeader},
      {"footer", Tag::kFooter},
      {"aside", Tag::kAside},
      {"form", Tag::kForm},
      {"button", Tag::kButton},
      {"select", Tag::kSelect},
      {"input", Tag::kInput},
      {"textarea", Tag::kTextarea},
      {"label", Tag::kLabel},
      {"option", Tag::kOption},
      {"menu", Tag::kMenu},
      {"dialog", Tag::kDialog},
      {"fieldset", Tag::kFieldset},
      {"main", Tag::kMain},
      {"article", Tag::kArticle},
      {"section", Tag::kSection},
      {"div", Tag::kDiv},
      {"p", Tag::kP},
      {"br", Tag::kBr},
      {"hr", Tag::kHr},
      {"h1", Tag::kH1},
      {"h2", Tag::kH2},
      {"h3", Tag::kH3},
      {"h4", Tag::kH4},
      {"h5", Tag::kH5},
      {"h6", Tag::kH6},
      {"ul", Tag::kUl},
      {"ol", Tag::kOl},
      {"li", Tag::kLi},
      {"dl", Tag::kDl},
      {"dt", Tag::kDt},
      {"dd", Tag::kDd},
      {"table", Tag::kTable},
      {"tr", Tag::kTr},
      {"td", Tag::kTd},
      {"th", Tag::kTh},
      {"thead", Tag::kThead},
      {"tbody", Tag::kTbody},
      {"tfoot", Tag::kTfoot},
      {"caption", Tag::kCaption},
      {"blockquote", Tag::kBlockquote},
      {"pre", Tag::kPre},
      {"code", Tag::kCode},
      {"a", Tag::kA},
      {"span", Tag::kSpan},
      {"b", Tag::kB},
      {"strong", Tag::kStrong},
      {"i", Tag::kI},
      {"em", Tag::kEm},
      {"u", Tag::kU},
      {"small", Tag::kSmall},
      {"sub", Tag::kSub},
      {"sup", Tag::kSup},
      {"mark", Tag::kMark},
      {"time", Tag::kTime},
      {"figure", Tag::kFigure},
      {"figcaption", Tag::kFigcaption},
      {"img", Tag::kImg},
      {"picture", Tag::kPicture},
      {"address", Tag::kAddress},
      {"details", Tag::kDetails},
      {"summary", Tag::kSummary},
      {"center", Tag::kCenter},
      {"font", Tag::kFont},
      {"cite", Tag::kCite},
      {"q", Tag::kQ},
      {"abbr", Tag::kAbbr},
  };
  auto it = kTags.find(n);
  return it == kTags.end() ? Tag::kOther : it->second;
}

std::string_view Dom::attr(uint32_t n, Attr a) const {
  const DomNode& node = nodes[n];
  for (uint32_t i = node.attr_begin; i < node.attr_begin + node.attr_count; ++i)
    if (attrs[i].name == a) return std::string_view(text).substr(attrs[i].begin, attrs[i].size);
  return {};
}

bool Dom::has_attr(uint32_t n, Attr a) const {
  const DomNode& node = nodes[n];
  for (uint32_t i = node.attr_begin; i < node.attr_begin + node.attr_count; ++i)
    if (attrs[i].name == a) return true;
  return false;
}

std::string Dom::subtree_text(uint32_t n) const {
  std::string raw;
  for (uint32_t i = n; i < nodes[n].end; ++i) {
    if (nodes[i].tag == Tag::kText) {
      raw += node_text(i);
    } else if (i != n) {
      raw += ' ';  // element boundaries separate words only loosely; collapsed below
      if (nodes[i].tag == Tag::kA || nodes[i].tag == Tag::kSpan || nodes[i].tag == Tag::kB ||
          nodes[i].tag == Tag::kStrong || nodes[i].tag == Tag::kI || nodes[i].tag == Tag::kEm)
        raw.pop_back();
    }
  }
  return text::collapse_spaces(raw);
}

Dom parse_html(std::string_view html) {
  Builder b;
  b.dom.nodes.reserve(html.size() / 40 + 16);
  b.dom.text.reserve(html.size() / 2);
  b.dom.nodes.push_back(DomNode{});
  b.dom.nodes[0].tag = Tag::kDocument;
  b.path.push_back(0);
  // libxml2 stops at a NUL byte and may stop at other C0 controls: blank them (HTML5
  // ignores them too). Copies the page only when it has any.
  std::string cleaned;
  for (size_t i = 0; i < html.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(html[i]);
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    if (cleaned.empty()) cleaned.assign(html);
    cleaned[i] = ' ';
  }
  if (!cleaned.empty()) html = cleaned;
  // libxml2 is quadratic in the attributes of one tag: cut hostile ones first.
  std::string bounded;
  if (bound_html_attributes(html, kMaxHtmlAttributes, &bounded)) html = bounded;
  if (!html.empty() && html.size() < static_cast<size_t>(INT32_MAX)) {
    const htmlSAXHandler& handler = sax_handler();
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size()));
    if (ctxt) {
      htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                   HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
      xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
      std::memcpy(ctxt->sax, &handler, sizeof(handler));
      ctxt->userData = &b;
      htmlParseDocument(ctxt);
      ctxt->userData = nullptr;
      htmlFreeParserCtxt(ctxt);
    }
  }
  // Subtree ends, from the children up (reverse document order: no recursion).
  std::vector<DomNode>& nodes = b.dom.nodes;
  for (uint32_t i = static_cast<uint32_t>(nodes.size()); i-- > 0;) {
    DomNode& n = nodes[i];
    n.end = n.last_child == kNoNode ? i + 1 : nodes[n.last_child].end;
  }
  return std::move(b.dom);
}

}  // namespace recoupe::extract
