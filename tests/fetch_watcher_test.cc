// The watcher (feeds/watcher.h) against loopback servers: rounds, conditional GET, new
// entries only, and one clear error per hostile source without stopping the others.
// No test reaches the internet.
#include <chrono>
#include <map>

#include <gtest/gtest.h>

#include "feeds/watcher.h"
#include "fetch_newsroom_server.h"
#include "fetch_test_server.h"

namespace {

using namespace recoupe;
using recoupe::testing::FixtureServer;
using recoupe::testing::NewsroomServer;

fetch::FetchConfig quick_fetch() {
  fetch::FetchConfig c;
  c.per_host_delay_ms = 0;
  c.retry_delay_ms = 10;
  c.max_retries = 2;
  c.total_timeout_ms = 600;
  c.max_body_bytes = 3'900'000;  // the 100,000-entry feed (3.4 MB) fits, the bomb (4 MB) not
  return c;
}

feeds::Source source(const std::string& url, int line) {
  feeds::Source s;
  s.url = url;
  s.where = "s.txt:" + std::to_string(line);
  return s;
}

// The watcher with what it hands on and says, kept.
struct Watched {
  Watched(std::vector<feeds::Source> sources, feeds::WatchConfig config = {})
      : fetcher(curl, quick_fetch()),
        watcher(
            std::move(sources), fetcher, config,
            [this](const feeds::Source& s, std::vector<RawDocument> docs) {
              for (auto& d : docs) documents.emplace_back(s.url, std::move(d));
            },
            [this](const std::string& line) { log.push_back(line); }) {}
  std::map<std::string, feeds::SourceStatus> by_url() const {
    std::map<std::string, feeds::SourceStatus> out;
    for (auto& s : watcher.statuses()) out[s.url] = s;
    return out;
  }
  fetch::CurlLibrary curl;
  fetch::Fetcher fetcher;
  std::vector<std::pair<std::string, RawDocument>> documents;
  std::vector<std::string> log;
  feeds::Watcher watcher;
};

TEST(Watcher, NewEntriesOnlyAndAnUnchangedFeedCostsOne304) {
  NewsroomServer news;
  news.list(2);
  feeds::Source s = source(news.url("/feed.xml"), 1);
  s.outlet = "Vostochny Daily";
  s.language = "fr";
  Watched w({s});

  w.watcher.run_round();
  ASSERT_EQ(w.documents.size(), 2u);
  const RawDocument& first = w.documents[0].second;  // newest first, as listed
  EXPECT_EQ(first.id, news.url("/news/1.html"));     // canonical: utm_source dropped
  EXPECT_EQ(first.final_url, news.url("/news/1.html?utm_source=rss"));
  EXPECT_EQ(first.fetched_at->size(), 20u);
  EXPECT_EQ(first.hint_title, news.title(1));
  EXPECT_EQ(first.hint_published, "2023-09-13T01:30:00+02:00");
  EXPECT_EQ(first.source, "Vostochny Daily");
  EXPECT_EQ(first.language, "fr");
  auto st = w.by_url()[s.url];
  EXPECT_EQ(st.outcome, "ok");
  EXPECT_EQ(st.entries_seen, 2);
  EXPECT_EQ(st.entries_new, 2);
  EXPECT_EQ(st.pages_fetched, 2);
  EXPECT_EQ(st.last_fetch.size(), 20u);
  EXPECT_TRUE(w.log.empty());

  w.watcher.run_round();  // nothing changed: one 304, no page
  EXPECT_EQ(w.documents.size(), 2u);
  EXPECT_EQ(news.page_requests(), 2);
  st = w.by_url()[s.url];
  EXPECT_EQ(st.outcome, "not_modified");
  EXPECT_EQ(st.entries_new, 0);
  EXPECT_EQ(w.watcher.counts().by_outcome.at("not_modified"), 1);

  news.list(4);  // two more entries: only they are fetched
  w.watcher.run_round();
  ASSERT_EQ(w.documents.size(), 4u);
  EXPECT_EQ(w.documents[2].second.id, news.url("/news/3.html"));
  EXPECT_EQ(w.documents[3].second.id, news.url("/news/2.html"));
  EXPECT_EQ(news.page_requests(), 4);
  st = w.by_url()[s.url];
  EXPECT_EQ(st.outcome, "ok");
  EXPECT_EQ(st.entries_seen, 4);
  EXPECT_EQ(st.entries_new, 2);
  EXPECT_EQ(st.pages_fetched, 4);
  EXPECT_EQ(st.rounds, 3);

  news.revise(1);  // the outlet updates an article: its entry's title changes
  w.watcher.run_round();
  ASSERT_EQ(w.documents.size(), 5u);  // fetched again (the store makes it a revision)
  EXPECT_EQ(w.documents[4].second.id, news.url("/news/1.html"));
  EXPECT_NE(w.documents[4].second.content.find("Mise à jour"), std::string::npos);
  EXPECT_EQ(w.by_url()[s.url].entries_new, 1);
}

TEST(Watcher, APageSourceIsHandedOnWhenItChanges) {
  FixtureServer site("robots_no_delay.txt");
  Watched w({source(site.url("/etag"), 1)});
  w.watcher.run_round();
  ASSERT_EQ(w.documents.size(), 1u);
  w.watcher.run_round();  // 304
  EXPECT_EQ(w.documents.size(), 1u);
  EXPECT_EQ(w.by_url()[site.url("/etag")].outcome, "not_modified");
}

// Each hostile source: one log line naming its sources-file line and URL, one status with
// the error; the good source beside them is read as if they were not there.
TEST(Watcher, HostileSourcesAreOneClearErrorEachAndNeverStopTheOthers) {
  FixtureServer bad("robots_no_delay.txt");
  NewsroomServer news;
  news.list(1);
  const std::vector<std::pair<std::string, std::string>> cases = {
      // URL, expected start of the status message (after "URL: ")
      {bad.url("/slow"), "timed out"},
      {bad.url("/endless"), "body over 3900000 bytes"},
      {bad.url("/loop"), "more than 5 redirects"},
      {bad.url("/bomb"), "body over 3900000 bytes"},
      {bad.url("/invalid.xml"), "invalid XML"},
      {news.url("/huge.xml"), "99500 entries past watch.max_entries (500) left out"},
      {news.url("/report.pdf"), "not an HTML page (Content-Type: application/pdf)"},
  };
  std::vector<feeds::Source> sources = {source(news.url("/feed.xml"), 1)};
  for (size_t i = 0; i < cases.size(); ++i) sources.push_back(source(cases[i].first, int(i) + 2));
  sources.push_back(source(news.url("/pdf-feed.xml"), 9));
  sources.push_back(source(news.url("/flaky.xml"), 10));
  Watched w(sources);
  const auto start = std::chrono::steady_clock::now();
  w.watcher.run_round();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));

  auto status = w.by_url();
  EXPECT_EQ(status[news.url("/feed.xml")].outcome, "ok");
  EXPECT_EQ(status[news.url("/feed.xml")].pages_fetched, 1);
  for (size_t i = 0; i < cases.size(); ++i) {
    const auto& [url, message] = cases[i];
    SCOPED_TRACE(url);
    const auto& st = status[url];
    EXPECT_EQ(st.message.rfind(url + ": " + message, 0), 0u) << st.message;
    const std::string where = "s.txt:" + std::to_string(i + 2) + " ";
    size_t lines = 0;
    for (const auto& line : w.log) lines += line.rfind(where, 0) == 0;
    EXPECT_EQ(lines, 1u);
  }
  EXPECT_EQ(status[bad.url("/slow")].outcome, "error");
  EXPECT_EQ(status[bad.url("/slow")].message.find("(3 attempts)") != std::string::npos, true);
  EXPECT_EQ(status[news.url("/huge.xml")].outcome, "partial");  // its first 500 entries read
  const auto& pdf = status[news.url("/pdf-feed.xml")];
  EXPECT_EQ(pdf.outcome, "partial");
  EXPECT_EQ(pdf.pages_failed, 1);
  EXPECT_EQ(pdf.message,
            news.url("/report.pdf") + ": not an HTML page (Content-Type: application/pdf)");
  EXPECT_EQ(status[news.url("/flaky.xml")].outcome, "ok");  // two 503s, then read
  EXPECT_GE(w.watcher.counts().retried, 2);
}

TEST(Watcher, ASourceFailingTheSameWayIsSaidOnceAndCountedEachRound) {
  FixtureServer bad("robots_no_delay.txt");
  Watched w({source(bad.url("/loop"), 1)});
  w.watcher.run_round();
  w.watcher.run_round();
  EXPECT_EQ(w.log.size(), 1u);
  const auto st = w.by_url()[bad.url("/loop")];
  EXPECT_EQ(st.outcome, "error");
  EXPECT_EQ(st.errors, 2);
  EXPECT_EQ(st.rounds, 2);
}

TEST(Watcher, StopEndsARoundWithoutWaitingForSlowSites) {
  FixtureServer bad("robots_no_delay.txt");
  std::vector<feeds::Source> sources;
  for (int i = 0; i < 4; ++i)
    sources.push_back(source(bad.url("/slow?" + std::to_string(i)), i + 1));
  feeds::WatchConfig config;
  config.parallel_sources = 1;
  Watched w(sources, config);
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    w.watcher.stop();
  });
  const auto start = std::chrono::steady_clock::now();
  w.watcher.run();  // rounds until stop()
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
  stopper.join();
}

}  // namespace
