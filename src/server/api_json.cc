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

std::string listed_story(const store::StorySummary& s) {
  // The summary at the depth of an item of the "stories" array: two levels of dump()'s
  // two-space indent.
  const std::string alone =
      summary_to_json(s).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out = "    ";
  out.reserve(alone.size() + alone.size() / 8);
  for (char c : alone) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

std::string listing_json(const std::vector<const std::string*>& listed_stories,
                         const std::optional<std::string>& next_cursor) {
  size_t size = 64;
  for (const std::string* s : listed_stories) size += s->size() + 2;
  std::string out;
  out.reserve(size);
  if (listed_stories.empty()) {
    out = "{\n  \"stories\": [],\n";
  } else {
    out = "{\n  \"stories\": [\n";
    for (size_t k = 0; k < listed_stories.size(); ++k) {
      if (k > 0) out += ",\n";
      out += *listed_stories[k];
    }
    out += "\n  ],\n";
  }
  out += "  \"next_cursor\": ";
  out += next_cursor ? nlohmann::ordered_json(*next_cursor)
                           .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                     : std::string("null");
  out += "\n}\n";
  return out;
}

}  // namespace recoupe::server
