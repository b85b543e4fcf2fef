#include "bus/cleaned_article.h"

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/json_depth.h"

namespace recoupe::bus {
namespace {

using Json = nlohmann::json;

void put(Json& j, const char* key, const std::optional<std::string>& v) {
  if (v) j[key] = *v;
}

// The optional string `key` of `j`: absent or null is nullopt; another type throws.
std::optional<std::string> optional_string(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
  return it->get<std::string>();
}

std::string required_string(const Json& j, const char* key) {
  auto v = optional_string(j, key);
  if (!v) throw std::invalid_argument(std::string("no \"") + key + "\" string");
  return *v;
}

std::vector<std::string> strings(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_array()) throw std::invalid_argument(std::string("\"") + key + "\" is not a list");
  std::vector<std::string> out;
  for (const Json& e : *it) {
    if (!e.is_string())
      throw std::invalid_argument(std::string("\"") + key + "\" holds a non-string");
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace

std::string encode_cleaned(const CleanedArticle& m) {
  if (m.refused) return Json{{"refused", true}, {"raw_sequence", m.raw_sequence}}.dump();
  const Article& a = m.article;
  Json j = Json::object();
  if (m.raw_sequence) j["raw_sequence"] = m.raw_sequence;
  j["id"] = a.id;
  j["file"] = a.file;
  put(j, "url", a.url);
  put(j, "source", a.source);
  put(j, "title", a.title);
  put(j, "published", a.published);
  put(j, "author", a.author);
  put(j, "agency", a.agency);
  put(j, "language", a.language);
  j["language_confidence"] = a.language_confidence;  // nlohmann writes doubles round-trip
  j["words"] = a.words;
  j["text"] = a.text;
  j["paragraphs"] = a.paragraphs;
  put(j, "event", a.event);
  put(j, "final_url", a.final_url);
  put(j, "fetched_at", a.fetched_at);
  if (!a.warnings.empty()) j["warnings"] = a.warnings;
  j["raw"] = {{"kind", m.raw.kind == ContentKind::kHtml ? "html" : "text"},
              {"content", m.raw.content},
              {"encoding", m.raw.encoding}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Expected<CleanedArticle> decode_cleaned(std::string_view text, const std::string& where) {
  // The raw page is one level down: anything deeper is not a message of this kind.
  constexpr int kMaxDepth = 4;
  if (json_depth(text, kMaxDepth) > kMaxDepth)
    return Error{where, "not a cleaned-article message: JSON nested too deeply"};
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Error{where, "not a cleaned-article message: not a JSON object"};
  try {
    CleanedArticle m;
    if (auto seq = j.find("raw_sequence"); seq != j.end()) {
      if (!seq->is_number_unsigned())
        throw std::invalid_argument("\"raw_sequence\" is not a count");
      m.raw_sequence = seq->get<uint64_t>();
    }
    if (auto refused = j.find("refused"); refused != j.end() && *refused == true) {
      if (m.raw_sequence == 0) throw std::invalid_argument("a refusal without its raw_sequence");
      m.refused = true;
      return m;
    }
    Article& a = m.article;
    a.id = required_string(j, "id");
    a.file = optional_string(j, "file").value_or("");
    a.url = optional_string(j, "url");
    a.source = optional_string(j, "source");
    a.title = optional_string(j, "title");
    a.published = optional_string(j, "published");
    if (a.published) a.published_at = parse_publication_time(*a.published);
    a.author = optional_string(j, "author");
    a.agency = optional_string(j, "agency");
    a.language = optional_string(j, "language");
    if (auto c = j.find("language_confidence"); c != j.end() && c->is_number())
      a.language_confidence = c->get<double>();
    if (auto w = j.find("words"); w != j.end() && w->is_number_integer()) a.words = w->get<int>();
    a.text = required_string(j, "text");
    a.paragraphs = strings(j, "paragraphs");
    a.event = optional_string(j, "event");
    a.final_url = optional_string(j, "final_url");
    a.fetched_at = optional_string(j, "fetched_at");
    a.warnings = strings(j, "warnings");
    auto raw = j.find("raw");
    if (raw == j.end() || !raw->is_object()) throw std::invalid_argument("no \"raw\" object");
    const std::string kind = required_string(*raw, "kind");
    if (kind != "text" && kind != "html")
      throw std::invalid_argument("raw \"kind\" is neither \"text\" nor \"html\"");
    m.raw.kind = kind == "html" ? ContentKind::kHtml : ContentKind::kText;
    m.raw.content = required_string(*raw, "content");
    m.raw.encoding = optional_string(*raw, "encoding").value_or("");
    m.raw.id = a.id;
    m.raw.file = a.file;
    if (a.id.empty() || a.text.empty())
      throw std::invalid_argument("an article needs an id and a text");
    return m;
  } catch (const std::exception& e) {
    return Error{where, std::string("not a cleaned-article message: ") + e.what()};
  }
}

}  // namespace recoupe::bus
