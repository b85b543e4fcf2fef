// replay_check: whether a store's stories come back when its articles are replayed through
// a fresh live grouper, as a clusterer or server does when it (re)starts
// (engine::LiveStories::open). Prints one JSON line: articles, stories, the articles the
// replay placed otherwise than stored (replay_mismatches; 0 when the replay is faithful),
// and the seconds it took.
//
//   replay_check --store postgresql://…|FILE [--config FILE]

#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/config.h"
#include "engine/live_stories.h"
#include "shipped_resources.h"
#include "store/store.h"

using namespace recoupe;

int main(int argc, char** argv) {
  std::string location;
  engine::Config config;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--store") {
      location = argv[i + 1];
    } else if (a == "--config") {
      auto c = engine::load_config(argv[i + 1]);
      if (!c) {
        std::fprintf(stderr, "replay_check: %s\n", c.error().to_string().c_str());
        return 2;
      }
      config = *c;
    }
  }
  if (location.empty()) {
    std::fprintf(stderr, "usage: replay_check --store postgresql://…|FILE [--config FILE]\n");
    return 2;
  }
  auto store = store::Store::open(location, store::OpenMode::kReadOnly);
  if (!store) {
    std::fprintf(stderr, "replay_check: %s\n", store.error().to_string().c_str());
    return 3;
  }
  const engine::Pipeline pipeline = testing::shipped_pipeline(config);
  const auto begin = std::chrono::steady_clock::now();
  auto live = engine::LiveStories::open(pipeline, *store);
  if (!live) {
    std::fprintf(stderr, "replay_check: %s\n", live.error().to_string().c_str());
    return 3;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  nlohmann::ordered_json out = {{"articles", live->articles()},
                                {"stories", live->stories()},
                                {"replay_mismatches", live->replay_mismatches()},
                                {"seconds", seconds}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
