// JSON of a story's cross-check, with the field names of formats.md.
#pragma once

#include <nlohmann/json.hpp>

#include "core/cross_check.h"

namespace recoupe::report {

// Adds the cross-check fields to `story` (a story object that already holds id, language,
// articles, sources…): "title" and "event_date" (null when empty) are set, then "summary",
// "corroborated", "single_source", "disagreements", "quotes", "entities", "timeline",
// "framing" in formats.md order. Additive fields: corroborated[].outlets,
// single_source[].articles, disagreements[].kind, quotes[].kind, quotes[].variants (only
// when several wordings), timeline[].precision. Pure.
void add_cross_check(const CrossCheck& cc, nlohmann::ordered_json& story);

// The same fields as a new object.
nlohmann::ordered_json cross_check_json(const CrossCheck& cc);

}  // namespace recoupe::report
