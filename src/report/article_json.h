// JSON form of an Article (formats.md field names; null where unknown).
#pragma once

#include <nlohmann/json.hpp>

#include "core/article.h"

namespace recoupe::report {

// All fields of `recoupe extract`: id, file, url, source, title, published, author, agency,
// language, language_confidence, words, text, paragraphs.
nlohmann::ordered_json article_to_json(const Article& a);

}  // namespace recoupe::report
