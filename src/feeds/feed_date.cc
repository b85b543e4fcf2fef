#include "feeds/feed_date.h"

#include <array>
#include <cstdio>
#include <sstream>

#include "core/calendar.h"

namespace recoupe::feeds {

std::optional<std::string> feed_date_to_iso(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (is_iso_date_time(text)) return std::string(text);
  if (auto comma = text.find(','); comma != std::string_view::npos && comma < 10)
    text.remove_prefix(comma + 1);  // the day name
  std::istringstream in{std::string(text)};
  int day = 0, year = 0;
  std::string month_name, time, zone;
  if (!(in >> day >> month_name >> year)) return std::nullopt;
  in >> time >> zone;
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  int month = 0;
  std::string m = month_name.substr(0, 3);
  for (char& c : m) c = char(c | 0x20);
  for (int i = 0; i < 12; ++i)
    if (m == kMonths[i]) month = i + 1;
  if (year < 100) year += year < 50 ? 2000 : 1900;  // RFC 822's two-digit years
  char date[48];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  if (month == 0 || !parse_iso_date(date)) return std::nullopt;
  int hh = 0, mm = 0, ss = 0;
  if (time.empty() || std::sscanf(time.c_str(), "%d:%d:%d", &hh, &mm, &ss) < 2 || hh > 23 ||
      mm > 59 || ss > 60)
    return std::string(date);
  std::string offset;
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-'))
    offset = zone.substr(0, 3) + ":" + zone.substr(3);
  else if (zone == "GMT" || zone == "UT" || zone == "UTC" || zone == "Z")
    offset = "Z";
  else if (zone == "EST" || zone == "CDT")
    offset = "-05:00";
  else if (zone == "EDT")
    offset = "-04:00";
  else if (zone == "CST" || zone == "MDT")
    offset = "-06:00";
  else if (zone == "MST" || zone == "PDT")
    offset = "-07:00";
  else if (zone == "PST")
    offset = "-08:00";
  char out[96];
  std::snprintf(out, sizeof out, "%sT%02d:%02d:%02d%s", date, hh, mm, ss, offset.c_str());
  return is_iso_date_time(out) ? std::optional<std::string>(out) : std::string(date);
}

}  // namespace recoupe::feeds
