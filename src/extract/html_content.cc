#include "extract/html_content.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::extract {
namespace {

bool is_space_byte(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Non-space code points of `s` (UTF-8): a cheap length that ignores layout whitespace.
uint32_t visible_chars(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80 && !is_space_byte(c)) ++n;
  return n;
}

bool is_inline(Tag t) {
  switch (t) {
    case Tag::kText:
    case Tag::kOther:
    case Tag::kA:
    case Tag::kSpan:
    case Tag::kB:
    case Tag::kStrong:
    case Tag::kI:
    case Tag::kEm:
    case Tag::kU:
    case Tag::kSmall:
    case Tag::kSub:
    case Tag::kSup:
    case Tag::kMark:
    case Tag::kTime:
    case Tag::kFont:
    case Tag::kCite:
    case Tag::kQ:
    case Tag::kAbbr:
    case Tag::kCode:
    case Tag::kImg:
    case Tag::kPicture:
    case Tag::kLabel:
    case Tag::kSource:
    case Tag::kEmbed:
      return true;
    default:
      return false;
  }
}

BlockKind kind_of(Tag t) {
  switch (t) {
    case Tag::kP:
      return BlockKind::kParagraph;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      return BlockKind::kHeading;
    case Tag::kLi:
    case Tag::kDt:
    case Tag::kDd:
      return BlockKind::kListItem;
    case Tag::kBlockquote:
      return BlockKind::kQuote;
    case Tag::kPre:
      return BlockKind::kPre;
    case Tag::kTd:
    case Tag::kTh:
      return BlockKind::kCell;
    default:
      return BlockKind::kOther;
  }
}

// Calls `f(full_name, token)` for each class name and id of `n`, lower-cased, and for each
// of their parts split on '-', '_', ':' (full_name == true for whole names).
template <typename F>
void for_each_class_token(const Dom& dom, uint32_t n, F&& f) {
  for (Attr a : {Attr::kClass, Attr::kId}) {
    std::string_view v = dom.attr(n, a);
    if (v.empty()) continue;
    std::string lower = text::ascii_lower(v);
    size_t i = 0;
    while (i < lower.size()) {
      while (i < lower.size() && is_space_byte(static_cast<unsigned char>(lower[i]))) ++i;
      size_t j = i;
      while (j < lower.size() && !is_space_byte(static_cast<unsigned char>(lower[j]))) ++j;
      if (j > i) {
        std::string_view name(lower.data() + i, j - i);
        if (f(a, name, true)) return;
        size_t k = 0;
        bool split = name.find_first_of("-_:") != std::string_view::npos;
        while (split && k < name.size()) {
          size_t e = name.find_first_of("-_:", k);
          if (e == std::string_view::npos) e = name.size();
          if (e > k && f(a, name.substr(k, e - k), false)) return;
          k = e + 1;
        }
      }
      i = j;
    }
  }
}

struct CueHits {
  bool negative_class = false, negative_id = false;
  bool positive_class = false, positive_id = false;
  bool protected_name = false;
};

// Cue flags of one token, memoised per page: matching every cue is the costly part.
enum : uint8_t { kNeg = 1, kPos = 2, kProtectWhole = 4, kKnown = 8 };
using TokenCache = std::unordered_map<std::string, uint8_t>;

uint8_t token_flags(std::string_view token, const HtmlResources& res, TokenCache* cache) {
  if (cache) {
    auto it = cache->find(std::string(token));
    if (it != cache->end()) return it->second;
  }
  uint8_t f = kKnown;
  for (const ClassCue& c : res.boilerplate)
    if (c.matches(token)) {
      f |= kNeg;
      break;
    }
  for (const ClassCue& c : res.content) {
    if (!c.matches(token)) continue;
    f |= kPos;
    if (c.protects) f |= kProtectWhole;
  }
  if (cache) cache->emplace(std::string(token), f);
  return f;
}

CueHits cue_hits(const Dom& dom, uint32_t n, const HtmlResources& res,
                 TokenCache* cache = nullptr) {
  CueHits h;
  for_each_class_token(dom, n, [&](Attr a, std::string_view token, bool whole) {
    uint8_t f = token_flags(token, res, cache);
    if (f & kNeg) (a == Attr::kClass ? h.negative_class : h.negative_id) = true;
    if (f & kPos) (a == Attr::kClass ? h.positive_class : h.positive_id) = true;
    if ((f & kProtectWhole) && whole) h.protected_name = true;
    return false;
  });
  return h;
}

bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k])
      ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool hidden(const Dom& dom, uint32_t n) {
  if (dom.has_attr(n, Attr::kHidden)) return true;
  if (dom.attr(n, Attr::kAriaHidden) == "true") return true;
  std::string_view style = dom.attr(n, Attr::kStyle);
  if (style.empty()) return false;
  std::string s;
  for (char c : style)
    if (!is_space_byte(static_cast<unsigned char>(c)))
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

bool never_pruned(const Dom& dom, uint32_t n) {
  Tag t = dom.nodes[n].tag;
  if (t == Tag::kHtml || t == Tag::kBody || t == Tag::kMain || t == Tag::kArticle ||
      t == Tag::kDocument)
    return true;
  return contains_ci(dom.attr(n, Attr::kItemprop), "articlebody");
}

// Per-element aggregates used by the scorers.
struct Stats {
  std::vector<uint32_t> chars, link_chars;
};

Stats element_stats(const Dom& dom, const std::vector<Block>& blocks) {
  Stats s;
  s.chars.assign(dom.nodes.size(), 0);
  s.link_chars.assign(dom.nodes.size(), 0);
  for (const Block& b : blocks) {
    s.chars[b.owner] += b.chars;
    s.link_chars[b.owner] += b.link_chars;
  }
  for (uint32_t i = static_cast<uint32_t>(dom.nodes.size()); i-- > 1;) {
    uint32_t p = dom.nodes[i].parent;
    if (p == kNoNode) continue;
    s.chars[p] += s.chars[i];
    s.link_chars[p] += s.link_chars[i];
  }
  return s;
}

double density(const Stats& s, uint32_t n) {
  return s.chars[n] ? static_cast<double>(s.link_chars[n]) / s.chars[n] : 0.0;
}

double tag_score(Tag t) {
  switch (t) {
    case Tag::kDiv:
    case Tag::kArticle:
    case Tag::kMain:
    case Tag::kSection:
      return 5;
    case Tag::kPre:
    case Tag::kTd:
    case Tag::kBlockquote:
      return 3;
    case Tag::kAddress:
    case Tag::kOl:
    case Tag::kUl:
    case Tag::kDl:
    case Tag::kDd:
    case Tag::kDt:
    case Tag::kLi:
    case Tag::kForm:
      return -3;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kTh:
      return -5;
    default:
      return 0;
  }
}

double class_weight(const Dom& dom, uint32_t n, const HtmlResources& res,
                    const ContentConfig& cfg) {
  CueHits h = cue_hits(dom, n, res);
  double w = 0;
  if (h.negative_class) w -= cfg.class_weight;
  if (h.positive_class) w += cfg.class_weight;
  if (h.negative_id) w -= cfg.class_weight;
  if (h.positive_id) w += cfg.class_weight;
  if (contains_ci(dom.attr(n, Attr::kItemprop), "articlebody")) w += 2 * cfg.class_weight;
  return w;
}

bool ends_sentence(std::string_view s) {
  while (!s.empty() && is_space_byte(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
         (s.size() >= 3 && (s.substr(s.size() - 3) == "\xC2\xBB" || s.ends_with("\xE2\x80\x9D")));
}

// Readability: the container with the best score, plus the siblings that belong with it.
std::vector<uint32_t> readability_containers(const Dom& dom, const std::vector<Block>& blocks,
                                             const Stats& stats, const HtmlResources& res,
                                             const ContentConfig& cfg) {
  const size_t n = dom.nodes.size();
  std::vector<double> score(n, 0.0);
  std::vector<char> initialised(n, 0);
  std::vector<uint32_t> candidates;
  auto init = [&](uint32_t e) {
    if (initialised[e]) return;
    initialised[e] = 1;
    score[e] = tag_score(dom.nodes[e].tag) + class_weight(dom, e, res, cfg);
    candidates.push_back(e);
  };
  // Score each paragraph-like element once, from the blocks it owns.
  std::vector<uint32_t> owner_chars(n, 0), owner_commas(n, 0);
  std::vector<uint32_t> owners;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kHeading || b.kind == BlockKind::kListItem) continue;
    if (owner_chars[b.owner] == 0 && owner_commas[b.owner] == 0) owners.push_back(b.owner);
    owner_chars[b.owner] += b.chars;
    owner_commas[b.owner] += b.commas;
  }
  for (uint32_t o : owners) {
    if (owner_chars[o] < static_cast<uint32_t>(cfg.min_scored_chars)) continue;
    double s = 1.0 + owner_commas[o] + std::min(3.0, owner_chars[o] / 100.0);
    uint32_t a = dom.nodes[o].parent;
    for (int level = 0; level < 5 && a != kNoNode && a != 0; ++level, a = dom.nodes[a].parent) {
      if (dom.nodes[a].tag == Tag::kHtml) break;
      init(a);
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      score[a] += s / divider;
    }
  }
  uint32_t top = kNoNode;
  double best = -1e18;
  for (uint32_t c : candidates) {
    score[c] *= 1.0 - density(stats, c);
    if (score[c] > best) {
      best = score[c];
      top = c;
    }
  }
  if (top == kNoNode) return {};
  auto is_root = [&](uint32_t e) {
    return e == kNoNode || e == 0 || dom.nodes[e].tag == Tag::kBody ||
           dom.nodes[e].tag == Tag::kHtml;
  };
  // Readability.js: when several near-best candidates share an ancestor, the article is
  // that ancestor (its paragraphs are split over sibling blocks).
  {
    std::vector<uint32_t> ranked = candidates;
    size_t k = std::min<size_t>(5, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + k, ranked.end(),
                      [&](uint32_t a, uint32_t b) { return score[a] > score[b]; });
    std::vector<uint32_t> close;
    for (size_t i = 0; i < k; ++i)
      if (ranked[i] != top && best > 0 && score[ranked[i]] / best >= 0.75)
        close.push_back(ranked[i]);
    if (close.size() >= 3) {
      for (uint32_t p = dom.nodes[top].parent; !is_root(p); p = dom.nodes[p].parent) {
        int containing = 0;
        for (uint32_t c : close) containing += dom.inside(c, p);
        if (containing >= 3) {
          top = p;
          break;
        }
      }
    }
  }
  // Readability.js: climb while the parent scores higher than the child (it gathers more of
  // the article), stopping when scores fall below a third of the top score.
  {
    double last = score[top], threshold = last / 3;
    for (uint32_t p = dom.nodes[top].parent; !is_root(p); p = dom.nodes[p].parent) {
      if (!initialised[p]) continue;
      if (score[p] < threshold) break;
      if (score[p] > last) {
        top = p;
        break;
      }
      last = score[p];
    }
    // A wrapper that adds no text stands for its only content child.
    while (!is_root(dom.nodes[top].parent) &&
           stats.chars[dom.nodes[top].parent] == stats.chars[top])
      top = dom.nodes[top].parent;
    best = std::max(best, score[top]);
  }
  std::vector<uint32_t> out;
  uint32_t parent = dom.nodes[top].parent;
  if (parent == kNoNode) return {top};
  double threshold = std::max(10.0, best * cfg.sibling_share);
  std::string_view top_class = dom.attr(top, Attr::kClass);
  for (uint32_t s = dom.nodes[parent].first_child; s != kNoNode; s = dom.nodes[s].next_sibling) {
    if (s == top) {
      out.push_back(s);
      continue;
    }
    if (dom.nodes[s].tag == Tag::kText || stats.chars[s] == 0) continue;
    double bonus = (!top_class.empty() && dom.attr(s, Attr::kClass) == top_class) ? best * 0.2 : 0;
    if (initialised[s] && score[s] + bonus >= threshold) {
      out.push_back(s);
    } else if (dom.nodes[s].tag == Tag::kP) {
      double ld = density(stats, s);
      if (stats.chars[s] > 80 && ld < 0.25)
        out.push_back(s);
      else if (stats.chars[s] <= 80 && ld == 0 && ends_sentence(dom.subtree_text(s)))
        out.push_back(s);
    }
  }
  return out;
}

// Blocks inside `containers`, minus link lists, in document order.
std::vector<size_t> blocks_inside(const Dom& dom, const std::vector<Block>& blocks,
                                  const std::vector<uint32_t>& containers, const Stats& stats,
                                  const ContentConfig& cfg) {
  std::vector<size_t> out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    bool in = false;
    for (uint32_t c : containers)
      if (dom.inside(b.owner, c)) in = true;
    if (!in) continue;
    if (b.link_density() > cfg.max_block_link_density) continue;
    // A list of links inside the article (related stories) goes with its list.
    if (b.kind == BlockKind::kListItem) {
      uint32_t list = dom.nodes[b.owner].parent;
      if (list != kNoNode && density(stats, list) > cfg.max_block_link_density) continue;
    }
    out.push_back(i);
  }
  return out;
}

