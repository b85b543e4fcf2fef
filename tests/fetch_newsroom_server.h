// A loopback "newsroom" for the watcher's tests: a feed whose entries the test adds as it
// goes (answering 304 to a conditional GET while it is unchanged), article pages made from
// examples/vostochny (five outlets on one event), and the hostile cases the fetch_test_server
// lacks (a feed of 100,000 entries, 3.4 MB, a PDF listed as an article, a server that fails twice
// with 503 before answering). No test reaches the internet.
#pragma once

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace recoupe::testing {

// examples/vostochny/*.txt, in name order, each as a small HTML page: the first line is the
// title, the blank-line separated blocks after it are paragraphs.
inline std::vector<std::pair<std::string, std::string>> vostochny_pages() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(RECOUPE_EXAMPLES_DIR "/vostochny"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto escape = [](const std::string& s) {
    std::string out;
    for (char c : s)
      out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    return out;
  };
  std::vector<std::pair<std::string, std::string>> pages;  // (title, html)
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string title, line, paragraph, body;
    std::getline(in, title);
    auto close = [&] {
      if (!paragraph.empty()) body += "<p>" + escape(paragraph) + "</p>\n";
      paragraph.clear();
    };
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) {
        close();
        continue;
      }
      paragraph += (paragraph.empty() ? "" : " ") + line;
    }
    close();
    pages.emplace_back(title,
                       "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" +
                           escape(title) + "</title></head><body><article><h1>" + escape(title) +
                           "</h1>\n" + body + "</article></body></html>");
  }
  return pages;
}

class NewsroomServer {
 public:
  NewsroomServer() : pages_(vostochny_pages()) {
    server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    });
    server_.Get("/feed.xml", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      ++feed_requests_;
      const std::string etag =
          "\"v" + std::to_string(listed_) + "." + std::to_string(revised_.size()) + "\"";
      if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return;
      }
      res.set_header("ETag", etag);
      res.set_content(feed(), "application/rss+xml");
    });
    server_.Get(R"(/news/(\d+)\.html)",
                [this](const httplib::Request& req, httplib::Response& res) {
                  std::lock_guard lock(mutex_);
                  ++page_requests_;
                  const size_t i = std::stoul(req.matches[1]);
                  if (i >= pages_.size()) {
                    res.status = 404;
                    return;
                  }
                  res.set_content(pages_[i].second, "text/html; charset=utf-8");
                });
    server_.Get("/n", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(pages_[0].second, "text/html; charset=utf-8");
    });
    huge_feed();  // built before any request: see huge_feed()
    server_.Get("/huge.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(huge_feed(), "application/rss+xml");
    });
    server_.Get("/pdf-feed.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Reports</title>"
          "<item><title>Annual report</title><link>/report.pdf</link></item></channel></rss>",
          "application/rss+xml");
    });
    server_.Get("/report.pdf", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf");
    });
    server_.Get("/flaky.xml", [this](const httplib::Request&, httplib::Response& res) {
      if (flaky_failures_++ < 2) {
        res.status = 503;
        res.set_content("busy", "text/plain");
        return;
      }
      res.set_content(
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Flaky</title>"
          "</channel></rss>",
          "application/rss+xml");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~NewsroomServer() {
    server_.stop();
    thread_.join();
  }
  NewsroomServer(const NewsroomServer&) = delete;
  NewsroomServer& operator=(const NewsroomServer&) = delete;

  // A feed of 100,000 entries (3.4 MB), all of one page (/n). Built once per process, when
  // the first server starts: built at each request, under the sanitizers on a loaded
  // machine, it outlasted the watcher's 600 ms timeout before its first byte was sent.
  static const std::string& huge_feed() {
    static const std::string xml = [] {
      std::string x = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>";
      for (int i = 0; i < 100000; ++i)
        x += "<item><link>/n#" + std::to_string(i) + "</link></item>";
      return x + "</channel></rss>";
    }();
    return xml;
  }

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  size_t pages() const { return pages_.size(); }
  // The feed lists the first `n` pages from now on (newest first, as feeds do).
  void list(size_t n) {
    std::lock_guard lock(mutex_);
    listed_ = std::min(n, pages_.size());
  }
  // Page `i` gets one more paragraph and its feed entry a new title (an outlet's update).
  void revise(size_t i) {
    std::lock_guard lock(mutex_);
    const std::string end = "</article>";
    std::string& html = pages_.at(i).second;
    html.insert(html.find(end),
                "<p>Mise à jour : le Kremlin a confirmé la visite dans la soirée.</p>\n");
    revised_.insert(i);
  }
  // The title of page `i`, as its <title> and <h1> give it, and its feed entry until revised.
  std::string title(size_t i) {
    std::lock_guard lock(mutex_);
    return pages_.at(i).first;
  }
  int feed_requests() {
    std::lock_guard lock(mutex_);
    return feed_requests_;
  }
  int page_requests() {
    std::lock_guard lock(mutex_);
    return page_requests_;
  }

 private:
  static std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s)
      out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    return out;
  }

  std::string feed() const {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
        "<title>Vostochny</title>";
    for (size_t i = listed_; i-- > 0;)
      xml += "<item><title>" + xml_escape(pages_[i].first) +
             (revised_.count(i) ? " (updated)" : "") + "</title><link>/news/" + std::to_string(i) +
             ".html?utm_source=rss</link><pubDate>Wed, 13 Sep 2023 0" + std::to_string(i) +
             ":30:00 +0200</pubDate></item>";
    return xml + "</channel></rss>";
  }

  std::vector<std::pair<std::string, std::string>> pages_;
  std::set<size_t> revised_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  size_t listed_ = 0;
  int feed_requests_ = 0, page_requests_ = 0;
  std::atomic<int> flaky_failures_{0};
};

}  // namespace recoupe::testing
