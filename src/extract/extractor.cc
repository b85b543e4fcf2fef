#include "extract/extractor.h"

#include <algorithm>

#include "extract/html_extractor.h"
#include "extract/text_cleaner.h"
#include "extract/url_host.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::extract {
namespace {

// A value quoted in a warning: at most ~60 bytes (whole UTF-8 characters), control
// characters shown as '?'.
std::string quoted(std::string_view v) {
  size_t n = std::min<size_t>(v.size(), 60);
  while (n < v.size() && n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
  std::string out = "\"";
  for (char c : v.substr(0, n)) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '?' : c;
  return out + (n < v.size() ? "…\"" : "\"");
}

// Sets published_at from `published`. A value that is not a date is never shown as one: it
// becomes unknown; a valid date with a time that cannot be read keeps only the date. Both
// say so in the article's warnings.
void check_published(Article& a) {
  if (!a.published) return;
  a.published_at = parse_publication_time(*a.published);
  if (!a.published_at) {
    a.warnings.push_back("published " + quoted(*a.published) +
                         " is not a date (YYYY-MM-DD, or an ISO 8601 date-time): left out");
    a.published.reset();
  } else if (!is_iso_date_time(*a.published)) {
    std::string date = format_iso(a.published_at->date);
    a.warnings.push_back("published " + quoted(*a.published) +
                         ": the time is not an ISO 8601 time; only the date " + date + " is kept");
    a.published = date;
    a.published_at = parse_publication_time(date);
  }
}

}  // namespace

Article extract_article(const RawDocument& doc, const ExtractResources& resources,
                        const ExtractConfig& config) {
  std::vector<std::string> paragraphs;
  std::vector<std::string> warnings;
  PageMetadata meta;
  if (doc.kind == ContentKind::kHtml) {
    HtmlExtraction html = extract_html(doc.content, resources.html, config.html);
    paragraphs = std::move(html.paragraphs);
    meta = std::move(html.meta);
  } else {
    TextExtraction text = clean_text(doc.content, resources.text, config.text);
    paragraphs = std::move(text.paragraphs);
    meta = std::move(text.meta);
    warnings = std::move(text.warnings);
  }

  Article a;
  a.id = doc.id;
  a.file = doc.file;
  a.url = doc.url ? doc.url : meta.url;
  a.source = doc.source ? doc.source : meta.source;
  // Without a named outlet, the URL's host names it ("lemonde.fr"): an article of a known
  // site never counts as an unknown outlet.
  if ((!a.source || a.source->empty()) && a.url)
    if (std::string host = url_host(*a.url); !host.empty()) a.source = std::move(host);
  a.title = doc.title ? doc.title : meta.title;
  if (!a.title) a.title = doc.hint_title;
  a.published = doc.published ? doc.published : meta.published;
  a.warnings = std::move(warnings);
  check_published(a);
  if (!a.published && doc.hint_published) {  // the page has no (valid) date: the feed's
    a.published = doc.hint_published;
    check_published(a);
  }
  a.author = meta.author ? meta.author : doc.hint_author;
  a.agency = meta.agency;
  a.event = doc.event;
  a.final_url = doc.final_url;
  a.fetched_at = doc.fetched_at;
  // Soft hyphens are layout, not text (text::without_soft_breaks): a word is read whole.
  if (a.title) a.title = text::without_soft_breaks(*a.title);
  for (std::string& p : paragraphs) p = text::without_soft_breaks(p);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) a.text += "\n\n";
    a.text += paragraphs[i];
  }
  a.paragraphs = std::move(paragraphs);
  a.words = static_cast<int>(text::count_words(a.text, resources.text.elisions()));
  if (a.words == 0 && doc.kind == ContentKind::kText) {
    // Never lose an article whole: keep a plain text that the filter emptied as given.
    if (size_t words = text::count_words(doc.content, resources.text.elisions()); words > 0) {
      a.text = text::without_soft_breaks(doc.content);
      a.paragraphs = {a.text};
      a.words = static_cast<int>(words);
    }
  }

  std::string hint = doc.language.value_or(meta.language.value_or(""));
  std::string sample = a.title.value_or("") + "\n" + a.text;
  text::LanguageGuess lang = text::detect_language(sample, resources.text.elisions(), hint);
  if (doc.language) {
    a.language = doc.language;  // given wins
    a.language_confidence = 1.0;
  } else {
    a.language = lang.code;
    a.language_confidence = lang.confidence;
  }
  return a;
}

}  // namespace recoupe::extract
