#include "engine/article_log.h"

#include "bus/stream.h"
#include "ingest/jsonl_record.h"
#include "text/split.h"

namespace recoupe::engine {

Expected<bus::Done> ensure_article_log(bus::Connection& connection,
                                       const ArticleLogConfig& config) {
  for (const auto& [name, subject] :
       {std::pair{kRawStream, kRawSubject}, std::pair{kCleanedStream, kCleanedSubject}}) {
    bus::StreamConfig stream;
    stream.name = name;
    stream.subjects = {subject};
    stream.replicas = config.replicas;
    stream.max_age = config.max_age;
    stream.duplicate_window = config.duplicate_window;
    auto made = bus::ensure_stream(connection, stream);
    if (!made) return made.error();
  }
  return bus::Done{};
}

Expected<bus::PublishAck> publish_raw(bus::Connection& connection, const RawDocument& document) {
  return bus::publish(connection, kRawSubject, ingest::to_jsonl_record(document),
                      ingest::raw_document_content_id(document));
}

Expected<std::vector<bus::PublishAck>> publish_raw_all(bus::Connection& connection,
                                                       const std::vector<RawDocument>& documents) {
  std::vector<bus::OutgoingMessage> out;
  out.reserve(documents.size());
  for (const RawDocument& doc : documents)
    out.push_back(
        {kRawSubject, ingest::to_jsonl_record(doc), ingest::raw_document_content_id(doc)});
  return bus::publish_all(connection, out);
}

std::vector<std::string> bus_urls(const std::string& list) {
  return text::split_non_empty(list, ',');
}

std::string message_where(const bus::Message& m) {
  return m.subject + " #" + std::to_string(m.stream_sequence);
}

std::string story_event_subject(const std::string& kind) { return "recoupe.story." + kind; }

}  // namespace recoupe::engine
