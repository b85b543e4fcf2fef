#include "extract/text_lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::extract {
namespace {

constexpr size_t kFoldedHeadBytes = 120;  // enough for every cue and a short date line
constexpr int kDateMaxWords = 24;         // longer lines are prose, not date/byline lines

UChar32 first_code_point(std::string_view s, size_t at) {
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// The last code point of `s` and its start offset, skipping closing quotes and brackets.
UChar32 last_visible(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(p, 0, i, c);
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x00BB || c == 0x201D ||
        c == 0x2019 || c == 0x201C || c == ' ' || c == '*')
      continue;
    return c;
  }
  return 0;
}

// A cut that does not split a UTF-8 sequence.
size_t utf8_cut(std::string_view s, size_t max) {
  if (s.size() <= max) return s.size();
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return max;
}

bool looks_like_host(std::string_view w) {
  // "latribune.fr", "www.example.com": a dot followed by 2-6 ASCII letters at the end.
  size_t dot = w.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || w.size() - dot - 1 < 2 || w.size() - dot > 7)
    return false;
  for (size_t i = dot + 1; i < w.size(); ++i)
    if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z'))) return false;
  return true;
}

}  // namespace

LineFeatures features_of(std::string line, const TextCues& cues) {
  LineFeatures f;
  f.text = std::move(line);
  const std::string& s = f.text;
  f.folded = text::fold(std::string_view(s).substr(0, utf8_cut(s, kFoldedHeadBytes)));
  f.cue = cues.boilerplate(f.folded);
  f.meta = cues.metadata(f.folded);

  // Characters and standalone separator tokens.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  int lower = 0, upper = 0, open_guillemets = 0, lone_closing_guillemets = 0;
  bool first_letter_seen = false;
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    ++f.chars;
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') ++lower;
      if (c >= 'A' && c <= 'Z') ++upper;
    } else if (c == 0x00A9) {
      f.has_copyright = true;
    } else if (u_islower(c)) {
      ++lower;
    } else if (u_isupper(c)) {
      ++upper;
    }
    if (!first_letter_seen && c > 0 && u_isalpha(c)) {
      first_letter_seen = true;
      f.starts_upper = u_isupper(c);
    }
    bool alone = (start == 0 || s[start - 1] == ' ') && (i == len || s[i] == ' ');
    if (c == 0x00AB) ++open_guillemets;
    if (alone && c == 0x00BB) ++lone_closing_guillemets;  // a separator unless it closes a «
    if (alone && (c == '|' || c == '/' || c == 0x2022 || c == 0x00B7 || c == '>' ||
                  c == 0x203A || c == 0x2192))
      ++f.separators;
  }
  if (open_guillemets == 0) f.separators += lone_closing_guillemets;
  f.all_caps = upper >= 2 && lower == 0;
  if (!s.empty()) {
    UChar32 c0 = first_code_point(s, 0);
    f.starts_quote = c0 == '"' || c0 == 0x00AB || c0 == 0x201C || c0 == 0x201E || c0 == 0x2014 ||
                     c0 == 0x2013 || c0 == '\'';
    UChar32 last = last_visible(s);
    f.ends_sentence = last == '.' || last == '!' || last == '?' || last == 0x2026 || last == ';';
    f.ends_colon = last == ':';
  }

  // Words: stop words, capitalization, digits, hosts.
  std::string lowered;
  for (const text::WordSpan& w : text::word_spans(s)) {
    std::string_view word(s.data() + w.begin, w.end - w.begin);
    ++f.words;
    unsigned char b = static_cast<unsigned char>(word[0]);
    if (b >= '0' && b <= '9') {
      ++f.digits;
      continue;
    }
    if (b < 0x80 ? (b >= 'A' && b <= 'Z') : u_isupper(first_code_point(word, 0))) ++f.capitalized;
    if (!f.has_url && looks_like_host(word)) f.has_url = true;
    if (word.size() > 12) continue;  // stop words are short; skip folding long words
    bool ascii = true;
    lowered.clear();
    for (char ch : word) {
      if (static_cast<unsigned char>(ch) >= 0x80) {
        ascii = false;
        break;
      }
      lowered += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    }
    if (!ascii) lowered = text::fold(word);
    if (cues.stop_word(lowered)) ++f.stop_words;
  }
  if (!f.has_url && (s.find("http://") != std::string::npos ||
                     s.find("https://") != std::string::npos || s.find("www.") != std::string::npos))
    f.has_url = true;
  if (f.words <= kDateMaxWords || f.meta.kind != CueKind::kNone)
    f.date = find_date(std::string_view(s).substr(0, utf8_cut(s, 400)), cues.dates());
  return f;
}

std::vector<LineFeatures> line_features(std::string_view text, const TextCues& cues,
                                        size_t max_line_bytes) {
  std::vector<LineFeatures> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view raw = text.substr(start, end - start);
    raw = raw.substr(0, utf8_cut(raw, max_line_bytes));
    std::string line = text::collapse_spaces(raw);
    if (!line.empty()) out.push_back(features_of(std::move(line), cues));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace recoupe::extract
