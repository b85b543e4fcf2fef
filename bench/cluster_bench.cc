// cluster_bench: clustering quality next to the peer baseline (same run), batch speed from
// 10k to 1M articles, online insertion latency with 1M articles in the window, memory.
//
//   build/cluster_bench [--quality] [--batch 10000,100000] [--online 1000000] [--threads 2]
//
// Quality: the three dev sets of ../shared/data/clustering through the report path
// (load, clean, group) and ../shared/tools/baseline_cluster.py --threshold 0.86 on the same
// files. Speed: real articles of ../shared/data/scale replayed (see replay()) and grouped
// exactly as `recoupe report` groups them, minus the cleaning stage (fields taken as given).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cluster/event_clusterer.h"
#include "cluster/features.h"
#include "engine/batch.h"
#include "engine/featurize.h"
#include "engine/load.h"
#include "eval/clustering_scores.h"
#include "index/minhash.h"
#include "ingest/reader.h"
#include "shipped_resources.h"
#include "text/data_dir.h"

using namespace recoupe;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kData = "/work/shared/data";

double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// User + system CPU seconds of the process so far (all threads).
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::vector<Article> read_scale() {
  std::vector<Article> out;
  for (const char* f : {"reuters21578", "bbc-news", "10kgnad-test", "isot-reuters-true"}) {
    ingest::read_inputs({kData + "/scale/" + f + ".jsonl.zst"}, ingest::ReadLimits{},
                        [&](Expected<RawDocument> d) {
                          if (!d) return;
                          Article a;
                          a.id = d->id;
                          a.source = d->source;
                          a.title = d->title;
                          a.published = d->published;
                          if (a.published) a.published_at = parse_publication_time(*a.published);
                          a.language = d->language;
                          a.text = std::move(d->content);
                          out.push_back(std::move(a));
                        });
  }
  return out;
}

// Replay k of an article: a new id, the date shifted by k·45 days (undated stays undated),
// and every capitalized word suffixed with letters naming k ("Reagan" → "Reaganqb"): a
// replay reports the same kind of news about other names, so it is neither a near-duplicate
// of the original nor the same event, yet it competes for the same candidates.
Article replay(const Article& a, size_t k) {
  if (k == 0) return a;
  Article r = a;
  std::string suffix;
  for (size_t x = k; x; x /= 26) suffix += char('a' + x % 26);
  r.id = a.id + "#" + std::to_string(k);
  std::string out;
  out.reserve(a.text.size() + a.text.size() / 8);
  for (size_t i = 0; i < a.text.size(); ++i) {
    out += a.text[i];
    bool word_end = i + 1 == a.text.size() || !isalpha((unsigned char)a.text[i + 1]);
    if (isalpha((unsigned char)a.text[i]) && word_end) {
      size_t s = i;
      while (s > 0 && isalpha((unsigned char)a.text[s - 1])) --s;
      if (isupper((unsigned char)a.text[s])) out += suffix;
    }
  }
  r.text = std::move(out);
  if (a.title) r.title = *a.title + " " + suffix;
  if (a.published_at) {
    // Each copy k is moved 45 days later, so copies of one story do not share a date.
    int64_t hours = a.published_at->utc_hour + int64_t(k) * 45 * 24;
    r.published = format_iso(civil_from_days(hours / 24));
    r.published_at = parse_publication_time(*r.published);
  }
  return r;
}

std::string run_baseline(const std::string& file) {
  std::string cmd = "/usr/bin/python3 " + kData + "/../tools/baseline_cluster.py " + file +
                    " --threshold 0.86 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  char buf[256] = {0};
  std::string out;
  while (fgets(buf, sizeof buf, p)) out += buf;
  pclose(p);
  return out;
}

