// Readable text form of an Article, as `recoupe extract --format text` prints it: a header
// line, one line per metadata field ("—" where unknown), then the paragraphs.
#pragma once

#include <string>

#include "core/article.h"

namespace recoupe::report {

// "── ID (FILE)\n", then title, source, published, author, agency, language (with its
// confidence, two decimals) and words, a blank line, and each paragraph followed by a blank
// line. Article text is printed as it is (no escaping). Pure; thread-safe.
std::string article_to_text(const Article& a);

}  // namespace recoupe::report
