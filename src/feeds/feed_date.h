// Feed dates as the engine reads them: RSS writes RFC 822 ("Wed, 13 Sep 2023 09:30:00 +0200"),
// Atom, JSON Feed and sitemaps ISO 8601; the engine takes ISO 8601 only (core/calendar.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recoupe::feeds {

// "Wed, 13 Sep 2023 09:30:00 +0200" → "2023-09-13T09:30:00+02:00" (day name optional,
// seconds optional, zone "+hhmm", "GMT", "UT", "Z" or "EST"… North-American names); a text
// that is already an ISO 8601 date is returned as is. nullopt for anything else. Pure.
std::optional<std::string> feed_date_to_iso(std::string_view text);

}  // namespace recoupe::feeds
