#include "report/safe_text.h"

#include <unicode/utf8.h>

namespace recoupe::report {
namespace {

bool is_bidi_control(UChar32 c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string clean_text(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    if (c == '\r') {
      if (i < n && s[i] == '\n') ++i;
      c = '\n';
    }
    if (c == '\n') {
      out += keep_newlines ? '\n' : ' ';
      continue;
    }
    if (c == '\t') {
      out += ' ';
      continue;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || is_bidi_control(c)) continue;
    if (c == 0xBB && !out.empty() && out.back() == ' ') {  // "x »" → "x\u00A0»"
      out.pop_back();
      out += "\u00A0";
    }
    out.append(text.data() + start, static_cast<size_t>(i - start));
    if (c == 0xAB && i < n && s[i] == ' ') {  // "« x" → "«\u00A0x"
      out += "\u00A0";
      ++i;
    }
  }
  return out;
}

std::string html_escape(std::string_view text, bool keep_newlines) {
  const std::string clean = clean_text(text, keep_newlines);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char ch : clean) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

}  // namespace recoupe::report
