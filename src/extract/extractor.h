// The extract stage: RawDocument → Article (main text, metadata, language).
#pragma once

#include "core/article.h"
#include "core/raw_document.h"

namespace recoupe::extract {

// Cleans one document. HTML goes through extract_html, text through clean_text; fields given
// by the input (JSONL) win over inferred ones; the language is identified on the clean text,
// with a declared language as a hint. Never fails: a page with no recognisable body gives an
// Article with empty text (the caller decides whether that is an error). Pure and
// thread-safe.
Article extract_article(const RawDocument& doc);

}  // namespace recoupe::extract
