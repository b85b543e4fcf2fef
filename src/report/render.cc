#include "report/render.h"

#include "report/html_view.h"
#include "report/report_json.h"
#include "report/text_view.h"
#include "report/view_labels.h"

namespace recoupe::report {

std::optional<ViewFormat> parse_view_format(std::string_view text) {
  if (text == "text") return ViewFormat::kText;
  if (text == "json") return ViewFormat::kJson;
  if (text == "html") return ViewFormat::kHtml;
  return std::nullopt;
}

ViewChoice view_for_output(ViewFormat format, std::string lang, ColorMode color, bool to_stdout) {
  ViewChoice view;
  view.format = format;
  view.lang = std::move(lang);
  view.width = to_stdout && stdout_is_tty() ? terminal_width() : 100;
  view.color = to_stdout ? use_color(color) : color == ColorMode::kAlways;
  return view;
}

std::string render(const Report& report, const ViewChoice& view) {
  const std::string lang = view.lang.empty() ? report_language(report) : view.lang;
  switch (view.format) {
    case ViewFormat::kJson:
      return to_json_text(report);
    case ViewFormat::kText: {
      TextViewOptions options;
      options.width = view.width;
      options.color = view.color;
      options.lang = lang;
      return render_text(report, options);
    }
    case ViewFormat::kHtml: {
      HtmlViewOptions options;
      options.lang = lang;
      return render_html(report, options);
    }
  }
  return {};
}

}  // namespace recoupe::report
