#include "extract/text_lines.h"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"
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

// text::collapse_spaces for the spaces scraped text has (ASCII, U+00A0, U+2000..U+200B,
// U+202F, U+205F, U+3000, U+FEFF), without decoding every code point.
std::string collapse(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool pending = false;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t run = 0;  // start of the pending run of non-space bytes
  auto flush = [&](size_t end) {
    if (end > run) {
      if (pending) out += ' ';
      out.append(in.data() + run, end - run);
      pending = false;
    }
  };
  for (size_t i = 0; i < n;) {
    unsigned char b = p[i];
    size_t space = 0;
    if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v') {
      space = 1;
    } else if (b < 0xC2) {
      ++i;
      continue;
    } else if (b == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
      space = 2;
    } else if (b == 0xE2 && i + 2 < n &&
               ((p[i + 1] == 0x80 && (p[i + 2] <= 0x8B || p[i + 2] == 0xAF)) ||
                (p[i + 1] == 0x81 && p[i + 2] == 0x9F))) {
      space = 3;
    } else if ((b == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) ||
               (b == 0xEF && i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF)) {
      space = 3;
    }
    if (!space) {
      ++i;
      continue;
    }
    flush(i);
    if (!out.empty()) pending = true;
    i += space;
    run = i;
  }
  flush(n);
  return out;
}

// One pass over the bytes of a line: characters, case, separators and words, counted into
// its LineFeatures. ASCII is handled inline; other code points are decoded and classified by
// range, since calling ICU on each would cost most of the cleaner's time.
class LineScanner {
 public:
  LineScanner(LineFeatures& f, const TextCues& cues)
      : f(f),
        s(f.text),
        cues(cues),
        p(reinterpret_cast<const uint8_t*>(s.data())),
        len(static_cast<int32_t>(s.size())) {}

  // Scans the whole line; sets chars, words, digits, capitalized, stop_words, separators,
  // has_url (host names), has_copyright, starts_upper and all_caps.
  void scan() {
    for (int32_t i = 0; i < len;) {
      ++f.chars;
      i = p[i] < 0x80 ? ascii_char(i) : code_point(i);
    }
    end_word(len);
    if (open_guillemets == 0) f.separators += lone_closing_guillemets;
    f.all_caps = upper >= 2 && lower == 0;
  }

  // Whether the line holds a digit: only such lines are searched for a date.
  bool any_digit = false;

 private:
  // Ends the word being read (if any) at byte e, and counts it.
  void end_word(int32_t e) {
    if (word_start < 0) return;
    std::string_view word(s.data() + word_start, static_cast<size_t>(e - word_start));
    word_start = -1;
    ++f.words;
    unsigned char b = static_cast<unsigned char>(word[0]);
    if (b >= '0' && b <= '9') {
      ++f.digits;
      return;
    }
    if (b < 0x80 ? (b >= 'A' && b <= 'Z') : u_isupper(first_code_point(word, 0))) ++f.capitalized;
    if (!f.has_url && word.find('.') != std::string_view::npos && looks_like_host(word))
      f.has_url = true;
    // Lower-cased, the first 15 bytes at most: stop words are short, chrome terms are prefixes.
    size_t n = 0;
    for (size_t k = 0; k < word.size() && n < sizeof(buf) - 1; ++k) {
      unsigned char ch = static_cast<unsigned char>(word[k]);
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<unsigned char>(ch + 32);
      // Latin-1 capitals À..Þ (C3 80..9E, but × C3 97) to their small forms.
      if (ch == 0xC3 && k + 1 < word.size()) {
        if (n + 2 > sizeof(buf) - 1) break;
        unsigned char nx = static_cast<unsigned char>(word[k + 1]);
        buf[n++] = static_cast<char>(ch);
        buf[n++] = static_cast<char>((nx >= 0x80 && nx <= 0x9E && nx != 0x97) ? nx + 0x20 : nx);
        ++k;
        continue;
      }
      buf[n++] = static_cast<char>(ch);
    }
    std::string_view lower(buf, n);
    if (int term = cues.chrome_term(lower); term >= 0) {
      uint64_t bit = uint64_t{1} << (term % 64);
      if (!(chrome_seen & bit)) ++f.chrome_terms;
      chrome_seen |= bit;
    }
    if (word.size() >= sizeof(buf)) return;  // stop words and reader words are short
    if (cues.reader_word(lower)) ++f.reader_words;
    if (cues.stop_word(lower)) ++f.stop_words;
  }

