// Shared by the analyze tests: the language resources, loaded once from the source data/.
#pragma once

#include "analyze/analyzer.h"
#include "shipped_resources.h"

namespace recoupe::analyze {

inline const AnalysisResources& test_resources() {
  return recoupe::testing::shipped_resources().analysis();
}

}  // namespace recoupe::analyze
