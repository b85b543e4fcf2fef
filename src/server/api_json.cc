#include "server/api_json.h"

#include "report/article_json.h"

namespace recoupe::server {
nlohmann::ordered_json errors_to_json(const std::vector<Error>& errors) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (size_t i = 0; i < errors.size() && i < kMaxListedErrors; ++i)
    list.push_back({{"where", errors[i].where}, {"message", errors[i].message}});
  return list;
}

nlohmann::ordered_json summary_to_json(const store::StorySummary& s) {
  return {{"id", s.id},
          {"title", report::string_or_null(s.title)},
          {"language", report::string_or_null(s.language)},
          {"event_date", report::string_or_null(s.event_date)},
          {"articles", s.article_ids},
          {"sources", s.sources},
          {"version", s.version},
          {"updated", s.updated_at},
          {"checked", s.checked}};
}

nlohmann::ordered_json article_to_json(const store::StoredArticle& current,
                                       const std::vector<store::ArticleRevision>& revisions) {
  nlohmann::ordered_json listed = nlohmann::ordered_json::array();
  for (const store::ArticleRevision& r : revisions)
    listed.push_back({{"revision", r.revision},
                      {"content_hash", r.content_hash},
                      {"ingested_at", r.ingested_at},
                      {"raw_kind", r.raw.kind == ContentKind::kHtml ? "html" : "text"},
                      {"raw_encoding", r.raw.encoding},
                      {"article", report::article_to_json(r.article)}});
  return {{"id", current.article.id},
          {"story", current.story_id},
          {"duplicate_of", report::string_or_null(current.duplicate_of)},
          {"revision", current.revision},
          {"ingested_at", current.ingested_at},
          {"revised_at", current.revised_at},
          {"article", report::article_to_json(current.article)},
          {"revisions", listed}};
}

nlohmann::ordered_json ingest_summary_to_json(const engine::IngestSummary& done) {
  nlohmann::ordered_json merged = nlohmann::ordered_json::array();
  for (const store::Redirect& r : done.merged)
    merged.push_back({{"from", r.old_id}, {"into", r.new_id}});
  const store::BatchCounts& n = done.counts;
  return {{"added", n.added},
          {"revised", n.revised},
          {"unchanged", n.unchanged},
          {"refused", n.refused},
          {"stories_touched", n.stories_touched},
          {"created", done.created},
          {"updated", done.updated},
          {"merged", merged},
          {"errors", errors_to_json(done.refused)},
          {"warnings", errors_to_json(done.warnings)}};
}

std::string error_body(const std::string& message) {
  return dump(nlohmann::ordered_json{{"error", message}});
}

std::string dump(const nlohmann::ordered_json& doc) {
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace recoupe::server
