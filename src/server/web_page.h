// The live web page of `recoupe serve` (docs/api.md, "Web page"): web/app.html, the
// stylesheet (web/report.css, whose look it shares, then web/app.css) and web/app.js,
// embedded in the binary at build time (cmake/embed_assets.cmake) and answered at three
// fixed paths: GET / , /app.css, /app.js. Nothing is read from disk, so no request path can
// reach a file.
//
// Every answer carries the page's Content-Security-Policy (its own script and stylesheet
// only: no inline script, no other origin; Trusted Types, so the script cannot even assign
// markup), `X-Content-Type-Options: nosniff`, no referrer, no framing; and an ETag (the
// same as the API's: a hash of the body), so a browser revalidates with a 304.
// Cost: the files are built once, when the routes are added (a few tens of KB).
// Thread-safety: the handlers only read what they captured.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>

namespace recoupe::server {

// The paths the page is answered at, for the server's table of routes (GET and HEAD only).
inline constexpr const char* kPagePaths[] = {"/", "/app.css", "/app.js"};

// The Content-Security-Policy every page answer carries.
inline constexpr std::string_view kPageSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
    "require-trusted-types-for 'script'";

struct PageFile {
  std::string path;          // "/", "/app.css", "/app.js"
  std::string content_type;  // with its charset
  std::string body;
  std::string etag;  // etag_of(body)
};

// The page's files, from the embedded assets.
std::vector<PageFile> page_files();

// Answers `file` (200 with the headers above, or 304 when If-None-Match names its ETag).
void reply_page_file(const httplib::Request& req, httplib::Response& res, const PageFile& file);

// Adds a GET route for each of page_files() to `http`.
void add_page_routes(httplib::Server& http);

}  // namespace recoupe::server