  // Whether byte k can continue a word (a letter, a digit or any non-ASCII byte).
  bool word_byte_at(int32_t k) const {
    if (k >= len) return false;
    unsigned char b = p[k];
    return b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }

  // The ASCII character at `start`; returns the offset after it.
  int32_t ascii_char(int32_t start) {
    int32_t i = start;
    unsigned char b = p[i];
    ++i;
    bool lo = b >= 'a' && b <= 'z', up = b >= 'A' && b <= 'Z', dg = b >= '0' && b <= '9';
    lower += lo;
    upper += up;
    any_digit |= dg;
    if (lo || up || dg) {
      if (!first_letter_seen && (lo || up)) {
        first_letter_seen = true;
        f.starts_upper = up;
      }
      if (word_start < 0) word_start = start;
      return i;
    }
    if (word_start >= 0 && (b == '.' || b == '-' || b == '\'') && word_byte_at(i)) {
      if (b == '\'') end_word(i);  // "l'homme" → "l'", "homme"
      return i;
    }
    end_word(start);
    bool alone = (start == 0 || p[start - 1] == ' ') && (i == len || p[i] == ' ');
    if (alone && (b == '|' || b == '/' || b == '>')) ++f.separators;
    return i;
  }

  // The non-ASCII code point at `start`; returns the offset after it.
  int32_t code_point(int32_t start) {
    int32_t i = start;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    bool letter = true;
    if (c < 0 || (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
        (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
        (c >= 0xFE00 && c <= 0xFFFF))
      letter = false;
    if (c == 0x2019 && word_start >= 0 && word_byte_at(i)) {  // typographic apostrophe
      end_word(start);
      return i;
    }
    if (c == 0x2010 || c == 0x2011) {  // hyphens inside words
      if (word_start >= 0 && word_byte_at(i)) return i;
    }
    if (letter) {
      if (c >= 0xC0 && c <= 0xDE && c != 0xD7) ++upper;
      if (c >= 0xDF && c <= 0xFF && c != 0xF7) ++lower;
      if (!first_letter_seen) {
        first_letter_seen = true;
        f.starts_upper = u_isupper(c);
      }
      bool ideograph = (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
      if (ideograph) {  // one word per ideograph, as text::word_spans counts them
        end_word(start);
        word_start = start;
        end_word(i);
        return i;
      }
      if (word_start < 0) word_start = start;
      return i;
    }
    end_word(start);
    if (c == 0x00A9) f.has_copyright = true;
    bool alone = (start == 0 || p[start - 1] == ' ') && (i == len || p[i] == ' ');
    if (c == 0x00AB) ++open_guillemets;
    if (alone && c == 0x00BB) ++lone_closing_guillemets;  // a separator unless it closes a «
    if (alone && (c == 0x2022 || c == 0x00B7 || c == 0x203A || c == 0x2192)) ++f.separators;
    return i;
  }

  LineFeatures& f;
  const std::string& s;
  const TextCues& cues;
  const uint8_t* const p;
  const int32_t len;
  int lower = 0, upper = 0, open_guillemets = 0, lone_closing_guillemets = 0;
  bool first_letter_seen = false;
  int32_t word_start = -1;   // start of the word being read, -1 between words
  uint64_t chrome_seen = 0;  // chrome terms met in the line (index mod 64)
  char buf[16];              // a short word, lower-cased, for the stop-word lookup
};

// How the line opens and ends (quote, sentence end, colon), and links written out.
void mark_line_shape(LineFeatures& f) {
  const std::string& s = f.text;
  if (!s.empty()) {
    UChar32 c0 = first_code_point(s, 0);
    f.starts_quote = c0 == '"' || c0 == 0x00AB || c0 == 0x201C || c0 == 0x201E || c0 == 0x2014 ||
                     c0 == 0x2013 || c0 == '\'';
    UChar32 last = last_visible(s);
    f.ends_sentence = last == '.' || last == '!' || last == '?' || last == 0x2026 || last == ';';
    f.ends_colon = last == ':';
  }
  if (!f.has_url &&
      (s.find("http://") != std::string::npos || s.find("https://") != std::string::npos ||
       s.find("www.") != std::string::npos))
    f.has_url = true;
}

// True when `s` ends on a comma, or on a lower-case word after which no sentence ends
// ("… et dans le"): a paragraph cut by a hard line break.
bool stops_mid_sentence(const std::string& s, const TextCues& cues) {
  if (s.empty()) return false;
  if (s.back() == ',') return true;
  size_t start = s.size();
  while (start > 0 && s[start - 1] != ' ') --start;
  const std::string_view word = std::string_view(s).substr(start);
  // A capital or anything but letters (a digit, a bracket, a quote mark) ends no such word.
  if (word.empty() || word.size() > 16 ||
      !(static_cast<unsigned char>(word[0]) >= 0x80 || (word[0] >= 'a' && word[0] <= 'z')))
    return false;
  for (unsigned char c : word)
    if (c < 0x80 && !(c >= 'a' && c <= 'z') && c != '\'') return false;
  return cues.continuation_word(text::fold(word));
}

}  // namespace

LineFeatures features_of(std::string line, const TextCues& cues) {
  LineFeatures f;
  f.text = std::move(line);
  const std::string& s = f.text;
  // Folding costs more than everything else on a line: only lines whose first word starts
  // some cue (or is not plain ASCII/Latin-1) are folded and matched.
  if (cues.may_start_cue(std::string_view(s).substr(0, utf8_cut(s, kFoldedHeadBytes)))) {
    f.folded = text::fold(std::string_view(s).substr(0, utf8_cut(s, kFoldedHeadBytes)));
    f.cue = cues.boilerplate(f.folded);
    f.meta = cues.metadata(f.folded);
  }
  LineScanner scanner(f, cues);
  scanner.scan();
  mark_line_shape(f);
  f.runs_on = stops_mid_sentence(s, cues);
  // A date needs a day number: lines without digits are not searched.
  if (scanner.any_digit && (f.words <= kDateMaxWords || f.meta.kind != CueKind::kNone))
    f.date = find_date(std::string_view(s).substr(0, utf8_cut(s, 400)), cues.dates());
  return f;
}

namespace {

// A photo caption is a sentence of the story followed by its credit ("Kim Jong-un et
// Vladimir Poutine se sont serrés la main…, le 13 septembre 2023. ©MAXPPP"). The credit is
// chrome, but the caption states facts that other outlets may contradict, so a caption that
// is a full sentence keeps its text and loses only the credit. Short credits stay whole (and
// are classified as metadata).
constexpr size_t kMaxCreditBytes = 40;
constexpr int kMinCaptionWords = 8;

void strip_trailing_credit(std::string& line) {
  size_t at = line.rfind("\xC2\xA9");
  if (at == std::string::npos || line.size() - at > kMaxCreditBytes) return;
  size_t end = at;
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '(' || line[end - 1] == '-')) --end;
  if (end == 0) return;
  char last = line[end - 1];
  bool ends_sentence = last == '.' || last == '!' || last == '?' ||
                       (end >= 2 && line.compare(end - 2, 2, "\xC2\xBB") == 0);
  if (!ends_sentence) return;
  int words = 0;
  bool in_word = false;
  for (size_t i = 0; i < end; ++i) {
    bool space = line[i] == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words >= kMinCaptionWords) line.resize(end);
}

// Where a line over `max` bytes is cut: after the last sentence end (". ", "! ", "? ", "…
// ") within the limit, else at the last space, else at a UTF-8 boundary (one 1 MiB word),
// so that the text kept ends on whole sentences, or at least on whole words.
size_t cut_point(std::string_view s, size_t max) {
  if (s.size() <= max) return s.size();
  std::string_view head = s.substr(0, max + 1);  // a sentence end right at the limit counts
  size_t space = head.rfind(' ');
  for (size_t at = space; at != std::string_view::npos && at > 0; at = head.rfind(' ', at - 1)) {
    char c = head[at - 1];
    if (c == '.' || c == '!' || c == '?' || (at >= 3 && head.substr(at - 3, 3) == "\xE2\x80\xA6"))
      return at;
    if (max - at > (64u << 10)) break;  // no sentence end in the last 64 KB: a word will do
  }
  if (space != std::string_view::npos && space > 0) return space;
  return utf8_cut(s, max);
}

}  // namespace

std::vector<LineFeatures> line_features(std::string_view text, const TextCues& cues,
                                        size_t max_line_bytes) {
  std::vector<LineFeatures> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view raw = text.substr(start, end - start);
    const size_t whole = raw.size();
    raw = raw.substr(0, cut_point(raw, max_line_bytes));
    std::string line = collapse(raw);
    strip_trailing_credit(line);
    if (!line.empty()) {
      out.push_back(features_of(std::move(line), cues));
      out.back().cut_bytes = whole - raw.size();
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace recoupe::extract
