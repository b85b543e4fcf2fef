// The live page of `recoupe serve` (server/web_page.h): the three fixed paths answer the
// embedded files with their content types and a strict Content-Security-Policy, revalidate
// with ETags, and no other path (nor a path trick) reaches a file. What the page does in a
// browser is tested by tests/browser/ (ctest Browser.LivePage).
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

#include <httplib.h>

#include "ingest_test_util.h"
#include "server/server.h"
#include "server/web_page.h"
#include "shipped_resources.h"

namespace recoupe::server {
namespace {

class ServerPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.db_path = (dir_.path() / "page.db").string();
    options.port = 0;
    auto opened = Server::open(pipeline_, options);
    ASSERT_TRUE(opened) << opened.error().to_string();
    server_ = std::move(*opened);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().to_string();
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
    for (int i = 0; i < 200 && !client_->Get("/healthz"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  recoupe::testing::TempDir dir_;
  engine::Pipeline pipeline_ = recoupe::testing::shipped_pipeline();
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerPageTest, ThePageItsScriptAndStylesheetAreServedWithTheirTypesAndPolicy) {
  struct Expected {
    const char* path;
    const char* type;
    const char* contains;
  };
  for (const Expected& e : {Expected{"/", "text/html; charset=utf-8", "<script src=\"/app.js\""},
                            Expected{"/app.js", "text/javascript; charset=utf-8", "EventSource"},
                            Expected{"/app.css", "text/css; charset=utf-8", ".matrix"}}) {
    auto r = client_->Get(e.path);
    ASSERT_TRUE(r) << e.path;
    EXPECT_EQ(r->status, 200) << e.path;
    EXPECT_EQ(r->get_header_value("Content-Type"), e.type) << e.path;
    EXPECT_NE(r->body.find(e.contains), std::string::npos) << e.path;
    EXPECT_EQ(r->get_header_value("Content-Security-Policy"), kPageSecurityPolicy) << e.path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << e.path;
    EXPECT_FALSE(r->get_header_value("ETag").empty()) << e.path;
  }
  // The policy allows this origin's script only: no inline script, no eval, no other host.
  const std::string policy(kPageSecurityPolicy);
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe"), std::string::npos);
  EXPECT_EQ(policy.find("http"), std::string::npos);
  // The page holds no inline script (the policy would block it anyway) and no style attribute.
  const std::string html = client_->Get("/")->body;
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("style="), std::string::npos);
  // The stylesheet is the report's, then the page's own.
  const std::string css = client_->Get("/app.css")->body;
  EXPECT_LT(css.find("recoupe HTML report"), css.find("recoupe live page"));
}

TEST_F(ServerPageTest, AnETagRoundTripGives304) {
  auto first = client_->Get("/app.js");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  auto again = client_->Get("/app.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto head = client_->Head("/");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

TEST_F(ServerPageTest, NoOtherPathReachesAFile) {
  for (const char* path :
       {"/index.html", "/app.html", "/web/app.js", "/app.js/", "/app.js/..", "/../web/app.js",
        "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/app.jsx", "/appXjs",
        "/report.css", "//etc/passwd", "/./app.js/../../CMakeLists.txt"}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 404 || r->status == 400) << path << " " << r->status;
    EXPECT_EQ(r->body.find("cmake_minimum_required"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
  auto r = client_->Post("/", "x", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
}

}  // namespace
}  // namespace recoupe::server