void quality(unsigned threads) {
  std::printf(
      "## Quality (B-cubed F1; baseline = baseline_cluster.py --threshold 0.86, same run)\n\n");
  std::printf(
      "| set | docs | gold | found | B3 P | B3 R | B3 F1 | pair F1 | baseline B3 F1 | seconds "
      "(ours / baseline) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
  for (const char* set : {"ecbplus-dev", "rpm2-fr-dev", "newswcl50"}) {
    std::string file = kData + "/clustering/" + set + ".jsonl";
    engine::Config config;
    config.threads = threads;
    const engine::Pipeline pipeline = testing::shipped_pipeline(config);
    auto loaded = pipeline.load({file});
    auto t = Clock::now();
    auto result = pipeline.group(loaded.articles);
    double secs = since(t);
    auto s = eval::score_clustering(eval::event_labels(loaded.articles),
                                    eval::story_labels(result.story_of));
    double bp = 0, br = 0, bf = 0, bs = 0;
    std::sscanf(run_baseline(file).c_str(), "%lf %lf %lf %lf", &bp, &br, &bf, &bs);
    std::printf("| %s | %zu | %zu | %zu | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.2f / %.2f |\n",
                set, s.docs, s.gold_events, s.found_events, s.bcubed_p, s.bcubed_r, s.bcubed_f1,
                s.pair_f1, bf, secs, bs);
    std::fflush(stdout);
  }
}

void batch(const std::vector<Article>& base, size_t n, unsigned threads) {
  std::vector<Article> arts;
  arts.reserve(n);
  for (size_t i = 0; i < n; ++i) arts.push_back(replay(base[i % base.size()], i / base.size()));
  cluster::ClusterConfig config;
  engine::FeatureSpace space(testing::shipped_resources().data_dir(),
                             testing::shipped_resources().stop_words(),
                             testing::shipped_resources().elisions());
  double cpu0 = cpu_seconds();
  auto t0 = Clock::now();
  auto features = engine::featurize_batch(arts, space, config, threads);
  double t_feat = since(t0), cpu1 = cpu_seconds();
  auto order = engine::publication_order(arts);
  auto t1 = Clock::now();
  cluster::EventClusterer c(config, threads);
  for (size_t i : order) c.add(std::move(features[i]));
  double t_add = since(t1), cpu2 = cpu_seconds();
  auto t2 = Clock::now();
  c.refine();
  double t_ref = since(t2), cpu3 = cpu_seconds();
  // CPU seconds per phase on stderr (the machine may be shared: wall time alone misleads).
  std::fprintf(stderr, "cpu: features %.1f assign %.1f refine %.1f\n", cpu1 - cpu0, cpu2 - cpu1,
               cpu3 - cpu2);
  // A fingerprint of the partition (labels in publication order): a speed change that must
  // not change any decision has to leave it identical.
  uint64_t fp = 1469598103934665603ull;
  for (uint32_t l : c.labels()) fp = (fp ^ l) * 1099511628211ull;
  std::printf("| %zu | %.1f | %.1f | %.1f | **%.1f** | %.1f | %zu | %.0f | %ld | %016llx |\n", n,
              t_feat, t_add, t_ref, t_feat + t_add + t_ref, cpu_seconds() - cpu0, c.live_clusters(),
              double(c.memory_bytes()) / double(n), peak_rss_mb(), (unsigned long long)fp);
  std::fflush(stdout);
}

// Online: the stream path (df learned as articles arrive, weigh, add) with every article
// inside the window. Terms are extracted up front in parallel (that stage is stateless and
// scales out); the timed part is what a live store does per article: df update, weighting,
// and EventClusterer::add.
void online(const std::vector<Article>& base, size_t n, unsigned threads) {
  cluster::ClusterConfig config;
  engine::FeatureSpace space(testing::shipped_resources().data_dir(),
                             testing::shipped_resources().stop_words(),
                             testing::shipped_resources().elisions());
  // Terms of the real articles once; replays are made at the term level: every entity and
  // title key gets a replay suffix (a new id), like the text-level replay above but
  // without re-parsing 1M texts; the MinHash signature is re-hashed per replay.
  auto raw = engine::extract_terms(base, space, threads);
  auto remap = [&](std::vector<index::TermWeight> v, size_t k) {
    if (k == 0) return v;
    for (auto& e : v)
      e.term = space.dictionary.intern(space.dictionary.key(e.term) + "#" + std::to_string(k));
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.term < b.term; });
    return v;
  };
  std::vector<double> lat;
  lat.reserve(n);
  cluster::EventClusterer c(config, threads);
  // All n articles fall inside one window: spread evenly over 20 days.
  const int64_t start = 24 * 20000;
  auto t_all = Clock::now();
  for (size_t i = 0; i < n; ++i) {
    size_t k = i / base.size();
    const index::RawTerms& r0 = raw[i % base.size()];
    index::RawTerms r;
    r.title = remap(r0.title, k);
    r.body = r0.body;
    r.entities = remap(r0.entities, k);
    r.numbers = r0.numbers;
    r.words = r0.words;
    r.signature = r0.signature;
    if (k)
      for (auto& s : r.signature) s = uint16_t(index::mix64(s ^ (k << 20)));
    int64_t t = start + int64_t(i) * (20 * 24) / int64_t(n);
    auto t0 = Clock::now();
    space.df.add(cluster::distinct_terms(r));
    c.add(cluster::weigh_features(r, space.df, t, config));
    lat.push_back(since(t0) * 1000.0);
    if (i + 1 == n / 10 || i + 1 == n / 2 || i + 1 == n) {
      std::vector<double> s(lat.end() - std::min<size_t>(lat.size(), 20000), lat.end());
      std::sort(s.begin(), s.end());
      std::printf("| %zu | %.3f | %.3f | %.3f | %.1f | %zu | %.0f | %ld |\n", i + 1,
                  s[s.size() / 2], s[s.size() * 99 / 100], s.back(), since(t_all),
                  c.live_clusters(), double(c.memory_bytes()) / double(i + 1), peak_rss_mb());
      std::fflush(stdout);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool do_quality = false;
  std::vector<size_t> batches;
  size_t online_n = 0;
  unsigned threads = 2;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto sizes = [&](const char* s) {
      std::vector<size_t> v;
      std::stringstream ss(s);
      for (std::string x; std::getline(ss, x, ',');) v.push_back(std::stoul(x));
      return v;
    };
    if (a == "--quality")
      do_quality = true;
    else if (a == "--batch" && i + 1 < argc)
      batches = sizes(argv[++i]);
    else if (a == "--online" && i + 1 < argc)
      online_n = std::stoul(argv[++i]);
    else if (a == "--threads" && i + 1 < argc)
      threads = unsigned(std::stoul(argv[++i]));
  }
  if (!do_quality && batches.empty() && !online_n) {
    do_quality = true;
    batches = {10000, 100000};
    online_n = 1000000;
  }
  if (do_quality) quality(threads);
  if (batches.empty() && !online_n) return 0;
  auto base = read_scale();
  std::printf("\nscale corpus: %zu real articles, %u threads for features\n", base.size(), threads);
  if (!batches.empty()) {
    std::printf(
        "\n## Batch (replayed scale articles; seconds)\n\n| articles | features | assign | refine "
        "| total | CPU s | clusters | bytes/article | peak RSS MB | partition "
        "|\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (size_t n : batches) batch(base, n, threads);
  }
  if (online_n) {
    std::printf(
        "\n## Online insertion (ms per article, last 20k inserts)\n\n| articles in window | p50 | "
        "p99 | max | total s | clusters | bytes/article | peak RSS MB "
        "|\n|---|---|---|---|---|---|---|---|\n");
    online(base, online_n, threads);
  }
}
