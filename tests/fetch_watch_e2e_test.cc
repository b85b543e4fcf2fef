// `recoupe watch` and `recoupe serve --sources` end to end: the binary against a loopback
// newsroom whose feed grows (fetch_newsroom_server.h), with a temporary store. No test
// reaches the internet.
#include <sqlite3.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "fetch_newsroom_server.h"
#include "ingest_test_util.h"
#include "serve_process.h"

namespace {

using recoupe::testing::NewsroomServer;
using recoupe::testing::ServeProcess;

// One number from the store (read-only).
int64_t count(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
      n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return n;
}

// The sources file and a config without the per-host pause (one loopback host serves all).
struct Files {
  explicit Files(const NewsroomServer& news) {
    std::ofstream(sources) << "# the test's newsroom\n"
                           << news.url("/feed.xml") << "  Vostochny Daily lang=fr\n";
    std::ofstream(config) << R"({"fetch": {"per_host_delay_ms": 0}})";
  }
  recoupe::testing::TempDir dir;
  std::string sources = (dir.path() / "sources.txt").string();
  std::string config = (dir.path() / "config.json").string();
  std::string db = (dir.path() / "news.db").string();
};

struct WatchRun {
  int exit_code = -1;
  std::string out, err;
};

WatchRun watch_once(const Files& f) {
  const std::string err_file = f.dir.path() / "watch.err";
  const std::string cmd = "timeout 60 '" + std::string(RECOUPE_BINARY) +
                          "' watch --once --sources '" + f.sources + "' --db '" + f.db +
                          "' --config '" + f.config + "' 2>'" + err_file + "'";
  WatchRun run;
  FILE* pipe = popen(cmd.c_str(), "r");
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream ss;
  ss << std::ifstream(err_file).rdbuf();
  run.err = ss.str();
  return run;
}

TEST(E2EWatch, OnceStoresTheFeedsArticlesThenWhatIsNewOrRevised) {
  NewsroomServer news;
  Files f(news);
  news.list(3);
  WatchRun first = watch_once(f);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("sources.txt:2 " + news.url("/feed.xml") + ": 3 added"),
            std::string::npos)
      << first.out;
  EXPECT_EQ(count(f.db, "SELECT count(*) FROM articles"), 3);
  EXPECT_GE(count(f.db, "SELECT count(*) FROM stories"), 1);
  // Every article keeps its outlet, fetch time and address after redirects.
  EXPECT_EQ(count(f.db,
                  "SELECT count(*) FROM articles WHERE outlet = 'Vostochny Daily' AND "
                  "lang = 'fr' AND url NOT LIKE '%utm_source%'"),
            3);
  EXPECT_EQ(count(f.db,
                  "SELECT count(*) FROM article_revisions WHERE fetched_at LIKE '20%Z' "
                  "AND final_url LIKE '%/news/%.html?utm_source=rss'"),
            3);

  news.list(5);
  WatchRun second = watch_once(f);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  // The three stored before are not fetched again: only the two new pages are.
  EXPECT_NE(second.out.find("2 added, 0 revised, 0 unchanged"), std::string::npos) << second.out;
  EXPECT_NE(second.err.find("ok, 5 entries, 2 new, 2 pages stored"), std::string::npos)
      << second.err;
  EXPECT_EQ(count(f.db, "SELECT count(*) FROM articles"), 5);
  EXPECT_EQ(count(f.db, "SELECT count(*) FROM article_revisions"), 5);  // no revision

  news.revise(0);  // an updated page is a revision of the same article, not a new one
  WatchRun third = watch_once(f);
  ASSERT_EQ(third.exit_code, 0) << third.err;
  // Its entry's title changed: fetched again, stored as a revision; the others are not.
  EXPECT_NE(third.out.find("0 added, 1 revised, 0 unchanged"), std::string::npos) << third.out;
  EXPECT_EQ(count(f.db, "SELECT count(*) FROM articles"), 5);
  EXPECT_EQ(count(f.db, "SELECT count(*) FROM article_revisions"), 6);
}

TEST(E2EWatch, SigtermStopsTheWatchCleanly) {
  NewsroomServer news;
  Files f(news);
  news.list(2);
  const std::string err_file = f.dir.path() / "watch.err";
  // SIGTERM after 4 s: in the pause after the first round, or (a slow, sanitized build)
  // within it; either way it exits 0 with what it stored committed.
  const std::string cmd = "timeout --preserve-status -s TERM 4 '" + std::string(RECOUPE_BINARY) +
                          "' watch --every 1h --sources '" + f.sources + "' --db '" + f.db +
                          "' --config '" + f.config + "' >/dev/null 2>'" + err_file + "'";
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(cmd.c_str());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(9));
  EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0);
  std::stringstream err;
  err << std::ifstream(err_file).rdbuf();
  EXPECT_NE(err.str().find("recoupe watch: stopped on SIGTERM: " + f.db + " closed"),
            std::string::npos)
      << err.str();
  const int64_t stored = count(f.db, "SELECT count(*) FROM articles");
  EXPECT_TRUE(stored == 0 || stored == 2) << stored;  // one batch: all of it or none
}

TEST(E2EWatch, ABadSourcesFileIsOneLineNamingItsLine) {
  NewsroomServer news;
  Files f(news);
  std::ofstream(f.sources, std::ios::app) << "not-a-url Le Monde\n";
  WatchRun run = watch_once(f);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "recoupe watch: " + f.sources +
                         ":3: 'not-a-url' is not an http(s) URL (a line is: URL [lang=xx] "
                         "[discover] [outlet name])\n");
}

// The stories listed by the server, and their articles in all.
int64_t listed_articles(httplib::Client& client) {
  auto res = client.Get("/api/stories");
  if (!res || res->status != 200) return -1;
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  int64_t n = 0;
  for (const auto& s : j["stories"]) n += int64_t(s["articles"].size());
  return n;
}

bool wait_for(const std::function<bool()>& done, int seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

TEST(E2EWatch, ServeWithSourcesFillsThePageAsTheFeedGrows) {
  NewsroomServer news;
  Files f(news);
  news.list(2);
  ServeProcess serve(
      {"--db", f.db, "--port", "0", "--sources", f.sources, "--every", "1s", "--config", f.config},
      (f.dir.path() / "serve.err").string());
  const int port = serve.port(30);
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  EXPECT_TRUE(wait_for([&] { return listed_articles(client) == 2; }, 10));

  news.list(5);  // the feed grows: the next round stores the three new articles
  EXPECT_TRUE(wait_for([&] { return listed_articles(client) == 5; }, 10));

  auto sources = client.Get("/api/sources");
  ASSERT_TRUE(sources);
  auto j = nlohmann::json::parse(sources->body);
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_EQ(j["sources"][0]["url"], news.url("/feed.xml"));
  EXPECT_EQ(j["sources"][0]["outlet"], "Vostochny Daily");
  EXPECT_EQ(j["sources"][0]["pages_fetched"], 5);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("recoupe_fetch_requests_total{outcome=\"ok\"}"), std::string::npos);
  EXPECT_NE(metrics->body.find("recoupe_fetch_pages_total{outcome=\"ok\"} 5"), std::string::npos);
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  EXPECT_EQ(count(f.db, "SELECT count(*) FROM articles"), 5);
}

}  // namespace
