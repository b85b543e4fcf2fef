#include "text/split.h"

namespace recoupe::text {

std::vector<std::string> split_non_empty(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split_variants(std::string_view line) {
  std::vector<std::string> out;
  for (const std::string& part : split_non_empty(line, '|')) {
    const size_t first = part.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    out.push_back(part.substr(first, part.find_last_not_of(' ') + 1 - first));
  }
  return out;
}

}  // namespace recoupe::text
