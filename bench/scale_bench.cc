// scale_bench: the lag and throughput of recoupe scaled out (docs/scale.md), measured from
// outside, as a client sees it, against running `recoupe worker` processes.
//
//   scale_bench --bus URLS --store URL [--rate R] [--count N] FILE.jsonl[.zst] ...
//
// Publishes N raw articles of the files (default: all) on the bus at R articles/s (default
// 200; 0: as fast as the bus takes them), each with its publish time. Meanwhile it polls
// the store (PostgreSQL, every 10 ms) for the articles stored since: an article's row
// commits in the clusterer's batch with its story's update, so the lag is publish → story
// updated. Reading the store rather than the bus adds no consumer to the bus it measures
// (until session 12 it followed the cleaned stream and the store's position, which also
// counted an article placed after one held back by the raw order as late as that one).
// Prints one JSON line: articles, offered and
// achieved publish rates, stored rate (first publish to last stored), and the lag from
// publish to stored (p50, p95, p99, max, in ms). Articles the bus had already (published
// before) are not counted. Gives up when nothing new is stored for 60 s.
// And the lag from publish to a cross-checked report holding the article ("checked_lag_ms";
// polled every 100 ms): its story's stored report has cross-check sections and names the
// article. A clusterer checking inside its batches (recoupe worker --checks in-batch) stores
// both at once; one checking behind them (--checks later) stores the report after.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "bus/connection.h"
#include "engine/article_log.h"
#include "ingest/jsonl_record.h"
#include "ingest/reader.h"
#include "store/postgres_connection.h"

using namespace recoupe;
using Clock = std::chrono::steady_clock;

