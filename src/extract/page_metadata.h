// Metadata found on a page or in a scraped text, before the given fields override it.
#pragma once

#include <optional>
#include <string>

namespace recoupe::extract {

// Every field is empty when not found: better no date than a wrong one.
struct PageMetadata {
  std::optional<std::string> title;
  std::optional<std::string> source;     // outlet name or host
  std::optional<std::string> published;  // ISO 8601
  std::optional<std::string> author;
  std::optional<std::string> agency;    // AFP, Reuters, AP, TASS…
  std::optional<std::string> url;       // canonical URL
  std::optional<std::string> language;  // declared language (<html lang>), a hint only
};

}  // namespace recoupe::extract
