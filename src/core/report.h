// Report: everything one `recoupe report` run tells its reader, as a plain value: the
// articles read and the stories they form, each story with its cross-check. Field for field
// the report document of docs/formats.md ("Report"); report/report_json.h writes and reads
// that document, report/build_report.h builds the value from the stages' outputs, and the
// text and HTML views render it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cross_check.h"

namespace recoupe {

// One input article as the report lists it. An empty optional is "unknown" (JSON null).
struct ReportArticle {
  std::string id;
  std::string file;
  std::optional<std::string> source;
  std::optional<std::string> url;  // where the article was published, when known
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::optional<std::string> language;
  int words = 0;
  std::optional<std::string> duplicate_of;  // id of the article this one reprints
  std::optional<std::string> text;          // cleaned text; only when asked (--with-text)
};

// One story. The grouping fields come first; the cross-check sections follow when the
// story was cross-checked (`cross_checked`; false with --no-cross-check, and the document
// then leaves the sections out). Sections reuse the element types of core/cross_check.h.
struct ReportStory {
  std::string id;
  std::optional<std::string> title;  // the cross-check's neutral title when checked
  std::optional<std::string> language;
  std::optional<std::string> event_date;  // YYYY-MM-DD, or XXXX-MM-DD without the year
  std::vector<std::string> articles;      // article ids, the story's order
  std::vector<std::string> sources;       // distinct outlets, in order of first article

  bool cross_checked = false;
  std::vector<SummarySentence> summary;
  std::vector<CorroboratedClaim> corroborated;
  std::vector<SingleSourceClaim> single_source;
  std::vector<Disagreement> disagreements;
  std::vector<MergedQuote> quotes;
  std::vector<StoryEntity> entities;
  std::vector<TimelineEntry> timeline;
  std::vector<ArticleFraming> framing;
  std::vector<std::string> notices;    // what the cross-check left out (CrossCheck::notices)
  std::map<std::string, size_t> more;  // items past a section's limit (CrossCheck::more)
};

// Stories are ranked, most important first; articles are in input order.
struct Report {
  std::vector<ReportArticle> articles;
  std::vector<ReportStory> stories;
};

}  // namespace recoupe
