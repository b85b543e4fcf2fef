// A compact, flat, read-only DOM of an HTML page, built by libxml2's HTML parser.
//
// Parser choice: libxml2's HTML parser (Debian libxml2-dev) driven through SAX, building this
// flat arena directly. Measured on the 990 pages of trafilatura-eval (avg 140 KB): libxml2
// SAX ≈ 530-780 pages/s, libxml2 tree ≈ 360 pages/s, gumbo ≈ 125 pages/s; and gumbo takes
// minutes (quadratic scope checks) on 100,000 nested <div>s where libxml2 takes 0.1 s. libxml2
// is not HTML5-exact in its tree construction (it does not know <article>/<nav> as special
// elements and may nest a <p> in a <section>), which matters little for content extraction.
//
// Contract:
// - parse_html never fails: junk or truncated input gives a (possibly empty) tree rooted at
//   node 0 (a synthetic document node).
// - Nodes are stored in document (pre-)order: a node's descendants follow it and precede its
//   next sibling, so a reverse loop over indices visits children before parents; no algorithm
//   needs recursion.
// - An element keeps its first kMaxHtmlAttributes attributes (html_attributes.h): libxml2 is
//   quadratic in the attributes of one tag.
// - Nesting deeper than kMaxDomDepth is flattened: deeper elements become children of their
//   ancestor at that depth, in document order. Text is kept.
// - The content of <script>, <style>, <template> and similar is not text of the page: only <script
// type="application/ld+json"> keeps its raw text (for JSON-LD), in
//   Dom::json_ld. <noscript> stays in the tree (libxml2 parses its content as markup, and an
//   unclosed one can swallow the rest of the page); the content stage drops small ones.
// - NUL and other C0 control bytes are read as spaces (libxml2 would stop at them).
// - Cost: linear in the input; memory ≈ 2-3× the input. Thread-safe (no shared state after
//   libxml2's one-time initialisation, done on first use under a magic static).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe::extract {

inline constexpr int kMaxDomDepth = 512;  // levels; deeper nesting is flattened (see --help)

enum class Tag : uint8_t {
  kDocument,
  kText,
  kOther,  // an element we do not distinguish
  kHtml,
  kHead,
  kBody,
  kTitle,
  kMeta,
  kLink,
  kBase,
  kScript,
  kStyle,
  kNoscript,
  kTemplate,
  kIframe,
  kSvg,
  kMath,
  kCanvas,
  kObject,
  kEmbed,
  kVideo,
  kAudio,
  kSource,
  kMap,
  kNav,
  kHeader,
  kFooter,
  kAside,
  kForm,
  kButton,
  kSelect,
  kInput,
  kTextarea,
  kLabel,
  kOption,
  kMenu,
  kDialog,
  kFieldset,
  kMain,
  kArticle,
  kSection,
  kDiv,
  kP,
  kBr,
  kHr,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kUl,
  kOl,
  kLi,
  kDl,
  kDt,
  kDd,
  kTable,
  kTr,
  kTd,
  kTh,
  kThead,
  kTbody,
  kTfoot,
  kCaption,
  kBlockquote,
  kPre,
  kCode,
  kA,
  kSpan,
  kB,
  kStrong,
  kI,
  kEm,
  kU,
  kSmall,
  kSub,
  kSup,
  kMark,
  kTime,
  kFigure,
  kFigcaption,
  kImg,
  kPicture,
  kAddress,
  kDetails,
  kSummary,
  kCenter,
  kFont,
  kCite,
  kQ,
  kAbbr,
};

enum class Attr : uint8_t {
  kId,
  kClass,
  kItemprop,
  kItemtype,
  kRel,
  kHref,
  kName,
  kProperty,
  kContent,
  kDatetime,
  kLang,
  kType,
  kRole,
  kHidden,
  kAriaHidden,
  kStyle,
  kHttpEquiv,
};

inline constexpr uint32_t kNoNode = UINT32_MAX;

struct DomNode {
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t end = 0;  // one past the last descendant's index (subtree = [index, end))
  Tag tag = Tag::kOther;
  uint16_t depth = 0;
  uint32_t text_begin = 0;  // kText: bytes in Dom::text
  uint32_t text_size = 0;
  uint32_t attr_begin = 0;  // elements: attributes in Dom::attrs
  uint16_t attr_count = 0;
};

struct DomAttr {
  Attr name;
  uint32_t begin = 0;  // value bytes in Dom::text
  uint32_t size = 0;
};

class Dom {
 public:
  std::vector<DomNode> nodes;  // nodes[0] is the document
  std::vector<DomAttr> attrs;
  std::string text;                  // text node contents and attribute values
  std::vector<std::string> json_ld;  // raw text of each <script type=application/ld+json>

  std::string_view node_text(uint32_t n) const {
    return std::string_view(text).substr(nodes[n].text_begin, nodes[n].text_size);
  }
  // Value of attribute `a` of element `n`, or empty when absent.
  std::string_view attr(uint32_t n, Attr a) const;
  bool has_attr(uint32_t n, Attr a) const;
  // All text of the subtree of `n`, whitespace collapsed. Linear in the subtree.
  std::string subtree_text(uint32_t n) const;
  // True when `n` is `ancestor` or inside it.
  bool inside(uint32_t n, uint32_t ancestor) const {
    return n >= ancestor && n < nodes[ancestor].end;
  }
};

// Parses `html` (UTF-8; any <meta charset> is ignored since ingest already decoded it).
Dom parse_html(std::string_view html);

// The Tag of a lower-case element name (kOther when unknown).
Tag tag_of(std::string_view lower_name);

}  // namespace recoupe::extract
