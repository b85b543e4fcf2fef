// One entry to the three views of a Report: the JSON document (report/report_json.h), the
// terminal text (report/text_view.h) and the HTML page (report/html_view.h), chosen by a
// value, so that every front end (the CLI, a service) renders a report the same way.
//
// Use from the CLI:
//   auto format = report::parse_view_format(args.get("--format").value_or("text"));
//   report::ViewChoice view = report::view_for_output(*format, lang, color_mode, to_stdout);
//   out << report::render(report, view);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/report.h"
#include "report/terminal.h"

namespace recoupe::report {

enum class ViewFormat { kText, kJson, kHtml };

// "text" | "json" | "html"; nullopt for anything else.
std::optional<ViewFormat> parse_view_format(std::string_view text);

struct ViewChoice {
  ViewFormat format = ViewFormat::kText;
  // Label language of the text and HTML views ("en", "fr"; view_labels.h); "" → the
  // report's own language (report_language), English when it has none of the labels'.
  std::string lang;
  int width = 100;     // text view: columns
  bool color = false;  // text view: ANSI colours
};

// The view for a command that writes to stdout (`to_stdout`) or to a file: on stdout, the
// terminal's width when stdout is a terminal (else 100) and colours as `color` decides
// (report/terminal.h); in a file, width 100 and colours only for ColorMode::kAlways. Reads
// the terminal and the environment (terminal.h); thread-safe.
ViewChoice view_for_output(ViewFormat format, std::string lang, ColorMode color, bool to_stdout);

// The whole report in the chosen view: to_json_text, render_text or render_html, each
// ending as those do. Pure; cost linear in the report; thread-safe.
std::string render(const Report& report, const ViewChoice& view);

}  // namespace recoupe::report
