// libFuzzer target: arbitrary bytes as a report document → report_from_json; a report that
// reads is written, read and written again (the second text must equal the first), and
// rendered by both views.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "report/html_view.h"
#include "report/report_json.h"
#include "report/text_view.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace recoupe;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Expected<Report> report = report::report_from_json(text);
  if (!report) {
    if (report.error().message.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  const std::string once = report::to_json_text(*report);
  Expected<Report> again = report::report_from_json(once);
  if (!again || report::to_json_text(*again) != once) std::abort();
  report::TextViewOptions text_view;
  text_view.width = 40;
  (void)report::render_text(*report, text_view);
  (void)report::render_html(*report, {});
  return 0;
}
