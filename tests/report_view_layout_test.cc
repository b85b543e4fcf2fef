// Terminal layout: display widths, word wrap (UTF-8, wide characters, long words, hanging
// indents, colour), text cleaning and escaping, and the --color decision.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "report/safe_text.h"
#include "report/terminal.h"
#include "report/text_layout.h"

namespace recoupe::report {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The words of `text`, whatever the line breaks.
std::string words_of(const std::string& text) {
  std::istringstream in(text);
  std::string word, out;
  while (in >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(display_width("abc"), 3);
  EXPECT_EQ(display_width("été"), 3);              // precomposed: 2 bytes, 1 column each
  EXPECT_EQ(display_width("e\u0301te\u0301"), 3);  // combining accents take no column
  EXPECT_EQ(display_width("日本語"), 6);           // East Asian Wide: 2 columns each
  EXPECT_EQ(display_width("ＡＢ"), 4);             // Fullwidth forms
  EXPECT_EQ(display_width("한국"), 4);
  EXPECT_EQ(display_width("😀"), 2);
  EXPECT_EQ(display_width("a\u200Bb"), 2);             // zero-width space
  EXPECT_EQ(display_width("\x1b[1;34mab\x1b[0m"), 2);  // ANSI sequences are invisible
  EXPECT_EQ(display_width(""), 0);
}

TEST(Wrap, BreaksAtSpacesWithinWidth) {
  const std::string text = "the quick brown fox jumps over the lazy dog";
  const std::string out = wrap({{text}}, 10, 0, 0, false);
  for (const std::string& line : lines_of(out)) EXPECT_LE(display_width(line), 10) << line;
  EXPECT_EQ(words_of(out), text);
  EXPECT_EQ(lines_of(out).front(), "the quick");
}

TEST(Wrap, CountsCodePointsNotBytes) {
  // 9 words of 5 columns (10+ bytes each): a byte-counting wrap would break far earlier.
  const std::string text = "élève élève élève élève élève élève élève élève élève";
  const auto lines = lines_of(wrap({{text}}, 17, 0, 0, false));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "élève élève élève");
}

TEST(Wrap, WideCharactersCountTwoAndBreakBetweenIdeographs) {
  const std::string text = "日本語のテキストは空白なしで改行できる必要があります";  // no spaces
  const std::string out = wrap({{text}}, 10, 0, 0, false);
  const auto lines = lines_of(out);
  EXPECT_GT(lines.size(), 2u);
  std::string joined;
  for (const std::string& line : lines) {
    EXPECT_LE(display_width(line), 10) << line;
    joined += line;
  }
  EXPECT_EQ(joined, text);  // nothing lost, no character cut in half
}

TEST(Wrap, CutsWordsLongerThanTheLine) {
  const std::string word(25, 'x');
  const auto lines = lines_of(wrap({{"a " + word + " b"}}, 10, 0, 0, false));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[1], std::string(10, 'x'));
  EXPECT_EQ(lines[2], std::string(10, 'x'));
  EXPECT_EQ(lines[3], "xxxxx b");
}

TEST(Wrap, KeepsCombiningMarksWithTheirBase) {
  std::string word;
  for (int i = 0; i < 12; ++i) word += "e\u0301";  // 12 columns, 36 bytes
  const auto lines = lines_of(wrap({{word}}, 8, 0, 0, false));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(display_width(lines[0]), 8);
  EXPECT_EQ(lines[0].substr(0, 3), "e\u0301");
  EXPECT_EQ(lines[1].substr(0, 3), "e\u0301");  // a line never starts with a lone accent
}

TEST(Wrap, HangingIndent) {
  const auto lines =
      lines_of(wrap({{"• "}, {"one two three four five six seven eight"}}, 16, 2, 4, false));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0].substr(0, 6), "  • ");  // "•" is 3 bytes
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].substr(0, 4), "    ") << lines[i];
    EXPECT_NE(lines[i][4], ' ');
    EXPECT_LE(display_width(lines[i]), 16);
  }
}

TEST(Wrap, CollapsesWhitespaceAndDropsEmptyParagraphs) {
  EXPECT_EQ(wrap({{"  a \n\t b  "}}, 40, 0, 0, false), "a b\n");
  EXPECT_EQ(wrap({{"   "}, {""}}, 40, 2, 2, false), "");
  EXPECT_EQ(wrap({}, 40, 0, 0, false), "");
}

