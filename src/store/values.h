// How the store encodes values that SQL has no column type for, the same way in every
// backend: string lists as JSON arrays (paragraphs, warnings, a story's sources and article
// ids), and the words of a full-text query.
#pragma once

#include <string>
#include <vector>

namespace recoupe::store {

// `values` as a JSON array; invalid UTF-8 replaced, never an exception.
std::string json_list(const std::vector<std::string>& values);
// The strings of a JSON array; anything else (or a non-string item) gives nothing.
std::vector<std::string> parse_list(const std::string& text);

// The words of a full-text filter (StoryFilter::query): its whitespace-separated parts, each
// one taken literally (every word must occur; no query syntax).
std::vector<std::string> query_words(const std::string& text);

}  // namespace recoupe::store
