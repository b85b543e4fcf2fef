// Readable text form of an ArticleAnalysis, as `recoupe analyze --format text` prints it.
#pragma once

#include <string>

#include "core/analysis.h"

namespace recoupe::report {

// "── ID (LANGUAGE, reference DATE|none)\n", the sentence count, then one line per date
// (text, value or "?", precision, "relative", time of day), per quantity (text, value,
// unit, approximation) and per quote ([kind] speaker or "?" — « text » (via: verb)), and a
// blank line. Pure; thread-safe.
std::string analysis_to_text(const ArticleAnalysis& a);

}  // namespace recoupe::report
