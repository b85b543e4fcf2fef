#include "report/text_layout.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

#include "report/safe_text.h"

namespace recoupe::report {
namespace {

constexpr int kMinRoom = 8;  // narrower than this, wrapping is useless: let the line overflow

int codepoint_width(UChar32 c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (c == 0x200B || (c >= 0x1160 && c <= 0x11FF)) return 0;  // ZWSP, Hangul medial jamo
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

// Width of [begin, end) of a cleaned string (no ANSI inside).
int width_of(const std::string& s, size_t begin, size_t end) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(begin);
  const int32_t n = static_cast<int32_t>(end);
  int w = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    w += c < 0 ? 1 : codepoint_width(c);
  }
  return w;
}

bool is_space(char c) { return c == ' '; }

// Line break opportunities of `text` as byte offsets, ascending, ending with text.size().
std::vector<size_t> break_points(const std::string& text) {
  std::vector<size_t> points;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status) && it) {
    it->setText(ut, status);
    if (U_SUCCESS(status)) {
      for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next())
        points.push_back(static_cast<size_t>(p));
    }
  }
  if (ut != nullptr) utext_close(ut);
  if (points.empty() || points.back() != text.size()) {
    // ICU unavailable: break after every space.
    points.clear();
    for (size_t i = 0; i < text.size(); ++i)
      if (is_space(text[i]) && (i + 1 == text.size() || !is_space(text[i + 1])))
        points.push_back(i + 1);
    if (points.empty() || points.back() != text.size()) points.push_back(text.size());
  }
  return points;
}

struct Line {
  size_t begin = 0;
  size_t end = 0;  // content end: trailing spaces excluded
};

}  // namespace

int display_width(std::string_view utf8) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  int w = 0;
  while (i < n) {
    if (p[i] == 0x1B && i + 1 < n && p[i + 1] == '[') {  // CSI: ESC [ params final-byte
      i += 2;
      while (i < n && !(p[i] >= 0x40 && p[i] <= 0x7E)) ++i;
      if (i < n) ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    w += c < 0 ? 1 : codepoint_width(c);
  }
  return w;
}

std::string_view ansi_code(Style style) {
  switch (style) {
    case Style::kPlain:
      return "";
    case Style::kBold:
      return "\x1b[1m";
    case Style::kDim:
      return "\x1b[2m";
    case Style::kHeading:
      return "\x1b[1;34m";
    case Style::kCite:
      return "\x1b[36m";
    case Style::kAgree:
      return "\x1b[32m";
    case Style::kWarn:
      return "\x1b[33m";
    case Style::kQuote:
      return "\x1b[3m";
  }
  return "";
}

std::string wrap(const std::vector<Span>& spans, int width, int indent, int hang, bool color) {
  // Flatten into one cleaned string with collapsed spaces and a style per byte.
  std::string text;
  std::vector<Style> styles;
  std::vector<bool> glued;  // no break allowed before this byte
  for (const Span& span : spans) {
    const size_t span_begin = text.size();
    for (char c : clean_text(span.text)) {
      if (is_space(c) && (text.empty() || (!span.literal && is_space(text.back())))) continue;
      glued.push_back(span.nobreak && text.size() > span_begin);
      text += c;
      styles.push_back(span.style);
    }
  }
  while (!text.empty() && is_space(text.back())) {
    text.pop_back();
    styles.pop_back();
    glued.pop_back();
  }
  if (text.empty()) return "";
  std::vector<size_t> breaks;
  for (size_t p : break_points(text))
    if (p == text.size() || !glued[p]) breaks.push_back(p);

  indent = std::max(indent, 0);
  hang = std::max(hang, 0);
  auto room = [&](size_t line_no) {
    return std::max(width - (line_no == 0 ? indent : hang), kMinRoom);
  };

  std::vector<Line> lines;
  Line cur;
  bool empty = true;
  int cur_width = 0;
  int space_width = 0;  // spaces between the line's content end and the next word
  auto flush = [&] {
    lines.push_back(cur);
    empty = true;
    cur_width = 0;
    space_width = 0;
  };
  size_t seg_begin = 0;
  for (size_t seg_end : breaks) {
    size_t content_end = seg_end;
    while (content_end > seg_begin && is_space(text[content_end - 1])) --content_end;
    int w = width_of(text, seg_begin, content_end);
    if (!empty && cur_width + space_width + w > room(lines.size())) flush();
    if (empty && w > room(lines.size())) {
      // Cut an over-long word between code points; a zero-width mark stays with its base.
      const auto* p = reinterpret_cast<const uint8_t*>(text.data());
      int32_t i = static_cast<int32_t>(seg_begin);
      const int32_t n = static_cast<int32_t>(content_end);
      size_t piece = seg_begin;
      int piece_width = 0;
      while (i < n) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        const int cw = c < 0 ? 1 : codepoint_width(c);
        if (piece_width + cw > room(lines.size()) && static_cast<size_t>(at) > piece && cw > 0) {
          cur = {piece, static_cast<size_t>(at)};
          flush();
          piece = static_cast<size_t>(at);
          piece_width = 0;
        }
        piece_width += cw;
      }
      cur = {piece, content_end};
      empty = false;
      cur_width = piece_width;
    } else if (content_end > seg_begin) {
      if (empty) {
        cur = {seg_begin, content_end};
        cur_width = w;
        empty = false;
      } else {
        cur.end = content_end;
        cur_width += space_width + w;
      }
    }
    if (!empty) space_width = width_of(text, content_end, seg_end);
    seg_begin = seg_end;
  }
  if (!empty) flush();

  std::string out;
  for (size_t l = 0; l < lines.size(); ++l) {
    out.append(static_cast<size_t>(l == 0 ? indent : hang), ' ');
    Style on = Style::kPlain;
    for (size_t i = lines[l].begin; i < lines[l].end; ++i) {
      if (color && styles[i] != on) {
        if (on != Style::kPlain) out += kAnsiReset;
        out += ansi_code(styles[i]);
        on = styles[i];
      }
      out += text[i];
    }
    if (color && on != Style::kPlain) out += kAnsiReset;
    out += '\n';
  }
  return out;
}

}  // namespace recoupe::report
