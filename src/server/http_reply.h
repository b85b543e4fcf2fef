// How the API answers: JSON bodies, JSON errors, and ETags on reads (docs/api.md).
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

namespace recoupe::server {

// The entity tag of a body: a quoted 64-bit FNV-1a hash of its bytes, so the same content
// always has the same tag (across restarts too) and any change gives another.
std::string etag_of(std::string_view body);

// True when the If-None-Match header value `header` names `etag` (or is "*"); weak tags
// ("W/...") compare by their opaque part, as RFC 9110 says for If-None-Match.
bool etag_matches(std::string_view header, const std::string& etag);

// Answers `body` (JSON) with status 200 and its ETag, or 304 without a body when the
// request's If-None-Match matches.
void reply_json(const httplib::Request& req, httplib::Response& res, std::string body);
// The same for a body whose ETag is known (etag_of(body), computed once and kept).
void reply_json(const httplib::Request& req, httplib::Response& res, const std::string& body,
                const std::string& etag);

// Answers {"error": message} with `status`.
void reply_error(httplib::Response& res, int status, const std::string& message);

}  // namespace recoupe::server
