// libFuzzer target: arbitrary bytes through the request handling of `recoupe serve` that is
// ours (src/server/): the route check on a method and path, the query of GET /api/stories,
// the story cursor, the If-None-Match header, and the body of POST /api/articles. The HTTP
// library's own parsing (request line, headers, percent-decoding) is not ours to fuzz.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ingest/encoding.h"
#include "ingest/reader.h"
#include "server/post_body.h"
#include "server/routes.h"
#include "server/story_page.h"
#include "server/story_query.h"

namespace {

using namespace recoupe;

// The table of server.cc, with every kind of pattern.
const std::vector<server::Route> kRoutes = {
    {"/healthz", "GET"},       {"/api/stories", "GET"},          {"/api/stories/{id}", "GET"},
    {"/api/articles", "POST"}, {"/api/articles/{id...}", "GET"}, {"/events", "GET"}};

// "a=b&c=d" as the HTTP library hands parameters over (already percent-decoded).
std::multimap<std::string, std::string> params_of(std::string_view text) {
  std::multimap<std::string, std::string> params;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view pair = text.substr(start, end - start);
    const size_t eq = pair.find('=');
    params.emplace(std::string(pair.substr(0, eq)),
                   eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    start = end + 1;
  }
  return params;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // "METHOD PATH": a request is routed, or answered 404 or 405 with a message.
  const size_t space = bytes.find(' ');
  const std::string_view method = bytes.substr(0, space);
  const std::string_view path = space == std::string_view::npos ? "" : bytes.substr(space + 1);
  server::RouteCheck check = server::check_route(kRoutes, method, path);
  if (check.status != 0 && check.status != 404 && check.status != 405) std::abort();
  if (check.status != 0 && check.message.empty()) std::abort();
  if ((check.status == 405) != !check.allow.empty()) std::abort();

  // The listing's parameters: a query, or a reason to refuse it.
  auto query = server::parse_story_query(params_of(bytes), 50, 500);
  if (auto* q = std::get_if<server::StoryQuery>(&query)) {
    if (q->limit < 1 || q->limit > 500) std::abort();
  } else if (std::get<std::string>(query).empty()) {
    std::abort();
  }

  // A cursor that decodes writes back to one that decodes to the same position.
  if (auto cursor = server::decode_cursor(bytes)) {
    auto again = server::decode_cursor(server::encode_cursor(*cursor));
    if (!again || again->outlets != cursor->outlets || again->articles != cursor->articles ||
        again->latest_hours != cursor->latest_hours || again->id != cursor->id)
      std::abort();
  }

  // The POST body: every record is a document or a refusal naming its line.
  engine::IngestBatch batch = server::read_post_body(bytes, ingest::ReadLimits{});
  for (const Error& e : batch.refused)
    if (e.where.rfind("request:", 0) != 0 || e.message.empty()) std::abort();
  for (const RawDocument& doc : batch.documents)
    if (!ingest::is_valid_utf8(doc.content) || !ingest::is_valid_utf8(doc.id)) std::abort();
  return 0;
}
