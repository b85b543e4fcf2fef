// One article record as `recoupe ingest` and POST /api/articles read it (JSON, one line), for
// tests that post or ingest articles they write themselves.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace recoupe::testing {

// A French article of "Le Quotidien du Port", published 2026-11-30 08:00 UTC, with its url
// made from `id`.
inline std::string article_record(const std::string& id, const std::string& title,
                                  const std::string& text) {
  return nlohmann::json{
      {"id", id},     {"url", "https://example.org/" + id},  {"source", "Le Quotidien du Port"},
      {"lang", "fr"}, {"published", "2026-11-30T08:00:00Z"}, {"title", title},
      {"text", text}}
      .dump();
}

}  // namespace recoupe::testing
