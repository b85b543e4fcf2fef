#include "server/http_reply.h"

#include "ingest/reader.h"
#include "server/api_json.h"

namespace recoupe::server {

std::string etag_of(std::string_view body) { return '"' + ingest::content_hash_id(body) + '"'; }

bool etag_matches(std::string_view header, const std::string& etag) {
  auto opaque = [](std::string_view tag) {
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
  };
  for (size_t start = 0; start < header.size();) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(start, end - start);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == "*" || opaque(tag) == opaque(etag)) return true;
    start = end + 1;
  }
  return false;
}

namespace {

// Sets the ETag header; answers 304 (true) when the request's If-None-Match names it.
bool answered_not_modified(const httplib::Request& req, httplib::Response& res,
                           const std::string& etag) {
  res.set_header("ETag", etag);
  if (!req.has_header("If-None-Match") ||
      !etag_matches(req.get_header_value("If-None-Match"), etag))
    return false;
  res.status = 304;
  return true;
}

}  // namespace

void reply_json(const httplib::Request& req, httplib::Response& res, std::string body) {
  const std::string etag = etag_of(body);
  if (answered_not_modified(req, res, etag)) return;
  res.status = 200;
  res.set_content(std::move(body), "application/json");
}

void reply_json(const httplib::Request& req, httplib::Response& res, const std::string& body,
                const std::string& etag) {
  if (answered_not_modified(req, res, etag)) return;
  res.status = 200;
  res.set_content(body, "application/json");
}

void reply_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(error_body(message), "application/json");
}

}  // namespace recoupe::server
