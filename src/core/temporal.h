// DateMention: a date written in an article, resolved to an ISO 8601 value.
#pragma once

#include <cstddef>
#include <string>

namespace recoupe {

// How much of the date is known. kWeek: a calendar week ("la semaine dernière"), whose value
// is the ISO date of its Monday.
enum class DatePrecision { kDay, kWeek, kMonth, kYear };

inline const char* to_string(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

// One date expression. `text` is `article.text.substr(begin, end - begin)`.
// `value` is ISO 8601 at the given precision: "2023-09-13" (day, week), "2023-09" (month),
// "2023" (year); when a part could not be resolved (a relative date or a yearless "13
// septembre" without any reference date) the unknown part is written with X: "XXXX-09-13",
// or `value` is empty for a relative date with no reference at all.
// `relative` is true when the value needed the reference date (weekday, "hier", a date
// without year); `anchor` is then that reference date ("2023-09-13"), else empty.
// `time_of_day` is the normalized part of day written with the date ("morning", "evening"…),
// empty when none.
// `weekday` is the weekday written with an absolute day ("mercredi 2 juillet", "Wednesday,
// July 2"), 0 Monday … 6 Sunday; -1 when none is written (a bare weekday such as "mercredi"
// is a relative date: its value is the resolved day and `weekday` stays -1). With a year-less
// day it narrows the year down to a few candidates (synth/event_date.h).
// `since` is true when the date is written after "depuis", "since", "seit" (the `since` words
// of data/<lang>/relative_dates.txt): it dates the start of a state the text reports as still
// lasting ("incarcéré depuis le 8 février"), so the text tells something later.
struct DateMention {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
  std::string value;
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;
  std::string anchor;
  std::string time_of_day;
  int weekday = -1;
  bool since = false;
};

}  // namespace recoupe