// jusText-like classification of every block: good (running text), bad, or short/near-good
// decided by the nearest good/bad neighbours.
std::vector<size_t> justext_blocks(const std::vector<Block>& blocks, const text::StopWords* sw,
                                   const text::ElisionRules& elisions, const ContentConfig& cfg) {
  enum Class : uint8_t { kBad, kGood, kShort, kNearGood };
  std::vector<Class> cls(blocks.size(), kBad);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    double sd = 0;
    if (sw) {
      auto spans = text::word_spans(b.text, elisions);
      size_t stop = 0;
      for (const auto& w : spans)
        if (sw->contains(text::fold(std::string_view(b.text).substr(w.begin, w.end - w.begin))))
          ++stop;
      sd = spans.empty() ? 0 : static_cast<double>(stop) / spans.size();
    }
    if (b.link_density() > cfg.justext_max_link_density) {
      cls[i] = kBad;
    } else if (b.chars < static_cast<uint32_t>(cfg.justext_short_chars)) {
      cls[i] = kShort;
    } else if (!sw) {
      cls[i] = b.chars >= static_cast<uint32_t>(cfg.justext_long_chars) ? kGood : kNearGood;
    } else if (sd >= cfg.justext_stopword_high) {
      cls[i] = b.chars >= static_cast<uint32_t>(cfg.justext_long_chars) ? kGood : kNearGood;
    } else if (sd >= cfg.justext_stopword_low) {
      cls[i] = kNearGood;
    } else {
      cls[i] = kBad;
    }
  }
  // Context: a short block between good blocks is good; near-good next to good is good.
  auto neighbour = [&](size_t i, int dir, bool ignore_near) -> Class {
    for (long j = static_cast<long>(i) + dir; j >= 0 && j < static_cast<long>(blocks.size());
         j += dir) {
      if (cls[j] == kGood || cls[j] == kBad) return cls[j];
      if (cls[j] == kNearGood && !ignore_near) return kNearGood;
    }
    return kBad;
  };
  std::vector<Class> out = cls;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (cls[i] != kShort) continue;
    Class prev = neighbour(i, -1, true), next = neighbour(i, 1, true);
    if (prev == kGood && next == kGood)
      out[i] = kGood;
    else if (prev == kBad && next == kBad)
      out[i] = kBad;
    else {
      Class p2 = neighbour(i, -1, false), n2 = neighbour(i, 1, false);
      out[i] = (p2 == kBad && n2 == kBad) ? kBad : kNearGood;
    }
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (out[i] != kNearGood) continue;
    Class prev = kBad, next = kBad;
    for (long j = static_cast<long>(i) - 1; j >= 0; --j)
      if (out[j] == kGood || out[j] == kBad) {
        prev = out[j];
        break;
      }
    for (size_t j = i + 1; j < blocks.size(); ++j)
      if (out[j] == kGood || out[j] == kBad) {
        next = out[j];
        break;
      }
    out[i] = (prev == kGood || next == kGood) ? kGood : kBad;
  }
  std::vector<size_t> keep;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (out[i] == kGood) keep.push_back(i);
  return keep;
}

