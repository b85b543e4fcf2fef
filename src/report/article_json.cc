#include "report/article_json.h"

#include <cmath>

namespace recoupe::report {

nlohmann::ordered_json article_to_json(const Article& a) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["id"] = a.id;
  j["file"] = a.file;
  j["url"] = string_or_null(a.url);
  j["source"] = string_or_null(a.source);
  j["title"] = string_or_null(a.title);
  j["published"] = string_or_null(a.published);
  j["author"] = string_or_null(a.author);
  j["agency"] = string_or_null(a.agency);
  j["language"] = string_or_null(a.language);
  j["language_confidence"] = std::round(a.language_confidence * 1000.0) / 1000.0;
  j["words"] = a.words;
  j["text"] = a.text;
  j["paragraphs"] = a.paragraphs;
  if (!a.warnings.empty()) j["warnings"] = a.warnings;  // additive: only when something changed
  if (a.final_url) j["final_url"] = *a.final_url;       // additive: only for a fetched page
  if (a.fetched_at) j["fetched_at"] = *a.fetched_at;
  return j;
}

}  // namespace recoupe::report
