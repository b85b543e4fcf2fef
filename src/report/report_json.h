// The report document (docs/formats.md, "Report"): writing a Report as JSON and reading it
// back. The document is the stable contract with everything outside the engine (scripts,
// the web page, older and newer engines), so the writer's output is fixed byte for byte
// and the reader refuses what it cannot represent instead of guessing.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/cross_check.h"
#include "core/expected.h"
#include "core/report.h"

namespace recoupe::report {

// {"articles": [{id, file, source, title, published, language, words, duplicate_of
// [, text]}], "stories": [{id, title, language, event_date, articles, sources [, summary,
// corroborated, single_source, disagreements, quotes, entities, timeline, framing]}]}:
// unknown values are null; the cross-check sections are written for a cross_checked story
// only; quotes[].variants only when not empty; "speaker" and "headline" are null when
// empty. Pure; cost linear in the report.
nlohmann::ordered_json to_json(const Report& report);

// to_json(report) as text, as `recoupe report --format json` prints it: two-space indent,
// invalid UTF-8 replaced by U+FFFD, ending with '\n'.
std::string to_json_text(const Report& report);

// One cross-check alone: {"title", "event_date" (null when empty), then the eight
// sections as in a story}. For tools that look at one story (bench/synth_bench).
nlohmann::ordered_json to_json(const CrossCheck& cc);

// The Report held by a report document. Every field the writer always writes must be
// there with its type (strings may be null where the writer writes null); fields the
// engine added later are optional and read as empty when absent (corroborated[].outlets →
// 0, single_source[].articles, disagreements[].kind, quotes[].kind, quotes[].variants,
// timeline[].precision); a story has either all eight cross-check sections or none;
// unknown fields are ignored. For any document the writer produced,
// to_json_text(report_from_json(text)) == text.
// Failure: an Error whose `where` names the field ("stories[0].quotes[3].speaker") and
// whose message says what was expected; not JSON, or nested deeper than any report
// (64 levels, refused before parsing), is an error too. Never throws. Thread-safe.
Expected<Report> report_from_json(std::string_view text);

}  // namespace recoupe::report
