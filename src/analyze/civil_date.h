// Proleptic Gregorian calendar arithmetic for date resolution (no time zones).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recoupe::analyze {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 (negative before). Cost: constant.
long days_from_civil(const CivilDate& d);
CivilDate civil_from_days(long days);
// 0 = Monday … 6 = Sunday.
int weekday_of(const CivilDate& d);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);
// "YYYY-MM-DD" at the start of `iso` (a date-time is accepted); nullopt otherwise.
std::optional<CivilDate> parse_iso_date(std::string_view iso);
// "2023-09-13".
std::string format_iso(const CivilDate& d);

}  // namespace recoupe::analyze
