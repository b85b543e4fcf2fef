// check_bench: the CPU that `recoupe serve` spends on articles arriving in a store, in its
// two steps (engine/live_stories.h, "Two steps"), without HTTP, readers or load beside it:
// each batch of the feed is placed and stored unchecked (LiveStories::ingest with
// CheckWhen::kLater), then every story it left waiting is cross-checked
// (check_unchecked, `--step` stories a transaction), as the server's checker thread does
// when it keeps up. Prints one JSON line: articles placed and stories checked, and the
// process CPU (all threads) and wall time of each step, per article and per story.
//
//   check_bench --store FILE --feed FILE.jsonl [--batch 100] [--batches 20] [--skip 0]
//               [--step 8] [--config FILE]
//
// The store is written to: give it a copy. `--skip` records of the feed are passed over
// first (those a copied store already holds). The first `--warm` batches (default 5) are
// placed and checked but not counted: they fill the caches a running server has warm.

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/config.h"
#include "engine/live_stories.h"
#include "shipped_resources.h"
#include "store/store.h"

using namespace recoupe;

namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Spent {
  double cpu = 0, wall = 0;
  template <class F>
  auto time(F&& f) {
    const double c = cpu_seconds(), w = wall_seconds();
    auto out = f();
    cpu += cpu_seconds() - c;
    wall += wall_seconds() - w;
    return out;
  }
};

int fail(const std::string& what) {
  std::fprintf(stderr, "check_bench: %s\n", what.c_str());
  return 3;
}

}  // namespace

int main(int argc, char** argv) {
  std::string location, feed;
  size_t batch_size = 100, batches = 20, skip = 0, step = 8, warm = 5;
  engine::Config config;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--store") {
      location = v;
    } else if (a == "--feed") {
      feed = v;
    } else if (a == "--batch") {
      batch_size = std::stoul(v);
    } else if (a == "--batches") {
      batches = std::stoul(v);
    } else if (a == "--skip") {
      skip = std::stoul(v);
    } else if (a == "--step") {
      step = std::stoul(v);
    } else if (a == "--warm") {
      warm = std::stoul(v);
    } else if (a == "--config") {
      auto c = engine::load_config(v);
      if (!c) return fail(c.error().to_string());
      config = *c;
    }
  }
  if (location.empty() || feed.empty() || batch_size == 0 || step == 0) {
    std::fprintf(stderr,
                 "usage: check_bench --store FILE --feed FILE.jsonl [--batch 100] [--batches 20] "
                 "[--skip 0] [--step 8] [--warm 5] [--config FILE]\n");
    return 2;
  }
  auto store = store::Store::open(location, store::OpenMode::kReadWrite);
  if (!store) return fail(store.error().to_string());
  const engine::Pipeline pipeline = testing::shipped_pipeline(config);
  auto live = engine::LiveStories::open(pipeline, *store);
  if (!live) return fail(live.error().to_string());
  engine::IngestBatch all = engine::read_batch({feed}, pipeline);
  if (all.documents.size() < skip + (warm + batches) * batch_size)
    return fail(feed + ": fewer records than --skip + (--warm + --batches) × --batch");

  Spent place, check;
  size_t placed = 0, checked = 0, steps = 0;
  for (size_t b = 0; b < warm + batches; ++b) {
    const bool counted = b >= warm;
    engine::IngestBatch batch;
    auto first = all.documents.begin() + long(skip + b * batch_size);
    batch.documents.assign(first, first + long(batch_size));
    Spent p, c;
    auto done = p.time([&] { return live->ingest(std::move(batch), engine::CheckWhen::kLater); });
    if (!done) return fail(done.error().to_string());
    size_t stories = 0, n_steps = 0;
    while (live->unchecked() > 0) {
      auto step_done = c.time([&] { return live->check_unchecked(step); });
      if (!step_done) return fail(step_done.error().to_string());
      stories += step_done->updated.size();
      ++n_steps;
    }
    if (!counted) continue;
    placed += batch_size;
    checked += stories;
    steps += n_steps;
    place.cpu += p.cpu, place.wall += p.wall;
    check.cpu += c.cpu, check.wall += c.wall;
  }
  auto per = [](double s, size_t n) { return n ? 1000 * s / double(n) : 0.0; };
  nlohmann::ordered_json out = {{"articles", placed},
                                {"stories_checked", checked},
                                {"steps", steps},
                                {"place_cpu_ms_per_article", per(place.cpu, placed)},
                                {"place_wall_ms_per_article", per(place.wall, placed)},
                                {"check_cpu_ms_per_story", per(check.cpu, checked)},
                                {"check_wall_ms_per_story", per(check.wall, checked)},
                                {"check_cpu_ms_per_article", per(check.cpu, placed)},
                                {"analyses_hits", live->analyses().hits()},
                                {"analyses_misses", live->analyses().misses()}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
