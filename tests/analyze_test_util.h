// Shared by the analyze tests: the language resources, loaded once from the source data/.
#pragma once

#include "analyze/analyzer.h"

namespace recoupe::analyze {

inline const AnalysisResources& test_resources() {
  static const AnalysisResources r = AnalysisResources::load();
  return r;
}

}  // namespace recoupe::analyze