TEST(Wrap, ColorOnlyWhenAskedAndClosedOnEveryLine) {
  const std::vector<Span> spans = {{"Title words that wrap", Style::kBold}, {" plain tail"}};
  const std::string plain = wrap(spans, 12, 0, 2, false);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);

  const std::string colored = wrap(spans, 12, 0, 2, true);
  EXPECT_NE(colored.find("\x1b[1mTitle"), std::string::npos);
  for (const std::string& line : lines_of(colored)) {
    EXPECT_LE(display_width(line), 12) << line;
    if (line.find("\x1b[1m") != std::string::npos) {
      EXPECT_EQ(line.substr(line.size() - 4), "\x1b[0m") << "style leaks past the line end";
      EXPECT_EQ(line.find("\x1b[1m"), line.find_first_not_of(' '))  // indent stays plain
          << line;
    }
  }
  // Same words either way.
  std::string stripped;
  for (size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      while (colored[i] != 'm') ++i;
      continue;
    }
    stripped += colored[i];
  }
  EXPECT_EQ(stripped, plain);
}

TEST(Wrap, ReportTextCannotInjectTerminalSequences) {
  const std::string out = wrap({{"evil\x1b[2J\x1b]0;title\x07 text\r\n\x9b"
                                 "31m"}},
                               40, 0, 0, false);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
  EXPECT_EQ(out.find('\r'), std::string::npos);
}

TEST(SafeText, CleansControlsBidiAndInvalidUtf8) {
  EXPECT_EQ(clean_text("a\tb\x01"
                       "c"),
            "a bc");
  EXPECT_EQ(clean_text("a\r\nb\rc", true), "a\nb\nc");
  EXPECT_EQ(clean_text("a\nb"), "a b");
  EXPECT_EQ(clean_text("x\xC3(y"), "x\uFFFD(y");
  EXPECT_EQ(clean_text("\xFF"), "\uFFFD");
  EXPECT_EQ(clean_text("abc\u202Edef\u2066"), "abcdef");  // no reordering tricks
  EXPECT_EQ(clean_text("Kim Jong-un — 日本 😀"), "Kim Jong-un — 日本 😀");
  EXPECT_EQ(clean_text("de « sujets sensibles » avec"), "de «\u00A0sujets sensibles\u00A0» avec");
  EXPECT_EQ(clean_text("« »"), "«\u00A0»");
}

TEST(SafeText, HtmlEscapesEverythingThatCouldOpenMarkup) {
  EXPECT_EQ(html_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(html_escape("\" onmouseover='x' & y"), "&quot; onmouseover=&#39;x&#39; &amp; y");
  EXPECT_EQ(html_escape("l'impérialisme"), "l&#39;impérialisme");
}

TEST(Terminal, ParsesColorModes) {
  EXPECT_EQ(parse_color_mode("auto"), ColorMode::kAuto);
  EXPECT_EQ(parse_color_mode("always"), ColorMode::kAlways);
  EXPECT_EQ(parse_color_mode("never"), ColorMode::kNever);
  EXPECT_FALSE(parse_color_mode("sometimes").has_value());
  EXPECT_FALSE(parse_color_mode("").has_value());
}

TEST(Terminal, ColorDecisionFollowsTtyAndNoColor) {
  EXPECT_TRUE(use_color(ColorMode::kAuto, true, nullptr, "xterm-256color"));
  EXPECT_FALSE(use_color(ColorMode::kAuto, false, nullptr, "xterm"));  // pipe or file
  EXPECT_FALSE(use_color(ColorMode::kAuto, true, "1", "xterm"));       // NO_COLOR set
  EXPECT_TRUE(use_color(ColorMode::kAuto, true, "", "xterm"));         // empty NO_COLOR: unset
  EXPECT_FALSE(use_color(ColorMode::kAuto, true, nullptr, "dumb"));
  EXPECT_TRUE(use_color(ColorMode::kAlways, false, "1", "dumb"));  // the flag wins
  EXPECT_FALSE(use_color(ColorMode::kNever, true, nullptr, "xterm"));
}

TEST(Terminal, WidthFallsBackToColumnsThenDefault) {
  if (stdout_is_tty()) GTEST_SKIP() << "stdout is a terminal: its real width is used";
  const char* old = std::getenv("COLUMNS");
  std::string saved = old ? old : "";
  setenv("COLUMNS", "77", 1);
  EXPECT_EQ(terminal_width(), 77);
  setenv("COLUMNS", "abc", 1);
  EXPECT_EQ(terminal_width(), 100);
  setenv("COLUMNS", "5", 1);
  EXPECT_EQ(terminal_width(), 100);
  unsetenv("COLUMNS");
  EXPECT_EQ(terminal_width(), 100);
  if (old) setenv("COLUMNS", saved.c_str(), 1);
}

}  // namespace
}  // namespace recoupe::report
