#include "extract/html_extractor.h"

#include <gumbo.h>

#include "text/normalize.h"

namespace recoupe::extract {
namespace {

void collect_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    collect_text(static_cast<const GumboNode*>(children.data[i]), out);
}

void walk(const GumboNode* node, HtmlExtraction& out) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NAV) return;
  if (tag == GUMBO_TAG_TITLE && !out.meta.title) {
    std::string t;
    collect_text(node, t);
    t = text::collapse_spaces(t);
    if (!t.empty()) out.meta.title = t;
    return;
  }
  if (tag == GUMBO_TAG_P) {
    std::string t;
    collect_text(node, t);
    t = text::collapse_spaces(t);
    if (!t.empty()) out.paragraphs.push_back(std::move(t));
    return;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    walk(static_cast<const GumboNode*>(children.data[i]), out);
}

}  // namespace

HtmlExtraction extract_html(std::string_view html) {
  HtmlExtraction out;
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* doc = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!doc) return out;
  walk(doc->root, out);
  gumbo_destroy_output(&options, doc);
  return out;
}

}  // namespace recoupe::extract
