// The report for a terminal: one block per story, in the report's order (already ranked),
// each with its neutral title, outlets and date, summary, what several outlets agree on,
// what only one says, where they differ, who said what, people/places/organisations,
// timeline, framing, and the numbered list of its articles that the [n] markers cite.
//
// Input is the Report value (core/report.h). Empty parts are left out; ids cited but not
// listed among the articles still get a number. Fields a report from an older engine may
// lack read as empty (report/report_json.h) and are shown when present: quotes[].variants,
// quotes[].kind, disagreements[].kind, timeline[].precision; a corroborated claim without
// an outlet count (0) shows the count of its cited outlets.
//
// Every string is cleaned before it is printed (report/safe_text.h: no control characters,
// no escape sequences from article text reach the terminal) and wrapped to `width`
// columns, counting display columns (CJK = 2, combining marks = 0; report/text_layout.h).
// Cost: linear in the report. Pure function; thread-safe.
//
// Use from the CLI (see report/terminal.h for --color):
//   report::TextViewOptions view;
//   view.width = report::stdout_is_tty() ? report::terminal_width() : 100;
//   view.color = report::use_color(color_mode);
//   out << report::render_text(report, view);
#pragma once

#include <string>

#include "core/report.h"

namespace recoupe::report {

struct TextViewOptions {
  int width = 100;          // columns; lines never exceed it (unless under 20 are given)
  bool color = false;       // ANSI colours and bold
  std::string lang = "en";  // label language: "en", or "fr" (report/view_labels.h)
  // Entities listed per type before "+N more": a terminal block should stay skimmable;
  // the full list is in the JSON and HTML views.
  int max_entities_per_type = 12;
};

// The whole report as terminal text, ending with '\n'.
std::string render_text(const Report& report, const TextViewOptions& options);

}  // namespace recoupe::report