uint32_t total_chars(const std::vector<Block>& blocks, const std::vector<size_t>& idx) {
  uint32_t n = 0;
  for (size_t i : idx) n += blocks[i].chars;
  return n;
}

}  // namespace

std::vector<char> boilerplate_mask(const Dom& dom, const HtmlResources& res, bool use_cues) {
  // A <noscript> with more nodes than this is an unclosed one holding the rest of the page.
  constexpr uint32_t cfg_noscript_max_nodes = 200;
  const size_t n = dom.nodes.size();
  // Cue hits per element, cached by class+id (pages repeat the same classes many times).
  std::vector<CueHits> hits(n);
  std::unordered_map<std::string, CueHits> cache;
  TokenCache tokens;
  for (uint32_t i = 1; i < n; ++i) {
    const DomNode& node = dom.nodes[i];
    if (node.tag == Tag::kText || node.attr_count == 0) continue;
    std::string_view c = dom.attr(i, Attr::kClass), id = dom.attr(i, Attr::kId);
    if (!use_cues || (c.empty() && id.empty())) continue;
    std::string key(c);
    key += '\x01';
    key += id;
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(std::move(key), cue_hits(dom, i, res, &tokens)).first;
    hits[i] = it->second;
  }
  // Elements holding the main content (or wrapping it) are never chrome, whatever their
  // class says ("content-sidebar-wrap" around the article).
  std::vector<char> holds_main(n, 0);
  for (uint32_t i = static_cast<uint32_t>(n); i-- > 1;) {
    const DomNode& node = dom.nodes[i];
    if (node.tag == Tag::kText) continue;
    bool negative = hits[i].negative_class || hits[i].negative_id;
    if (node.tag == Tag::kMain || dom.attr(i, Attr::kRole) == "main" ||
        contains_ci(dom.attr(i, Attr::kItemprop), "articlebody") || hits[i].protected_name ||
        (node.tag == Tag::kArticle && !negative))
      holds_main[i] = 1;
    if (holds_main[i] && node.parent != kNoNode) holds_main[node.parent] = 1;
  }
  std::vector<char> mask(n, 0);
  std::vector<char> in_article(n, 0);  // inside <article> or <main>
  for (uint32_t i = 1; i < n; ++i) {
    const DomNode& node = dom.nodes[i];
    in_article[i] = (node.parent != kNoNode && in_article[node.parent]) ||
                    node.tag == Tag::kArticle || node.tag == Tag::kMain;
    if (node.tag == Tag::kText || never_pruned(dom, i)) continue;
    if (node.tag == Tag::kHead || node.tag == Tag::kTitle) {
      mask[i] = 1;
      continue;
    }
    if (node.attr_count && hidden(dom, i)) {
      mask[i] = 1;
      continue;
    }
    if (holds_main[i]) continue;
    // A <noscript> is fallback chrome, unless an unclosed one swallowed the page.
    if (node.tag == Tag::kNoscript && node.end - i < cfg_noscript_max_nodes) {
      mask[i] = 1;
      continue;
    }
    bool chrome = false;
    switch (node.tag) {
      case Tag::kNav:
      case Tag::kAside:
      case Tag::kFooter:
      case Tag::kButton:
      case Tag::kInput:
      case Tag::kSelect:
      case Tag::kTextarea:
      case Tag::kLabel:
      case Tag::kOption:
      case Tag::kMenu:
      case Tag::kDialog:
      case Tag::kFieldset:
      case Tag::kFigure:
      case Tag::kFigcaption:
        chrome = true;
        break;
      default:
        break;
    }
    // The page header is chrome; an article's own <header> holds its headline and lede
    // (bylines and dates in it are caught by their class cues).
    if (node.tag == Tag::kHeader && !in_article[node.parent]) chrome = true;
    if (!chrome && node.attr_count && use_cues) {
      std::string_view role = dom.attr(i, Attr::kRole);
      if (!role.empty())
        for (const char* r : {"navigation", "banner", "contentinfo", "complementary", "search",
                              "dialog", "alertdialog", "menu", "menubar"})
          if (role == r) chrome = true;
      if ((hits[i].negative_class || hits[i].negative_id) && !hits[i].protected_name) chrome = true;
    }
    mask[i] = chrome;
  }
  return mask;
}

