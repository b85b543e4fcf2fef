// Splitting a line on one separator character: server lists, tab-separated data rows,
// "a|b|c" variant lists.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recoupe::text {

// The non-empty parts of `text` between `separator`s, as they are (not trimmed):
// "a,,b," → {"a", "b"}.
std::vector<std::string> split_non_empty(std::string_view text, char separator);

// The written forms of one entry of a data list, "a|b|c": its parts between '|', spaces
// trimmed, empty ones left out: "lundi | lun|" → {"lundi", "lun"}.
std::vector<std::string> split_variants(std::string_view line);

}  // namespace recoupe::text
