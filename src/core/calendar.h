// Calendar: the one proleptic Gregorian calendar of the engine (no time zones, no clock).
//
// Every stage that turns a written date into a value, compares two dates or counts days
// uses these functions: extraction (date lines, HTML metadata), analysis (relative dates),
// clustering (publication time) and synthesis (timeline weeks). Header-only and constexpr;
// every function is pure, constant time and thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace recoupe {

// A day of the calendar as written, with no time of day. Not validated by construction:
// use is_valid_date() on values read from outside.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend constexpr bool operator==(const CivilDate&, const CivilDate&) = default;
};

constexpr bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Days in `month` of `year`; 0 for a month outside 1..12.
constexpr int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// A real day of years 1..9999 (the range ISO dates can write with four digits).
constexpr bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

// Days since 1970-01-01 (negative before), for any year. Howard Hinnant's days_from_civil
// (public-domain algorithm).
constexpr int64_t days_from_civil(const CivilDate& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (d.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The inverse of days_from_civil.
constexpr CivilDate civil_from_days(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

// Day of the week counted from Monday: 0 = Monday … 6 = Sunday.
constexpr int days_since_monday(const CivilDate& d) {
  int64_t days = days_from_civil(d);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
}

// ISO 8601 weekday number: 1 = Monday … 7 = Sunday.
constexpr int iso_weekday(const CivilDate& d) { return days_since_monday(d) + 1; }

// "YYYY-MM-DD" at the start of `iso` (a date-time such as "2023-09-13T08:00:00Z" is
// accepted, a longer number such as "2023-09-130" is not); nullopt when absent or not a
// valid date.
constexpr std::optional<CivilDate> parse_iso_date(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 0 || d < 0 || !is_valid_date(y, m, d)) return std::nullopt;
  if (s.size() > 10 && s[10] >= '0' && s[10] <= '9') return std::nullopt;
  return CivilDate{y, m, d};
}

// When an article was published, as read from an ISO 8601 date or date-time.
struct PublicationTime {
  CivilDate date;        // the day as written (the writer's own calendar day)
  int64_t utc_hour = 0;  // hours since 1970-01-01T00:00Z; noon of `date` when no hour is given
};

// Parses "2023-09-13" (hour unknown: noon that day, so that two articles of one day are at
// most 12 h from it) or "2023-09-13T10:30:00+02:00" / "2023-09-13 10:30" (the hour, moved to
// UTC by an offset of at most 14 h written after it; minutes are ignored: clustering works
// in hours). nullopt when the text does not start with a valid date (parse_iso_date).
constexpr std::optional<PublicationTime> parse_publication_time(std::string_view s) {
  std::optional<CivilDate> date = parse_iso_date(s);
  if (!date) return std::nullopt;
  auto two_digits = [&](size_t at) {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9')
      return -1;
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
  };
  int hour = 12;
  if (s.size() >= 13 && (s[10] == 'T' || s[10] == ' ')) {
    int written = two_digits(11);
    if (written >= 0 && written < 24) {
      hour = written;
      size_t sign = s.find_first_of("+-", 13);
      int offset = sign == std::string_view::npos ? -1 : two_digits(sign + 1);
      if (offset >= 0 && offset <= 14) hour -= s[sign] == '+' ? offset : -offset;
    }
  }
  return PublicationTime{*date, days_from_civil(*date) * 24 + hour};
}

// Whether all of `s` is an ISO 8601 date or date-time the engine understands: "YYYY-MM-DD",
// optionally followed by 'T' or ' ', "hh", ":mm", ":ss", a fraction (".123") and a zone
// ("Z", "+02", "+02:00", "-0530"): hour 0..23, minute 0..59, second 0..60, zone offset at
// most 14 h. parse_publication_time reads more leniently (it ignores a time it cannot
// read); this says whether the text may be shown as it is.
constexpr bool is_iso_date_time(std::string_view s) {
  if (!parse_iso_date(s)) return false;
  if (s.size() == 10) return true;
  auto digits = [&](size_t at, int max) {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9')
      return false;
    return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
  };
  if ((s[10] != 'T' && s[10] != ' ') || !digits(11, 23)) return false;
  size_t at = 13;
  if (at < s.size() && s[at] == ':') {
    if (!digits(at + 1, 59)) return false;
    at += 3;
    if (at < s.size() && s[at] == ':') {
      if (!digits(at + 1, 60)) return false;
      at += 3;
      if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
        size_t first = ++at;
        while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
        if (at == first) return false;
      }
    }
  }
  if (at == s.size()) return true;
  if (s[at] == 'Z' || s[at] == 'z') return at + 1 == s.size();
  if (s[at] != '+' && s[at] != '-') return false;
  if (!digits(at + 1, 14)) return false;
  at += 3;
  if (at == s.size()) return true;
  if (s[at] == ':') ++at;
  return digits(at, 59) && at + 2 == s.size();
}

// "2023-09-13" (years are zero-padded to four digits).
inline std::string format_iso(const CivilDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace recoupe
