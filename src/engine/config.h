// Config: every tuning number of every stage, one section per stage, with one JSON loader.
// `recoupe config --defaults` prints it; docs/config.md documents every key.
#pragma once

#include <string>
#include <string_view>

#include "analyze/quotes.h"
#include "cluster/cluster_config.h"
#include "core/expected.h"
#include "extract/extractor.h"
#include "feeds/watch_config.h"
#include "fetch/fetch_config.h"
#include "ingest/reader.h"
#include "server/serve_config.h"
#include "synth/synth_config.h"

namespace recoupe::engine {

// Plain values with their defaults (each field's unit and reason are documented where the
// section's struct is declared). Copyable; a Pipeline keeps its own copy.
struct Config {
  // Worker threads of the parallel steps (extraction, features, refinement, cross-check);
  // 0: all cores. Results are the same for any count.
  unsigned threads = 0;
  ingest::ReadLimits ingest;       // input size and depth limits
  extract::ExtractConfig extract;  // "html" (content selection) and "text" (line classifier)
  analyze::QuoteConfig quotes;     // section "analyze": {"quotes": {...}}
  cluster::ClusterConfig cluster;  // near-duplicates and event clustering
  synth::SynthConfig synth;        // the cross-check: claims, summary, quotes, timeline, framing
  fetch::FetchConfig fetch;        // the web fetcher: politeness, limits, retries
  feeds::WatchConfig watch;        // recoupe watch / serve --sources: rounds and their sizes
  server::ServeConfig serve;       // recoupe serve: POSTs stored together (group commit)
};

// Reads a JSON object over the defaults: any subset of the sections and keys that
// config_json() prints. An unknown key, a wrong type, a negative count or a value out of its
// range is an Error naming `where` and the key ("cluster.join_threshold must be a number").
Expected<Config> parse_config(std::string_view json_text, const std::string& where = "config");
// The same from a file; an unreadable file is an Error naming it.
Expected<Config> load_config(const std::string& path);

// Every key with its value, sections in pipeline order, as indented JSON: the input format of
// parse_config (a round trip gives the same Config).
std::string config_json(const Config& config);

}  // namespace recoupe::engine
