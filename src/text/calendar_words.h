// The names of months and weekdays of a language, read in one place for every component
// that needs them (dates, date lines, names, index terms, the cross-check).
#pragma once

#include <string>
#include <vector>

namespace recoupe::text {

// data/<lang>/months.txt (January first) and weekdays.txt (Monday first): one name a line,
// its written forms split by '|' as written ("monday|mon"). A language without a file has
// no names of that kind; a file of another length is read as it is (each list holds the
// lines there are), so callers index with the position and check the size.
struct CalendarWords {
  std::vector<std::vector<std::string>> months;    // months[0]: January's forms
  std::vector<std::vector<std::string>> weekdays;  // weekdays[0]: Monday's forms
};

CalendarWords read_calendar_words(const std::string& data_dir, const std::string& lang);

}  // namespace recoupe::text
