#include "cluster/cluster_config.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace recoupe::cluster {
namespace {

// One table drives parsing and printing so that a new field cannot be forgotten in one.
template <class F>
void for_each_field(ClusterConfig& c, F&& f) {
  f("idf_offset", c.idf_offset);
  f("idf_prior_documents", c.idf_prior_documents);
  f("centroid_body_terms", c.centroid_body_terms);
  f("centroid_title_terms", c.centroid_title_terms);
  f("centroid_entity_terms", c.centroid_entity_terms);
  f("centroid_number_terms", c.centroid_number_terms);
  f("weight_title", c.weight_title);
  f("weight_body", c.weight_body);
  f("weight_entities", c.weight_entities);
  f("weight_numbers", c.weight_numbers);
  f("linkage_exponent", c.linkage_exponent);
  f("time_sigma_hours", c.time_sigma_hours);
  f("weight_time", c.weight_time);
  f("join_threshold", c.join_threshold);
  f("merge_threshold", c.merge_threshold);
  f("relative_threshold", c.relative_threshold);
  f("prior_coherence", c.prior_coherence);
  f("prior_coherence_pairs", c.prior_coherence_pairs);
  f("reassign_margin", c.reassign_margin);
  f("orphan_relative_threshold", c.orphan_relative_threshold);
  f("orphan_dominance", c.orphan_dominance);
  f("orphan_max_articles", c.orphan_max_articles);
  f("orphan_min_target", c.orphan_min_target);
  f("refine_rounds", c.refine_rounds);
  f("split_threshold", c.split_threshold);
  f("duplicate_jaccard", c.duplicate_jaccard);
  f("lsh_bands", c.lsh_bands);
  f("lsh_rows", c.lsh_rows);
  f("window_hours", c.window_hours);
  f("index_terms", c.index_terms);
  f("query_terms", c.query_terms);
  f("max_candidates", c.max_candidates);
  f("max_postings_per_term", c.max_postings_per_term);
}

}  // namespace

Expected<ClusterConfig> parse_cluster_config(const std::string& text, const std::string& where) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Error{where, "not a JSON object"};
  ClusterConfig c;
  std::string error;
  size_t known = 0;
  for_each_field(c, [&](const char* name, auto& field) {
    if (!j.contains(name) || !error.empty()) return;
    ++known;
    const auto& v = j[name];
    using T = std::decay_t<decltype(field)>;
    if (!v.is_number() || (std::is_integral_v<T> && !v.is_number_integer()) ||
        (std::is_unsigned_v<T> && v.get<double>() < 0)) {
      error = std::string(name) + " must be a " +
              (std::is_integral_v<T> ? "non-negative integer" : "number");
      return;
    }
    field = v.get<T>();
  });
  if (!error.empty()) return Error{where, error};
  if (known != j.size()) {
    for (const auto& item : j.items()) {
      // A plain variable: clang 14 cannot capture a structured binding in a lambda.
      const std::string key = item.key();
      bool found = false;
      for_each_field(c, [&](const char* name, auto&) { found |= key == name; });
      if (!found) return Error{where, "unknown key " + key};
    }
  }
  if (c.lsh_bands <= 0 || c.lsh_rows <= 0 || c.lsh_bands * c.lsh_rows > 112)
    return Error{where, "lsh_bands × lsh_rows must be in 1..112"};
  if (c.time_sigma_hours <= 0) return Error{where, "time_sigma_hours must be > 0"};
  return c;
}

double pair_bar(const ClusterConfig& c) {
  return std::max(c.join_threshold, c.relative_threshold * c.prior_coherence);
}

Expected<ClusterConfig> load_cluster_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, "cannot read"};
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_cluster_config(ss.str(), path);
}

std::string cluster_config_json(const ClusterConfig& config) {
  ClusterConfig c = config;
  nlohmann::ordered_json j;
  for_each_field(c, [&](const char* name, auto& field) { j[name] = field; });
  return j.dump(2);
}

}  // namespace recoupe::cluster
