// JSON form of an ArticleAnalysis (the output of `recoupe analyze`).
#pragma once

#include <nlohmann/json.hpp>

#include "core/analysis.h"

namespace recoupe::report {

// {"id", "language", "reference_date" (null when none),
//  "sentences": [{"text", "begin", "end", "paragraph"}],
//  "dates": [{"text", "begin", "end", "value", "precision", "relative", "anchor"?,
//             "time_of_day"?}],
//  "quantities": [{"text", "begin", "end", "value", "unit", "approximation"}],
//  "quotes": [{"text", "begin", "end", "kind", "speaker" (null when unknown),
//              "speaker_begin"?, "speaker_end"?, "verb"?, "via"?}]}
// Offsets are UTF-8 byte offsets into the article text. `with_sentences` false leaves out
// the sentence list (the text view and golden files do not need it).
nlohmann::ordered_json analysis_to_json(const ArticleAnalysis& a, bool with_sentences = true);

}  // namespace recoupe::report
