#include "feeds/fetched_page.h"

#include "feeds/canonical_url.h"
#include "feeds/feed_date.h"
#include "feeds/page_links.h"
#include "ingest/encoding.h"
#include "text/fold.h"

namespace recoupe::feeds {

bool is_page_type(const std::string& content_type) {
  const std::string type = text::ascii_lower(content_type);
  if (type.empty()) return true;
  for (const char* t : {"text/html", "application/xhtml", "text/plain", "application/xml",
                        "text/xml", "application/octet-stream"})
    if (type.rfind(t, 0) == 0) return true;
  return false;
}

std::string header_charset(const std::string& content_type) {
  const std::string type = text::ascii_lower(content_type);
  size_t at = type.find("charset=");
  if (at == std::string::npos) return "";
  std::string v = type.substr(at + 8);
  v = v.substr(0, v.find_first_of("; \t"));
  if (v.size() >= 2 && v.front() == '"') v = v.substr(1, v.size() - 2);
  return v;
}

Expected<RawDocument> page_document(const fetch::FetchResult& page, const FeedEntry* entry,
                                    const Source* source) {
  if (!is_page_type(page.content_type))
    return Error{"", "not an HTML page (Content-Type: " + page.content_type + ")"};
  std::string declared = header_charset(page.content_type);
  if (declared.empty()) declared = ingest::declared_html_charset(page.body);
  auto text = ingest::decode_to_utf8(page.body, declared);
  if (!text) return text.error();
  const PageLinks links = read_page_links(text->text, page.final_url);
  std::string canonical = canonical_url(page.final_url, links.canonical, links.og_url);
  if (canonical.empty()) canonical = page.final_url;

  RawDocument doc;
  doc.id = canonical;
  doc.file = page.final_url;
  doc.kind = ContentKind::kHtml;
  doc.content = std::move(text->text);
  doc.encoding = text->encoding;
  doc.url = canonical;
  doc.final_url = page.final_url;
  doc.fetched_at = page.fetched_at;
  if (entry) {
    doc.hint_title = entry->title;
    if (entry->published) doc.hint_published = feed_date_to_iso(*entry->published);
    doc.hint_author = entry->author;
  }
  if (source) {
    doc.source = source->outlet;
    doc.language = source->language;
  }
  return doc;
}

}  // namespace recoupe::feeds
