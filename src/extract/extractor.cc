#include "extract/extractor.h"

#include "extract/html_extractor.h"
#include "extract/text_cleaner.h"
#include "extract/url_host.h"
#include "text/language.h"
#include "text/words.h"

namespace recoupe::extract {

Article extract_article(const RawDocument& doc, const ExtractResources& resources,
                        const ExtractConfig& config) {
  std::vector<std::string> paragraphs;
  PageMetadata meta;
  if (doc.kind == ContentKind::kHtml) {
    HtmlExtraction html = extract_html(doc.content, resources.html, config.html);
    paragraphs = std::move(html.paragraphs);
    meta = std::move(html.meta);
  } else {
    TextExtraction text = clean_text(doc.content, resources.text, config.text);
    paragraphs = std::move(text.paragraphs);
    meta = std::move(text.meta);
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
  a.published = doc.published ? doc.published : meta.published;
  if (a.published) a.published_at = parse_publication_time(*a.published);
  a.author = meta.author;
  a.agency = meta.agency;
  a.event = doc.event;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) a.text += "\n\n";
    a.text += paragraphs[i];
  }
  a.paragraphs = std::move(paragraphs);
  a.words = static_cast<int>(text::count_words(a.text));
  if (a.words == 0 && doc.kind == ContentKind::kText) {
    // Never lose an article whole: keep a plain text that the filter emptied as given.
    if (size_t words = text::count_words(doc.content); words > 0) {
      a.text = doc.content;
      a.paragraphs = {a.text};
      a.words = static_cast<int>(words);
    }
  }

  std::string hint = doc.language.value_or(meta.language.value_or(""));
  std::string sample = a.title.value_or("") + "\n" + a.text;
  text::LanguageGuess lang = text::detect_language(sample, hint);
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
