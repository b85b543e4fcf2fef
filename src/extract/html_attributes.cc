#include "extract/html_attributes.h"

#include <algorithm>
#include <cctype>

namespace recoupe::extract {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool is_raw_text(std::string_view name) {
  static constexpr std::string_view kRaw[] = {"script", "style",  "textarea", "title",
                                              "xmp",    "iframe", "noembed",  "noframes"};
  for (std::string_view r : kRaw) {
    if (r.size() != name.size()) continue;
    bool same = true;
    for (size_t k = 0; k < r.size() && same; ++k) same = lower(name[k]) == r[k];
    if (same) return true;
  }
  return false;
}

// Position of the next "</name" (any case) from `from`, or npos.
size_t find_end_tag(std::string_view html, std::string_view name, size_t from) {
  for (size_t lt = html.find("</", from); lt != std::string_view::npos;
       lt = html.find("</", lt + 2)) {
    if (lt + 2 + name.size() > html.size()) return std::string_view::npos;
    bool same = true;
    for (size_t k = 0; k < name.size() && same; ++k)
      same = lower(html[lt + 2 + k]) == lower(name[k]);
    if (same) return lt;
  }
  return std::string_view::npos;
}

}  // namespace

bool bound_html_attributes(std::string_view html, size_t max_attributes, std::string* out) {
  const size_t n = html.size();
  bool changed = false;
  size_t copied = 0;  // html[copied, …) not yet appended to *out
  size_t i = 0;
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(html[lt + 1]))) {
      i = lt + 1;
      continue;
    }
    size_t j = lt + 1;
    while (j < n && !is_space(html[j]) && html[j] != '>' && html[j] != '/') ++j;
    const std::string_view name = html.substr(lt + 1, j - lt - 1);
    size_t attributes = 0;
    size_t cut = max_attributes == 0 ? j : std::string_view::npos;  // end of the last one kept
    while (j < n && html[j] != '>') {
      if (is_space(html[j]) || html[j] == '/') {
        ++j;
        continue;
      }
      // An attribute: a name, then maybe '=' and a value.
      size_t start = j;
      while (j < n && !is_space(html[j]) && html[j] != '>' && html[j] != '=' && html[j] != '/') ++j;
      if (j == start) ++j;  // a stray '=': one character of junk
      size_t k = j;
      while (k < n && is_space(html[k])) ++k;
      if (k < n && html[k] == '=') {
        j = k + 1;
        while (j < n && is_space(html[j])) ++j;
        if (j < n && (html[j] == '"' || html[j] == '\'')) {
          size_t q = html.find(html[j], j + 1);
          j = q == std::string_view::npos ? n : q + 1;
        } else {
          while (j < n && !is_space(html[j]) && html[j] != '>') ++j;
        }
      }
      if (++attributes == max_attributes) cut = j;
    }
    // html[j] is the tag's '>' (or j == n: the page ends inside the tag).
    if (attributes > max_attributes) {
      if (!changed) out->reserve(n);
      changed = true;
      out->append(html.data() + copied, cut - copied);
      copied = std::min(j, n);
    }
    i = j + 1;
    if (j < n && is_raw_text(name)) {
      size_t close = find_end_tag(html, name, i);
      if (close == std::string_view::npos) break;
      i = close;
    }
  }
  if (changed) out->append(html.data() + copied, n - copied);
  return changed;
}

}  // namespace recoupe::extract
