// JSON form of an Article, as `recoupe extract` prints it (docs/formats.md; null where unknown).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/article.h"

namespace recoupe::report {

// A string field of the formats: the value, or null when unknown.
inline nlohmann::ordered_json string_or_null(const std::optional<std::string>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

// All fields of `recoupe extract`: id, file, url, source, title, published, author, agency,
// language, language_confidence, words, text, paragraphs; and warnings (Article::warnings)
// when there are any.
nlohmann::ordered_json article_to_json(const Article& a);

}  // namespace recoupe::report
