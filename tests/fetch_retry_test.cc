// The fetcher's retries with backoff and its global limit on transfers at once
// (fetch/fetcher.h), against loopback servers. No test reaches the internet.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "fetch/fetcher.h"

namespace {

using namespace recoupe::fetch;
using Clock = std::chrono::steady_clock;

// A server on its own port (a site of its own for HostPacer): /fail-N fails N times with
// `status` (per path), then answers 200; /slow answers after 300 ms.
class Site {
 public:
  explicit Site(int status = 503) {
    server_.Get(R"(/fail-(\d+))",
                [this, status](const httplib::Request& req, httplib::Response& res) {
                  ++requests_;
                  if (failures_++ < std::stoi(req.matches[1])) {
                    res.status = status;
                    return;
                  }
                  res.set_content("<html><body><p>ok</p></body></html>", "text/html");
                });
    server_.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
      const int now = ++running_;
      int seen = max_running_.load();
      while (now > seen && !max_running_.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      --running_;
      res.set_content("slow", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Site() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int requests() const { return requests_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> requests_{0}, failures_{0}, running_{0}, max_running_{0};
};

FetchConfig quick() {
  FetchConfig c;
  c.obey_robots = false;
  c.per_host_delay_ms = 0;
  c.retry_delay_ms = 50;
  return c;
}

TEST(FetchRetries, A5xxIsTriedAgainWithDoublingPauses) {
  CurlLibrary curl;
  Site site;
  Fetcher fetcher(curl, quick());
  const auto start = Clock::now();
  auto r = fetcher.fetch({site.url("/fail-2"), {}, {}});
  const auto took = Clock::now() - start;
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->attempts, 3);
  EXPECT_EQ(site.requests(), 3);
  EXPECT_GE(took, std::chrono::milliseconds(150));  // 50 ms, then 100 ms
}

TEST(FetchRetries, GivesUpAfterMaxRetriesNamingTheAttempts) {
  CurlLibrary curl;
  Site site;
  Fetcher fetcher(curl, quick());
  auto r = fetcher.fetch({site.url("/fail-9"), {}, {}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "HTTP 503 (3 attempts)");
  EXPECT_EQ(site.requests(), 3);
}

TEST(FetchRetries, A4xxIsNotTriedAgain) {
  CurlLibrary curl;
  Site site(404);
  Fetcher fetcher(curl, quick());
  auto r = fetcher.fetch({site.url("/fail-1"), {}, {}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "HTTP 404");
  EXPECT_EQ(site.requests(), 1);
}

TEST(FetchRetries, ARefusedConnectionIsTransient) {
  CurlLibrary curl;
  int port = 0;
  {
    Site gone;  // a port that was just free again: nothing listens there now
    port = std::stoi(gone.url("").substr(17));
  }
  FetchConfig c = quick();
  c.max_retries = 1;
  Fetcher fetcher(curl, c);
  auto r = fetcher.fetch({"http://127.0.0.1:" + std::to_string(port) + "/", {}, {}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("(2 attempts)"), std::string::npos) << r.error().message;
}

// Three sites (three ports), one slow request each, from three threads.
Clock::duration three_sites_at_once(long max_concurrent) {
  CurlLibrary curl;
  Site a, b, c;
  FetchConfig config = quick();
  config.max_concurrent = max_concurrent;
  Fetcher fetcher(curl, config);
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (const Site* s : {&a, &b, &c})
    threads.emplace_back([&fetcher, s] { EXPECT_TRUE(fetcher.fetch({s->url("/slow"), {}, {}})); });
  for (auto& t : threads) t.join();
  return Clock::now() - start;
}

TEST(FetchConcurrency, AGlobalLimitAcrossHosts) {
  EXPECT_GE(three_sites_at_once(1), std::chrono::milliseconds(900));  // one after another
  EXPECT_LT(three_sites_at_once(3), std::chrono::milliseconds(850));  // side by side
}

TEST(FetchStop, EndsATransferInFlightAndRefusesTheNext) {
  CurlLibrary curl;
  Site site;
  Fetcher fetcher(curl, quick());
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    fetcher.stop();
  });
  const auto start = Clock::now();
  auto r = fetcher.fetch({site.url("/slow"), {}, {}});  // aborted, or done just before
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(1500));
  stopper.join();
  auto next = fetcher.fetch({site.url("/fail-0"), {}, {}});
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().message, "stopped");
}

}  // namespace
