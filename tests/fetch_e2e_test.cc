// `recoupe fetch` end to end: the binary against a loopback server of fixture feeds and pages
// (fetch_test_server.h). No test reaches the internet.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fetch_test_server.h"

namespace {

using recoupe::testing::FixtureServer;

struct Outcome {
  int exit_code = -1;
  std::vector<nlohmann::json> articles;
  std::string err;
};

Outcome fetch(const std::string& args) {
  // One file per test: ctest runs tests in parallel.
  const std::string err_file = ::testing::TempDir() + "recoupe_fetch_e2e_" +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                               ".err";
  const std::string cmd = "timeout 60 '" + std::string(RECOUPE_BINARY) + "' fetch " + args +
                          " --delay-ms 0 2>'" + err_file + "'";
  Outcome run;
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);)
    run.articles.push_back(nlohmann::json::parse(line));
  std::ifstream e(err_file);
  std::stringstream ss;
  ss << e.rdbuf();
  run.err = ss.str();
  return run;
}

TEST(E2EFetch, FeedEntriesAreFetchedCleanedAndHinted) {
  FixtureServer server("robots_no_delay.txt");
  Outcome r = fetch("'" + server.url("/local-feed.xml") + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // one entry is missing
  ASSERT_EQ(r.articles.size(), 2u) << r.err;
  const auto& kim = r.articles[0];
  // The page's rel=canonical, without the feed's utm_ parameter.
  EXPECT_EQ(kim["url"], server.url("/2023/09/13/poutine-kim.html"));
  EXPECT_EQ(kim["final_url"], server.url("/2023/09/13/poutine-kim.html?utm_source=rss"));
  EXPECT_EQ(kim["fetched_at"].get<std::string>().size(), 20u);
  EXPECT_EQ(kim["title"], "Poutine et Kim au cosmodrome de Vostotchny");  // the page's own
  EXPECT_NE(kim["text"].get<std::string>().find("Vostotchny"), std::string::npos);
  EXPECT_GT(kim["words"].get<int>(), 50);
  EXPECT_EQ(kim["language"], "fr");
  const auto& sat = r.articles[1];
  // The page has no date or author: the feed's fill in.
  EXPECT_EQ(sat["published"], "2023-09-13T11:00:00+02:00");
  EXPECT_EQ(sat["author"], "Paul Durand");
  EXPECT_NE(r.err.find("recoupe fetch: " + server.url("/missing.html") + ": HTTP 404"),
            std::string::npos)
      << r.err;
}

TEST(E2EFetch, APageUrlIsExtractedDirectly) {
  FixtureServer server("robots_no_delay.txt");
  Outcome r = fetch("'" + server.url("/hop/1") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0]["final_url"], server.url("/2023/09/13/satellites.html"));
  EXPECT_EQ(r.articles[0]["url"], server.url("/2023/09/13/satellites.html"));
}

TEST(E2EFetch, DiscoverReadsTheFeedsAHomePageDeclares) {
  FixtureServer server("robots_no_delay.txt");
  Outcome r = fetch("--discover '" + server.url("/") + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // /gone.xml and /missing.html
  ASSERT_EQ(r.articles.size(), 2u) << r.err;
  EXPECT_EQ(r.articles[0]["url"], server.url("/2023/09/13/poutine-kim.html"));
  EXPECT_NE(r.err.find(server.url("/gone.xml") + ": HTTP 404"), std::string::npos) << r.err;
  // A page that declares no feed is one error line.
  Outcome page = fetch("'" + server.url("/2023/09/13/satellites.html") + "' --discover");
  EXPECT_EQ(page.exit_code, 3);
  EXPECT_NE(page.err.find("declares no feed"), std::string::npos) << page.err;
}

TEST(E2EFetch, BadSourcesAreOneLineEachAndTheOthersGoOn) {
  FixtureServer server("robots_no_delay.txt");
  const std::string invalid = std::string(RECOUPE_TEST_DIR) + "/fixtures/feeds/invalid.xml";
  Outcome r = fetch("'" + invalid + "' '" + server.url("/loop") + "' '" +
                    server.url("/no-recoupe/page.html") + "' '" + server.url("/hop/0") + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.articles.size(), 1u) << r.err;
  EXPECT_NE(r.err.find(invalid + ": invalid XML at line"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(server.url("/loop") + ": more than 5 redirects"), std::string::npos);
  EXPECT_NE(r.err.find(server.url("/no-recoupe/page.html") + ": refused by robots.txt"),
            std::string::npos);

  Outcome none = fetch("'" + invalid + "'");
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_TRUE(none.articles.empty());
  EXPECT_EQ(std::count(none.err.begin(), none.err.end(), '\n'), 1) << none.err;
}

}  // namespace
