#include "eval/clustering_scores.h"

#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

namespace recoupe::eval {
namespace {
double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double pairs(double n) { return n * (n - 1) / 2; }
double round4(double x) { return std::round(x * 10000.0) / 10000.0; }
}  // namespace

ClusteringScores score_clustering(const std::vector<std::string>& gold,
                                  const std::vector<std::string>& found) {
  ClusteringScores s;
  if (gold.size() != found.size() || gold.empty()) return s;
  s.docs = gold.size();
  std::unordered_map<std::string, double> gsize, fsize;
  std::map<std::pair<std::string, std::string>, double> both;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++gsize[gold[i]];
    ++fsize[found[i]];
    ++both[{gold[i], found[i]}];
  }
  s.gold_events = gsize.size();
  s.found_events = fsize.size();
  double p = 0, r = 0, tp = 0, found_pairs = 0, gold_pairs = 0;
  for (const auto& [key, n] : both) {
    // Every one of the n items in this cell sees n items that share both its clusters.
    p += n * n / fsize[key.second];
    r += n * n / gsize[key.first];
    tp += pairs(n);
  }
  for (const auto& [k, n] : fsize) found_pairs += pairs(n);
  for (const auto& [k, n] : gsize) gold_pairs += pairs(n);
  s.bcubed_p = p / double(s.docs);
  s.bcubed_r = r / double(s.docs);
  s.bcubed_f1 = f1(s.bcubed_p, s.bcubed_r);
  s.pair_p = found_pairs > 0 ? tp / found_pairs : 1.0;
  s.pair_r = gold_pairs > 0 ? tp / gold_pairs : 1.0;
  s.pair_f1 = f1(s.pair_p, s.pair_r);
  return s;
}

std::vector<std::string> event_labels(const std::vector<Article>& articles) {
  std::vector<std::string> out;
  out.reserve(articles.size());
  // Prefixes keep an event named like an id apart from that id.
  for (const Article& a : articles) out.push_back(a.event ? "e:" + *a.event : "id:" + a.id);
  return out;
}

std::vector<std::string> story_labels(const std::vector<size_t>& story_of) {
  std::vector<std::string> out;
  out.reserve(story_of.size());
  for (size_t story : story_of) out.push_back(std::to_string(story));
  return out;
}

nlohmann::ordered_json clustering_json(const ClusteringScores& s, double seconds) {
  nlohmann::ordered_json j;
  j["docs"] = s.docs;
  j["gold_events"] = s.gold_events;
  j["found_events"] = s.found_events;
  j["bcubed_p"] = round4(s.bcubed_p);
  j["bcubed_r"] = round4(s.bcubed_r);
  j["bcubed_f1"] = round4(s.bcubed_f1);
  j["pair_p"] = round4(s.pair_p);
  j["pair_r"] = round4(s.pair_r);
  j["pair_f1"] = round4(s.pair_f1);
  j["seconds"] = std::round(seconds * 1000.0) / 1000.0;
  return j;
}

std::string clustering_text(const ClusteringScores& s, double seconds) {
  return fmt::format(
      "docs          {}\ngold_events   {}\nfound_events  {}\nbcubed_p      {:.4f}\n"
      "bcubed_r      {:.4f}\nbcubed_f1     {:.4f}\npair_p        {:.4f}\npair_r        {:.4f}\n"
      "pair_f1       {:.4f}\nseconds       {:.3f}\n",
      s.docs, s.gold_events, s.found_events, s.bcubed_p, s.bcubed_r, s.bcubed_f1, s.pair_p,
      s.pair_r, s.pair_f1, seconds);
}

}  // namespace recoupe::eval
