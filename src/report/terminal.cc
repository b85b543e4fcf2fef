#include "report/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace recoupe::report {
namespace {

constexpr int kDefaultWidth = 100;  // what most terminals and pagers show comfortably
constexpr int kMinWidth = 20;       // below this, hanging indents leave no room for text
constexpr int kMaxWidth = 1000;     // a $COLUMNS beyond this is a mistake, not a screen

}  // namespace

std::optional<ColorMode> parse_color_mode(std::string_view text) {
  if (text == "auto") return ColorMode::kAuto;
  if (text == "always" || text == "yes") return ColorMode::kAlways;
  if (text == "never" || text == "no") return ColorMode::kNever;
  return std::nullopt;
}

bool use_color(ColorMode mode, bool is_tty, const char* no_color, const char* term) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  if (!is_tty) return false;
  if (no_color != nullptr && no_color[0] != '\0') return false;
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return true;
}

bool use_color(ColorMode mode) {
  return use_color(mode, stdout_is_tty(), std::getenv("NO_COLOR"), std::getenv("TERM"));
}

bool stdout_is_tty() { return isatty(STDOUT_FILENO) == 1; }

int terminal_width() {
  struct winsize ws {};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col < kMinWidth ? kMinWidth : ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = 0;
    const char* end = columns + std::strlen(columns);
    auto [ptr, ec] = std::from_chars(columns, end, n);
    if (ec == std::errc() && ptr == end && n >= kMinWidth && n <= kMaxWidth) return n;
  }
  return kDefaultWidth;
}

}  // namespace recoupe::report
