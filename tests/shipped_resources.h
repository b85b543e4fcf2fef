// The shipped data/ loaded once for a whole test, benchmark or fuzz binary, and a Pipeline
// over it. Those binaries may share one instance; src/ may not (there, Resources are passed
// in explicitly).
#pragma once

#include <cstdio>
#include <cstdlib>

#include "engine/pipeline.h"
#include "engine/resources.h"
#include "text/data_dir.h"

namespace recoupe::testing {

// text::find_data_dir() loaded on first use; exits with status 3 and the error when the data
// folder is missing or incomplete (no test can mean anything without it).
inline const engine::Resources& shipped_resources() {
  static const engine::Resources* r = [] {
    auto loaded = engine::Resources::load(text::find_data_dir());
    if (!loaded) {
      std::fprintf(stderr, "%s\n", loaded.error().to_string().c_str());
      std::exit(3);
    }
    return new engine::Resources(std::move(*loaded));
  }();
  return *r;
}

inline engine::Pipeline shipped_pipeline(engine::Config config = {}) {
  return engine::Pipeline(shipped_resources(), std::move(config));
}

}  // namespace recoupe::testing
