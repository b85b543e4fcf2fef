// The report as one self-contained HTML page a journalist can send to a colleague:
// stylesheet and a tiny print helper script are inlined (web/report.css, web/report.js,
// embedded at build time); no external resource, no web font, no network. The page works
// with JavaScript disabled (toggles are <details>), prints cleanly and reads on a phone.
//
// Layout: a header (how many stories, articles, outlets; a table of contents when there
// are several stories), one <article> per story in the report's order (neutral title,
// date, outlets; summary; agreed by several outlets; only one outlet; where they differ,
// highlighted; who said what, as blockquotes with the speaker; entity chips with aliases
// on hover; timeline; framing; its sources), then the numbered list of articles that every citation
// [n] links to (outlet, headline, date, language, reprint note, and the full cleaned text
// in a <details> when the report has it, i.e. --with-text).
//
// Input is the Report value (core/report.h). Empty parts are left out. Fields a report
// from an older engine may lack read as empty (report/report_json.h) and are shown when
// present (quotes[].variants, quotes[].kind, disagreements[].kind, timeline[].precision;
// a corroborated claim without an outlet count shows the count of its cited outlets).
// Every string from the report is HTML-escaped (report/safe_text.h), in text and in
// attributes alike; ids in the page are generated ("s1", "a3"), never taken from the report.
// Cost: linear in the report. Pure function; thread-safe.
//
// Use from the CLI:
//   report::HtmlViewOptions view;
//   view.lang = "fr";  // labels; e.g. the language of the first story
//   out << report::render_html(report, view);
#pragma once

#include <string>

#include "core/report.h"

namespace recoupe::report {

struct HtmlViewOptions {
  std::string lang = "en";  // label language and <html lang>: "en", or "fr" (view_labels.h)
  std::string title;        // <title>; "" → the first story's title, else the report title
};

// The whole page, from <!doctype html> to </html>.
std::string render_html(const Report& report, const HtmlViewOptions& options);

}  // namespace recoupe::report
