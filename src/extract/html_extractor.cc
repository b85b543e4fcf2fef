#include "extract/html_extractor.h"

#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_metadata.h"
#include "extract/html_resources.h"
#include "text/normalize.h"

namespace recoupe::extract {
namespace {

// Tuning of the structured-data step.
struct JsonLdConfig {
  // articleBody is used from this many bytes on (shorter ones are often teasers).
  size_t min_body_bytes = 400;
  // ... and only when the DOM result is below this share of its length (the DOM then missed
  // most of the article, e.g. text rendered by script).
  double max_dom_share = 0.5;
  // Bytes of the body's start that must occur in the page text (consistency with the page).
  size_t probe_bytes = 60;
};

// The articleBody as paragraphs when it is long, consistent with the page, and clearly
// longer than what the DOM gave; empty otherwise.
std::vector<std::string> json_ld_body(const Dom& dom, const JsonLdArticle& ld, size_t dom_bytes,
                                      const JsonLdConfig& cfg = {}) {
  if (!ld.body || ld.body->size() < cfg.min_body_bytes) return {};
  if (static_cast<double>(dom_bytes) >= cfg.max_dom_share * ld.body->size()) return {};
  std::string body = *ld.body;
  if (body.find('<') != std::string::npos && body.find('>') != std::string::npos) {
    // HTML inside the JSON string: take its text.
    Dom inner = parse_html(body);
    body.clear();
    for (uint32_t i = 0; i < inner.nodes.size(); ++i) {
      if (inner.nodes[i].tag == Tag::kText)
        body += inner.node_text(i);
      else if (inner.nodes[i].tag == Tag::kP || inner.nodes[i].tag == Tag::kBr)
        body += '\n';
    }
  }
  std::string probe = text::collapse_spaces(body).substr(0, cfg.probe_bytes);
  // Cut at a space so that a multi-byte character is never split.
  if (size_t sp = probe.rfind(' '); sp != std::string::npos && sp > cfg.probe_bytes / 2)
    probe.resize(sp);
  std::string page = text::collapse_spaces(dom.subtree_text(0));
  if (probe.empty() || page.find(probe) == std::string::npos) return {};
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string::npos) nl = body.size();
    std::string p = text::collapse_spaces(std::string_view(body).substr(start, nl - start));
    if (!p.empty()) out.push_back(std::move(p));
    start = nl + 1;
  }
  return out;
}

}  // namespace

HtmlExtraction extract_html(std::string_view html, const HtmlResources& res,
                            const ContentConfig& config) {
  HtmlExtraction out;
  Dom dom = parse_html(html);
  JsonLdArticle ld = parse_json_ld(dom.json_ld);
  out.meta = page_metadata(dom, ld, res);
  std::string lang = out.meta.language.value_or("");
  ContentResult content = select_content(dom, res, lang, config);
  size_t dom_bytes = 0;
  for (const auto& p : content.paragraphs) dom_bytes += p.size();
  std::vector<std::string> structured = json_ld_body(dom, ld, dom_bytes);
  out.paragraphs = structured.empty() ? std::move(content.paragraphs) : std::move(structured);
  if (out.paragraphs.empty()) {
    // A very small page (a fragment, one paragraph) has no container worth scoring and its
    // lone paragraph may be too short for the paragraph classifier. Returning nothing would
    // lose the article: fall back to the page's text blocks outside chrome, without links.
    for (Block& b : page_blocks(dom, boilerplate_mask(dom, res))) {
      if (b.chars == 0 || b.link_density() > 0.5) continue;
      if (out.meta.title && b.text == *out.meta.title) continue;
      out.paragraphs.push_back(std::move(b.text));
    }
  }
  complete_metadata(dom, res, content.container, out.paragraphs, out.meta);
  return out;
}

}  // namespace recoupe::extract
