// scale_bench: the lag and throughput of recoupe scaled out (docs/scale.md), measured from
// outside, as a client sees it, against running `recoupe worker` processes.
//
//   scale_bench --bus URLS --store URL [--rate R] [--count N] FILE.jsonl[.zst] ...
//
// Publishes N raw articles of the files (default: all) on the bus at R articles/s (default
// 200; 0: as fast as the bus takes them), each with its publish time. Meanwhile it follows
// the cleaned stream (which stream position each article got) and polls the store's
// position (Store::log_position, every 10 ms): an article is stored once the store's
// position reaches its cleaned position. Prints one JSON line: articles, offered and
// achieved publish rates, stored rate (first publish to last stored), and the lag from
// publish to stored (p50, p95, p99, max, in ms). Articles the bus had already (published
// before) are not counted. Gives up when nothing new is stored for 60 s.

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
#include "bus/ordered_reader.h"
#include "engine/article_log.h"
#include "ingest/jsonl_record.h"
#include "ingest/reader.h"
#include "store/store.h"

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
  bus::ConnectionConfig config;
  std::stringstream servers(urls);
  for (std::string u; std::getline(servers, u, ',');) config.servers.push_back(u);
  auto publisher = bus::Connection::connect(config);
  auto follower = bus::Connection::connect(config);
  auto store = store::Store::open(location, store::OpenMode::kReadOnly);
  if (!publisher || !follower || !store) {
    std::fprintf(stderr, "scale_bench: cannot reach the bus or the store\n");
    return 3;
  }
  auto start_position = store->log_position();
  auto reader = bus::OrderedReader::open(*follower, engine::kCleanedStream, engine::kCleanedSubject,
                                         uint64_t(start_position->read_up_to) + 1);
  if (!reader) {
    std::fprintf(stderr, "scale_bench: %s\n", reader.error().to_string().c_str());
    return 3;
  }

  std::mutex mutex;
  std::unordered_map<std::string, Clock::time_point> published;  // content id → when
  std::map<uint64_t, std::string> cleaned;                       // cleaned position → id
  std::vector<double> lags;
  std::atomic<bool> done{false};
  std::atomic<size_t> expected{0};
  Clock::time_point last_stored = Clock::now();

  std::thread follow([&] {  // which cleaned position each article got
    while (!done) {
      auto next = reader->next(std::chrono::milliseconds(200));
      if (!next || !*next) continue;
      std::lock_guard lock(mutex);
      cleaned[(*next)->stream_sequence] = (*next)->id;
    }
  });
  std::thread poll([&] {  // when the store's position passes them
    int64_t seen = start_position->read_up_to;
    while (!done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      auto position = store->log_position();
      if (!position || position->read_up_to <= seen) continue;
      const auto now = Clock::now();
      std::lock_guard lock(mutex);
      for (auto it = cleaned.begin();
           it != cleaned.end() && int64_t(it->first) <= position->read_up_to;) {
        if (auto p = published.find(it->second); p != published.end()) {
          lags.push_back(ms_between(p->second, now));
          published.erase(p);
        }
        it = cleaned.erase(it);
      }
      seen = position->read_up_to;
      last_stored = now;
    }
  });

  const auto begin = Clock::now();
  size_t fresh = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (rate > 0)
      std::this_thread::sleep_until(begin +
                                    std::chrono::microseconds(int64_t(1e6 * double(i) / rate)));
    const std::string id = ingest::raw_document_content_id(docs[i]);
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
  done = true;
  follow.join();
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
                                  {"max", percentile(lags, 1.0)}}}};
  std::printf("%s\n", out.dump().c_str());
  return lags.size() >= fresh ? 0 : 1;
}
