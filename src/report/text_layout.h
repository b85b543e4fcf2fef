// Laying out text for a fixed-width terminal: how many columns a UTF-8 string takes, and
// greedy word wrap with hanging indents and optional ANSI styles.
//
// Widths follow the terminal convention (as wcwidth): East Asian Wide and Fullwidth
// characters (CJK, most emoji) take 2 columns; combining marks, format characters and
// zero-width spaces take 0; everything else 1. Line breaks are where Unicode allows them
// (ICU line breaking, UAX #14: after spaces, after hyphens, between CJK ideographs...);
// a word wider than the line is cut between code points.
//
// Pure functions, thread-safe; cost linear in the text (plus ICU's break iterator setup,
// a few microseconds per paragraph).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recoupe::report {

// Terminal styles; with colour off they all print as plain text.
enum class Style : unsigned char {
  kPlain,
  kBold,     // titles, speakers, outlets
  kDim,      // secondary facts: dates, counts, rules
  kHeading,  // section headings
  kCite,     // citation markers [1][2]
  kAgree,    // corroboration badges
  kWarn,     // disagreements
  kQuote,    // quoted words
};

// One run of text in one style. Text is cleaned (report/safe_text.h) before layout, so
// callers may pass raw report strings.
struct Span {
  std::string text;
  Style style = Style::kPlain;
  bool literal = false;  // keep its spaces as they are (padding), instead of collapsing them
  bool nobreak = false;  // never break a line inside it ("[1][2]", "(4 outlets)")
};

// Columns taken by `utf8` (valid UTF-8 expected; an invalid byte counts 1). ANSI CSI
// sequences (ESC [ ... letter) count 0.
int display_width(std::string_view utf8);

// The ANSI SGR sequence that turns `style` on ("" for kPlain).
std::string_view ansi_code(Style style);
inline constexpr std::string_view kAnsiReset = "\x1b[0m";

// Wraps one paragraph into lines of at most `width` columns: the first line starts with
// `indent` spaces, the next ones with `hang` spaces. Runs of whitespace collapse to one
// space (but in literal spans), leading and trailing space is dropped; no line breaks
// inside a nobreak span unless it alone is wider than the line. With `color`, each styled
// run is wrapped in its ANSI codes, never across a line end (indents stay unstyled). Returns the
// lines, each ending with '\n'; "" for a paragraph with no visible text. When the room left after
// the indent is under 8 columns, 8 is used (the line then overflows `width`).
std::string wrap(const std::vector<Span>& spans, int width, int indent, int hang, bool color);

}  // namespace recoupe::report