namespace {

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  std::string urls, location;
  double rate = 200;
  size_t count = SIZE_MAX;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--bus" && i + 1 < argc)
      urls = argv[++i];
    else if (a == "--store" && i + 1 < argc)
      location = argv[++i];
    else if (a == "--rate" && i + 1 < argc)
      rate = std::atof(argv[++i]);
    else if (a == "--count" && i + 1 < argc)
      count = std::strtoul(argv[++i], nullptr, 10);
    else
      files.push_back(a);
  }
  if (urls.empty() || location.empty() || files.empty()) {
    std::fprintf(stderr,
                 "usage: scale_bench --bus URLS --store URL [--rate R] [--count N] FILE...\n");
    return 2;
  }
  std::vector<RawDocument> docs;
  ingest::read_inputs(files, {}, [&](Expected<RawDocument> doc) {
    if (!doc)
      std::fprintf(stderr, "scale_bench: %s\n", doc.error().to_string().c_str());
    else if (docs.size() < count)
      docs.push_back(std::move(*doc));
  });
  if (docs.empty()) {
    std::fprintf(stderr, "scale_bench: no article to publish in the files given\n");
    return 2;
  }
  if (location.rfind("postgresql://", 0) != 0 && location.rfind("postgres://", 0) != 0) {
    std::fprintf(stderr, "scale_bench: --store must be a postgresql:// URL\n");
    return 2;
  }
  bus::ConnectionConfig config;
  std::stringstream servers(urls);
  for (std::string u; std::getline(servers, u, ',');) config.servers.push_back(u);
  auto publisher = bus::Connection::connect(config);
  std::optional<store::PgConnection> db;
  int64_t last_seq = 0;
  try {
    db = store::PgConnection::connect(location, 5, "");
    last_seq = db->exec("SELECT coalesce(max(seq), 0) FROM articles").int64(0, 0);
  } catch (const store::PgError& e) {
    std::fprintf(stderr, "scale_bench: %s: %s\n", location.c_str(), e.what());
    return 3;
  }
  if (!publisher) {
    std::fprintf(stderr, "scale_bench: %s\n", publisher.error().to_string().c_str());
    return 3;
  }

  std::mutex mutex;
  std::unordered_map<std::string, Clock::time_point> published;  // article id → when
  std::vector<double> lags;
  std::vector<double> checked_lags;
  std::map<int64_t, Clock::time_point> awaiting_check;  // stored article seq → publish time
  std::atomic<bool> done{false};
  Clock::time_point last_stored = Clock::now();

  // When each article appears in the store: its row commits with its story's update, in the
  // clusterer's batch. Reading the store, not the bus, adds no load to the bus it measures.
  std::thread poll([&] {
    for (size_t round = 1; !done; ++round) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::vector<std::pair<int64_t, std::string>> stored;
      std::vector<int64_t> checked;
      std::string awaiting;  // "{seq,seq,…}": the stored articles not seen checked yet
      if (round % 10 == 0) {
        std::lock_guard lock(mutex);
        for (const auto& [seq, when] : awaiting_check)
          awaiting += (awaiting.empty() ? "{" : ",") + std::to_string(seq);
        if (!awaiting.empty()) awaiting += "}";
      }
      try {
        store::PgResult rows = db->run("SELECT seq, id FROM articles WHERE seq > $1 ORDER BY seq",
                                       store::PgParams().add(last_seq));
        for (int r = 0; r < rows.rows(); ++r) {
          last_seq = rows.int64(r, 0);
          stored.emplace_back(last_seq, rows.text(r, 1));
        }
        if (!awaiting.empty()) {
          // A report without "summary" is a new story's placeholder (no cross-check yet).
          store::PgResult in_checked = db->run(
              "SELECT m.article_seq FROM memberships m JOIN articles a ON a.seq = m.article_seq "
              "JOIN stories s ON s.id = m.story_id WHERE m.article_seq = ANY($1::bigint[]) "
              "AND strpos(s.report, '\"summary\"') > 0 "
              "AND strpos(s.report, '\"' || a.id || '\"') > 0",
              store::PgParams().add(awaiting));
          for (int r = 0; r < in_checked.rows(); ++r) checked.push_back(in_checked.int64(r, 0));
        }
      } catch (const store::PgError&) {  // the store restarting (a fault run): connect again
        try {
          db = store::PgConnection::connect(location, 5, "");
        } catch (const store::PgError&) {
        }
        continue;
      }
      const auto now = Clock::now();
      std::lock_guard lock(mutex);
      // Checked first: an article stored in this poll is seen checked in a later one.
      for (int64_t seq : checked)
        if (auto w = awaiting_check.find(seq); w != awaiting_check.end()) {
          checked_lags.push_back(ms_between(w->second, now));
          awaiting_check.erase(w);
        }
      if (stored.empty()) continue;
      for (const auto& [seq, id] : stored)
        if (auto p = published.find(id); p != published.end()) {
          lags.push_back(ms_between(p->second, now));
          awaiting_check[seq] = p->second;
          published.erase(p);
        }
      last_stored = now;
    }
  });

  const auto begin = Clock::now();
  size_t fresh = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (rate > 0)
      std::this_thread::sleep_until(begin +
                                    std::chrono::microseconds(int64_t(1e6 * double(i) / rate)));
    const std::string& id = docs[i].id;  // the stored article's id
    {
      std::lock_guard lock(mutex);
      published[id] = Clock::now();
    }
    auto ack = engine::publish_raw(*publisher, docs[i]);
    if (!ack) {
      std::fprintf(stderr, "scale_bench: %s\n", ack.error().to_string().c_str());
      return 4;
    }
    if (ack->duplicate) {
      std::lock_guard lock(mutex);
      published.erase(id);
    } else {
      ++fresh;
    }
  }
  const double publish_s = ms_between(begin, Clock::now()) / 1000;
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::lock_guard lock(mutex);
    if (lags.size() >= fresh || ms_between(last_stored, Clock::now()) > 60000) break;
  }
  // The checks behind the last batches: up to 60 s more.
  for (const auto until = Clock::now() + std::chrono::seconds(60); Clock::now() < until;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::lock_guard lock(mutex);
    if (awaiting_check.empty()) break;
  }
  done = true;
  poll.join();
  const double stored_s = ms_between(begin, last_stored) / 1000;
  nlohmann::ordered_json out = {{"articles", fresh},
                                {"stored", lags.size()},
                                {"offered_per_s", rate},
                                {"published_per_s", double(fresh) / publish_s},
                                {"stored_per_s", double(lags.size()) / stored_s},
                                {"lag_ms",
                                 {{"p50", percentile(lags, 0.50)},
                                  {"p95", percentile(lags, 0.95)},
                                  {"p99", percentile(lags, 0.99)},
                                  {"max", percentile(lags, 1.0)}}},
                                {"checked", checked_lags.size()},
                                {"checked_lag_ms",
                                 {{"p50", percentile(checked_lags, 0.50)},
                                  {"p95", percentile(checked_lags, 0.95)},
                                  {"p99", percentile(checked_lags, 0.99)},
                                  {"max", percentile(checked_lags, 1.0)}}}};
  std::printf("%s\n", out.dump().c_str());
  return lags.size() >= fresh ? 0 : 1;
}