std::vector<Block> page_blocks(const Dom& dom, const std::vector<char>& mask) {
  std::vector<Block> blocks;
  const auto& nodes = dom.nodes;
  std::vector<uint32_t> open;   // open block elements
  std::vector<uint32_t> links;  // open <a> elements
  std::string buffer;
  uint32_t link_chars = 0;
  bool after_br = false;
  auto flush = [&](bool br) {
    std::string t = text::collapse_spaces(buffer);
    buffer.clear();
    if (!t.empty()) {
      Block b;
      b.owner = open.empty() ? 0 : open.back();
      b.chars = visible_chars(t);
      b.link_chars = std::min(link_chars, b.chars);
      for (char c : t)
        if (c == ',') ++b.commas;
      b.kind = kind_of(nodes[b.owner].tag);
      b.after_br = after_br;
      b.text = std::move(t);
      blocks.push_back(std::move(b));
    }
    link_chars = 0;
    after_br = br;
  };
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    while (!open.empty() && nodes[open.back()].end <= i) {
      flush(false);
      open.pop_back();
    }
    while (!links.empty() && nodes[links.back()].end <= i) links.pop_back();
    const DomNode& node = nodes[i];
    if (node.tag == Tag::kText) {
      std::string_view t = dom.node_text(i);
      buffer += t;
      if (!links.empty()) link_chars += visible_chars(t);
      continue;
    }
    bool skip = node.tag == Tag::kHead || node.tag == Tag::kTitle || node.tag == Tag::kScript ||
                node.tag == Tag::kStyle || node.tag == Tag::kTemplate || node.tag == Tag::kSvg ||
                node.tag == Tag::kMath || node.tag == Tag::kIframe || node.tag == Tag::kSelect ||
                node.tag == Tag::kTextarea || node.tag == Tag::kObject ||
                node.tag == Tag::kCanvas || node.tag == Tag::kVideo || node.tag == Tag::kAudio ||
                node.tag == Tag::kMap;
    if (!skip && !mask.empty() && mask[i]) skip = true;
    if (skip) {
      if (!is_inline(node.tag)) flush(false);
      i = node.end - 1;
      continue;
    }
    if (node.tag == Tag::kBr) {
      flush(true);
    } else if (node.tag == Tag::kA) {
      links.push_back(i);
    } else if (!is_inline(node.tag)) {
      flush(false);
      open.push_back(i);
    } else if (node.tag == Tag::kImg || node.tag == Tag::kOther) {
      buffer += ' ';
    }
  }
  flush(false);
  return blocks;
}

