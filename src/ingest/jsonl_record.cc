#include "ingest/jsonl_record.h"

#include <nlohmann/json.hpp>

#include "ingest/encoding.h"

namespace recoupe::ingest {
namespace {

using Record = nlohmann::ordered_json;  // fields in the order of docs/formats.md

void put(Record& record, const char* key, const std::optional<std::string>& value) {
  if (value) record[key] = *value;
}

// A string field as the reader takes one: control characters removed.
std::optional<std::string> string_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return strip_controls(it->get_ref<const std::string&>());  // as the reader does
}

}  // namespace

std::string to_jsonl_record(const RawDocument& doc) {
  Record record;
  record["id"] = doc.id;
  put(record, "url", doc.url);
  put(record, "source", doc.source);
  put(record, "title", doc.title);
  put(record, "published", doc.published);
  put(record, "lang", doc.language);
  record[doc.kind == ContentKind::kHtml ? "html" : "text"] = doc.content;
  put(record, "event", doc.event);
  put(record, "final_url", doc.final_url);
  put(record, "fetched_at", doc.fetched_at);
  record["file"] = doc.file;
  record["encoding"] = doc.encoding;
  put(record, "hint_title", doc.hint_title);
  put(record, "hint_published", doc.hint_published);
  put(record, "hint_author", doc.hint_author);
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Expected<RawDocument> from_jsonl_record(std::string_view line, const std::string& where,
                                        const ReadLimits& limits) {
  auto doc = parse_jsonl_record(line, where, limits);
  if (!doc) return doc;
  // The reader accepted the line: it is a JSON object, so this parse cannot fail.
  auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return doc;
  if (auto file = string_of(j, "file")) doc->file = *file;
  if (auto encoding = string_of(j, "encoding")) doc->encoding = *encoding;
  doc->hint_title = string_of(j, "hint_title");
  doc->hint_published = string_of(j, "hint_published");
  doc->hint_author = string_of(j, "hint_author");
  return doc;
}

std::string raw_document_content_id(const RawDocument& doc) {
  // Each field tagged and its length given, so that no two documents make one string.
  std::string key;
  auto add = [&key](char tag, const std::optional<std::string>& value) {
    if (!value) return;
    key += tag;
    key += std::to_string(value->size()) + ':' + *value;
  };
  add('i', doc.id);
  add(doc.kind == ContentKind::kHtml ? 'h' : 't', doc.content);
  add('u', doc.url);
  add('s', doc.source);
  add('T', doc.title);
  add('p', doc.published);
  add('l', doc.language);
  add('e', doc.event);
  add('1', doc.hint_title);
  add('2', doc.hint_published);
  add('3', doc.hint_author);
  add('f', doc.final_url);
  return content_hash_id(key);
}

}  // namespace recoupe::ingest
