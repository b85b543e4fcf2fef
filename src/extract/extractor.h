// The extract stage: RawDocument → Article (main text, metadata, language). The only road
// from a raw document to an Article: every command, evaluation and benchmark comes here
// (through engine::Pipeline), so the same input always gives the same article.
#pragma once

#include "core/article.h"
#include "core/raw_document.h"
#include "extract/html_content.h"
#include "extract/html_resources.h"
#include "extract/text_classifier.h"
#include "extract/text_cues.h"

namespace recoupe::extract {

// Tuning of both extractors (one section of engine::Config).
struct ExtractConfig {
  ContentConfig html;      // main-content selection of HTML pages (html_content.h)
  TextCleanerConfig text;  // line classifier of scraped plain text (text_classifier.h)
};

// What extraction reads from data/, loaded once by engine::Resources.
struct ExtractResources {
  const HtmlResources& html;
  const TextCues& text;
};

// Cleans one document. HTML goes through extract_html, text through clean_text; fields given
// by the input (JSONL) win over inferred ones; the language is identified on the clean text,
// with a declared language as a hint. Cleaning never loses an article whole: a plain text
// that the boilerplate filter emptied (one short sentence per line, say) is kept as given.
// `published` is kept only when it is a date (core/calendar.h is_iso_date_time; a date with
// an unreadable time keeps the date); what is dropped or cut (an invalid date, a line over
// the length limit of text_lines.h) is said in Article::warnings. Never fails: a page with no
// recognisable body gives an Article with empty text (the caller decides whether that is an error).
// Pure and thread-safe.
Article extract_article(const RawDocument& doc, const ExtractResources& resources,
                        const ExtractConfig& config = {});

}  // namespace recoupe::extract