namespace {

ContentResult select_with_mask(const Dom& dom, const HtmlResources& res, std::string_view lang,
                               const ContentConfig& cfg, const std::vector<char>& mask) {
  ContentResult result;
  std::vector<Block> blocks = page_blocks(dom, mask);
  Stats stats = element_stats(dom, blocks);

  std::vector<uint32_t> containers = readability_containers(dom, blocks, stats, res, cfg);
  std::vector<size_t> chosen = blocks_inside(dom, blocks, containers, stats, cfg);
  result.method = "readability";
  if (!containers.empty()) result.container = containers.front();

  uint32_t chars = total_chars(blocks, chosen);
  std::vector<size_t> jt = justext_blocks(blocks, res.stopwords(lang), res.elisions(), cfg);
  uint32_t jt_chars = total_chars(blocks, jt);
  if (jt_chars > cfg.fallback_length_ratio * chars ||
      (chars < static_cast<uint32_t>(cfg.min_article_chars) && jt_chars > chars)) {
    chosen = std::move(jt);
    result.method = "justext";
  } else if (!chosen.empty() && cfg.extend_with_justext) {
    // Running text just before the container (a lede in a sibling wrapper) joins it, as do
    // jusText-good blocks inside its span. Measured: extending after the container too
    // brought more comments and teasers than article text.
    std::vector<char> good(blocks.size(), 0), in(blocks.size(), 0);
    for (size_t i : jt) good[i] = 1;
    for (size_t i : chosen) in[i] = 1;
    const size_t first = chosen.front(), last = chosen.back();
    for (size_t i = first + 1; i < last; ++i)
      if (good[i]) in[i] = 1;
    for (size_t i = first; i-- > 0 && good[i];) in[i] = 1;
    chosen.clear();
    for (size_t i = 0; i < blocks.size(); ++i)
      if (in[i]) chosen.push_back(i);
  }
  // A heading introduces what follows it: when that was not kept (a "Related" list dropped
  // for its links), the heading goes too.
  std::vector<char> kept(blocks.size(), 0);
  for (size_t i : chosen) kept[i] = 1;
  for (size_t k = chosen.size(); k-- > 0;) {
    size_t i = chosen[k];
    // The same for a short lead-in line ("Read also:", "Contact:").
    bool lead_in = blocks[i].chars <= 60 && !blocks[i].text.empty() && blocks[i].text.back() == ':';
    if (blocks[i].kind != BlockKind::kHeading && !lead_in) continue;
    if (i + 1 >= blocks.size() || !kept[i + 1]) kept[i] = 0;
  }
  std::erase_if(chosen, [&](size_t i) { return !kept[i]; });
  for (size_t i : chosen) {
    result.chars += blocks[i].chars;
    result.paragraphs.push_back(blocks[i].text);
  }
  if (result.paragraphs.empty()) result.method = "empty";
  return result;
}

}  // namespace

ContentResult select_content(const Dom& dom, const HtmlResources& res, std::string_view lang,
                             const ContentConfig& cfg) {
  ContentResult full = select_with_mask(dom, res, lang, cfg, boilerplate_mask(dom, res, true));
  if (full.chars >= static_cast<uint32_t>(cfg.min_article_chars)) return full;
  // Little text left: a class cue may have hit the article's own wrapper. Retry with the
  // structural pruning only (tags, roles, hidden) and keep the longer result.
  ContentResult light = select_with_mask(dom, res, lang, cfg, boilerplate_mask(dom, res, false));
  if (light.chars > full.chars) {
    light.method += "-light";
    return light;
  }
  return full;
}

}  // namespace recoupe::extract
