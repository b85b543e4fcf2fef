#include "server/post_body.h"

#include <string>

#include <nlohmann/json.hpp>

namespace recoupe::server {
namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

void add(engine::IngestBatch& batch, Expected<RawDocument> doc) {
  if (doc)
    batch.documents.push_back(std::move(*doc));
  else
    batch.refused.push_back(doc.error());
}

}  // namespace

engine::IngestBatch read_post_body(std::string_view body, const ingest::ReadLimits& limits) {
  engine::IngestBatch batch;
  // One object written over several lines (a pretty-printed record) is one record; JSONL
  // has one object a line. Only when the body is not one line is the whole tried first.
  const size_t first_newline = body.find('\n');
  if (first_newline != std::string_view::npos && !is_blank(body.substr(first_newline))) {
    const size_t start = body.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos && body[start] == '{' &&
        nlohmann::json::accept(body.begin(), body.end())) {
      add(batch, ingest::parse_jsonl_record(body, "request:1", limits));
      return batch;
    }
  }
  size_t line = 0;
  for (size_t start = 0; start <= body.size();) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    ++line;
    std::string_view record = body.substr(start, end - start);
    if (!is_blank(record))
      add(batch, ingest::parse_jsonl_record(record, "request:" + std::to_string(line), limits));
    start = end + 1;
  }
  return batch;
}

}  // namespace recoupe::server
