#include "extract/html_extractor.h"

#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_metadata.h"
#include "extract/html_resources.h"

namespace recoupe::extract {

HtmlExtraction extract_html(std::string_view html, const HtmlResources& res) {
  HtmlExtraction out;
  Dom dom = parse_html(html);
  out.meta = page_metadata(dom, res);
  std::string lang = out.meta.language.value_or("");
  ContentResult content = select_content(dom, res, lang);
  out.paragraphs = std::move(content.paragraphs);
  complete_metadata(dom, res, content.container, out.paragraphs, out.meta);
  return out;
}

HtmlExtraction extract_html(std::string_view html) {
  return extract_html(html, HtmlResources::shared());
}

}  // namespace recoupe::extract
