// A loopback HTTP server for the fetcher's tests: serves tests/fixtures/feeds/ and the hostile
// cases (redirect loop, slow drip, endless body, gzip bomb), and records what it was asked.
// No test reaches the internet.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace recoupe::testing {

inline std::string feeds_fixture(const std::string& name) {
  std::ifstream in(std::string(RECOUPE_TEST_DIR) + "/fixtures/feeds/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class FixtureServer {
 public:
  // `robots` names the fixture served as /robots.txt.
  explicit FixtureServer(const char* robots = "robots.txt") {
    auto serve = [this](const char* path, const char* file, const char* type) {
      server_.Get(path, [this, file, type](const httplib::Request& req, httplib::Response& res) {
        note(req);
        res.set_content(feeds_fixture(file), type);
      });
    };
    serve("/robots.txt", robots, "text/plain");
    serve("/rss.xml", "rss2.xml", "application/rss+xml");
    serve("/atom.xml", "atom.xml", "application/atom+xml");
    serve("/feed.json", "feed.json", "application/feed+json");
    serve("/sitemap_index.xml", "sitemap_index.xml", "application/xml");
    serve("/invalid.xml", "invalid.xml", "application/xml");
    serve("/2023/09/13/poutine-kim.html", "poutine-kim.html", "text/html; charset=utf-8");
    serve("/2023/09/13/satellites.html", "satellites.html", "text/html; charset=utf-8");
    serve("/private/page.html", "satellites.html", "text/html; charset=utf-8");
    serve("/no-recoupe/page.html", "satellites.html", "text/html; charset=utf-8");
    serve("/no-recoupe/ok.html", "satellites.html", "text/html; charset=utf-8");
    // A feed pointing at the pages of this server (and at one page that does not exist).
    server_.Get("/local-feed.xml", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);
      res.set_content(
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>"
          "<item><title>Poutine et Kim</title><link>/2023/09/13/poutine-kim.html?utm_source=rss"
          "</link><pubDate>Wed, 13 Sep 2023 09:30:00 +0200</pubDate></item>"
          "<item><title>Feed title of the satellites</title>"
          "<link>/2023/09/13/satellites.html</link><pubDate>2023-09-13T11:00:00+02:00</pubDate>"
          "<author>Paul Durand</author></item>"
          "<item><title>Gone</title><link>/missing.html</link></item>"
          "</channel></rss>",
          "application/rss+xml");
    });
    // A home page declaring the local feed (and a feed that is missing).
    server_.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);
      res.set_content(
          "<!doctype html><html><head><title>Home</title>"
          "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/local-feed.xml\">"
          "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/gone.xml\">"
          "</head><body><p>Home</p></body></html>",
          "text/html; charset=utf-8");
    });
    // Served gzip-encoded as stored (a type httplib does not compress itself).
    server_.Get("/rss.xml.gz", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);
      res.set_header("Content-Encoding", "gzip");
      res.set_content(feeds_fixture("rss2.xml.gz"), "application/octet-stream");
    });
    server_.Get("/bomb", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);  // 4 KB of gzip that decodes to 4 MB
      res.set_header("Content-Encoding", "gzip");
      res.set_content(feeds_fixture("bomb.gz"), "application/octet-stream");
    });
    server_.Get("/loop", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);
      res.set_redirect("/loop");
    });
    server_.Get(R"(/hop/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);
      int n = std::stoi(req.matches[1]);
      res.set_redirect(n > 0 ? "/hop/" + std::to_string(n - 1) : "/2023/09/13/satellites.html");
    });
    server_.Get("/endless", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);
      // A type httplib does not compress, so that the body arrives as fast as it is made.
      res.set_chunked_content_provider(
          "application/octet-stream", [](size_t, httplib::DataSink& sink) {
            static const std::string chunk(64 * 1024, 'x');
            return sink.write(chunk.data(), chunk.size());  // false once the client has gone
          });
    });
    server_.Get("/slow", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);  // one byte every 100 ms, for at most 5 s
      res.set_chunked_content_provider("text/html", [this](size_t offset, httplib::DataSink& sink) {
        if (offset >= 50 || stopping_) {
          sink.done();
          return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return sink.write("x", 1);
      });
    });
    server_.Get("/etag", [this](const httplib::Request& req, httplib::Response& res) {
      note(req);
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_header("Last-Modified", "Wed, 13 Sep 2023 09:30:00 GMT");
      res.set_content("<html><body><p>v1</p></body></html>", "text/html");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FixtureServer() {
    stopping_ = true;
    server_.stop();
    thread_.join();
  }
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int port() const { return port_; }

  // Paths requested so far, in order, and the last User-Agent seen.
  std::vector<std::string> requested() {
    std::lock_guard lock(mutex_);
    return paths_;
  }
  std::string last_user_agent() {
    std::lock_guard lock(mutex_);
    return user_agent_;
  }

 private:
  void note(const httplib::Request& req) {
    std::lock_guard lock(mutex_);
    paths_.push_back(req.path);
    user_agent_ = req.get_header_value("User-Agent");
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::string> paths_;
  std::string user_agent_;
};

}  // namespace recoupe::testing
