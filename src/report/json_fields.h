// Tolerant reads of a report document (formats.md, "Report"). The views must render any
// report, including one from an older or newer engine or a hand-edited file: a missing
// field, a null, or a value of the wrong type reads as empty instead of throwing.
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace recoupe::report {

using Json = nlohmann::ordered_json;

// obj[key] as text: a string as is, a number or boolean printed, anything else (missing,
// null, object, array) "". `obj` need not be an object.
std::string field_text(const Json& obj, std::string_view key);

// obj[key] when it is an array, else an empty array (never throws).
const Json& field_list(const Json& obj, std::string_view key);

// obj[key] as a count: an integer >= 0, or the size of an array; else nullopt.
std::optional<long long> field_count(const Json& obj, std::string_view key);

// Article ids held by `value`: an array of strings/numbers, or one string/number.
std::vector<std::string> ids_in(const Json& value);

// Strings held by obj[key] (an array of strings/numbers, or one string), empty ones dropped.
std::vector<std::string> field_strings(const Json& obj, std::string_view key);

}  // namespace recoupe::report
