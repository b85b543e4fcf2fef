// cluster_inspect: prints the pair score (and its channels) of every pair of articles of a
// small input, to see why articles did or did not group. Usage:
//   build/cluster_inspect FILE|DIR ... [--config FILE]
// One line per pair, best first: score, title/body/entity/number cosines, time proximity.

#include <algorithm>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "cluster/cluster_config.h"
#include "cluster/pair_score.h"
#include "engine/featurize.h"
#include "engine/load.h"
#include "shipped_resources.h"
#include "text/data_dir.h"

using namespace recoupe;

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  cluster::ClusterConfig config;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--config" && i + 1 < argc) {
      auto c = engine::load_config(argv[++i]);
      if (!c) {
        std::fprintf(stderr, "%s\n", c.error().to_string().c_str());
        return 2;
      }
      config = c->cluster;
    } else {
      inputs.push_back(a);
    }
  }
  auto loaded = testing::shipped_pipeline().load(inputs);
  const auto& arts = loaded.articles;
  if (arts.size() > 1000) {
    std::fprintf(stderr, "cluster_inspect: %zu articles; at most 1000\n", arts.size());
    return 2;
  }
  engine::FeatureSpace space(testing::shipped_resources().data_dir(),
                             testing::shipped_resources().stop_words(),
                             testing::shipped_resources().elisions());
  auto f = engine::featurize_batch(arts, space, config);
  std::vector<std::tuple<double, size_t, size_t, cluster::PairScore>> rows;
  for (size_t i = 0; i < arts.size(); ++i)
    for (size_t j = i + 1; j < arts.size(); ++j) {
      auto s = cluster::pair_score(cluster::profile_of(f[i]), cluster::profile_of(f[j]), config);
      rows.emplace_back(s.total, i, j, s);
    }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  for (size_t i = 0; i < arts.size(); ++i) {
    std::printf("#%zu %s [%s] ents:", i, arts[i].id.c_str(), arts[i].event.value_or("").c_str());
    for (auto t : index::top_terms(f[i].entities, 8))
      std::printf(" %s", space.dictionary.key(t).c_str());
    std::printf("\n");
  }
  for (const auto& [total, i, j, s] : rows)
    std::printf(
        "%.3f  %zu-%zu %s  title %.2f body %.2f ent %.2f num %.2f time %.2f\n", total, i, j,
        arts[i].event && arts[j].event ? (*arts[i].event == *arts[j].event ? "SAME" : "diff") : "",
        s.cosines[0], s.cosines[1], s.cosines[2], s.cosines[3], s.time_proximity);
}
