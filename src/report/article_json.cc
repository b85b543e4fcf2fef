#include "report/article_json.h"

#include <cmath>

namespace recoupe::report {
namespace {

nlohmann::ordered_json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json article_to_json(const Article& a) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["id"] = a.id;
  j["file"] = a.file;
  j["url"] = opt(a.url);
  j["source"] = opt(a.source);
  j["title"] = opt(a.title);
  j["published"] = opt(a.published);
  j["author"] = opt(a.author);
  j["agency"] = opt(a.agency);
  j["language"] = opt(a.language);
  j["language_confidence"] = std::round(a.language_confidence * 1000.0) / 1000.0;
  j["words"] = a.words;
  j["text"] = a.text;
  j["paragraphs"] = a.paragraphs;
  return j;
}

}  // namespace recoupe::report
