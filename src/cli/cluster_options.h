// Options shared by the commands that group articles: --config FILE, --data DIR, --threads N.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/args.h"
#include "cluster/cluster_config.h"
#include "engine/batch.h"
#include "text/data_dir.h"

namespace recoupe::cli {

// Fills `options` from the arguments; prints the reason and returns false on a bad value.
inline bool read_batch_options(const Args& args, const char* command,
                               engine::BatchOptions& options) {
  if (auto path = args.get("--config")) {
    auto config = cluster::load_cluster_config(*path);
    if (!config) {
      std::fprintf(stderr, "recoupe %s: %s\n", command, config.error().to_string().c_str());
      return false;
    }
    options.config = *config;
  }
  options.data_dir = text::find_data_dir(args.get("--data").value_or(""));
  if (auto t = args.get("--threads"))
    options.threads = unsigned(std::strtoul(t->c_str(), nullptr, 10));
  return true;
}

}  // namespace recoupe::cli
