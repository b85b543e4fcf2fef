#include "report/analysis_text.h"

#include <sstream>

#include <fmt/format.h>

namespace recoupe::report {

std::string analysis_to_text(const ArticleAnalysis& a) {
  std::ostringstream out;
  out << "── " << a.article_id << " (" << a.language << ", reference "
      << a.reference_date.value_or("none") << ")\n";
  out << a.sentences.size() << " sentences\n";
  out << "dates:\n";
  for (const auto& d : a.dates)
    out << fmt::format("  {:<28} {:<12} {}{}{}\n", d.text, d.value.empty() ? "?" : d.value,
                       to_string(d.precision), d.relative ? " relative" : "",
                       d.time_of_day.empty() ? "" : " " + d.time_of_day);
  out << "quantities:\n";
  for (const auto& q : a.quantities)
    out << fmt::format("  {:<28} {:g} {} ({})\n", q.text, q.value, q.unit,
                       to_string(q.approximation));
  out << "quotes:\n";
  for (const auto& q : a.quotes)
    out << fmt::format(
        "  [{}] {} — « {} »{}\n", to_string(q.kind), q.speaker.empty() ? "?" : q.speaker, q.text,
        q.via.empty() ? "" : " (" + q.via + (q.verb.empty() ? "" : ": " + q.verb) + ")");
  out << "\n";
  return out.str();
}

}  // namespace recoupe::report
