#include "server/web_page.h"

#include <memory>

#include "server/http_reply.h"
#include "server/page_assets.h"

namespace recoupe::server {

std::vector<PageFile> page_files() {
  std::string css;
  css.reserve(web::kReportCss.size() + web::kAppCss.size() + 1);
  css.append(web::kReportCss).append("\n").append(web::kAppCss);
  std::vector<PageFile> files = {
      {"/", "text/html; charset=utf-8", std::string(web::kAppHtml), ""},
      {"/app.css", "text/css; charset=utf-8", std::move(css), ""},
      {"/app.js", "text/javascript; charset=utf-8", std::string(web::kAppJs), ""}};
  for (PageFile& f : files) f.etag = etag_of(f.body);
  return files;
}

void reply_page_file(const httplib::Request& req, httplib::Response& res, const PageFile& file) {
  res.set_header("ETag", file.etag);
  res.set_header("Content-Security-Policy", std::string(kPageSecurityPolicy));
  // The server may send it with every answer already (its default headers).
  if (!res.has_header("X-Content-Type-Options"))
    res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  if (req.has_header("If-None-Match") &&
      etag_matches(req.get_header_value("If-None-Match"), file.etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(file.body, file.content_type);
}

void add_page_routes(httplib::Server& http) {
  for (PageFile& file : page_files()) {
    // Each handler owns its file; a path with a dot is a pattern: match it literally.
    std::string pattern;
    for (char c : file.path) {
      if (c == '.') pattern += '\\';
      pattern += c;
    }
    auto owned = std::make_shared<const PageFile>(std::move(file));
    http.Get(pattern, [owned](const httplib::Request& req, httplib::Response& res) {
      reply_page_file(req, res, *owned);
    });
  }
}

}  // namespace recoupe::server
