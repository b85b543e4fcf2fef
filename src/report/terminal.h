// Terminal facts the text report needs: how wide stdout is, whether it is a terminal, and
// whether to colour. Stateless; each call asks the OS/environment again (cheap: one ioctl
// or getenv), so a resized terminal is seen by the next call. Thread-safe (reads only).
//
// --color semantics, for every command that prints for a terminal (`recoupe report`):
//   --color always  colour even when stdout is a file or pipe, and even if NO_COLOR is set
//                   (an explicit flag wins over the environment, as no-color.org asks);
//   --color never   never colour;
//   --color auto    (the default) colour only when stdout is a terminal, TERM is not "dumb",
//                   and NO_COLOR is unset or empty.
// CLI use:
//   auto mode = report::parse_color_mode(args.get("--color").value_or("auto"));
//   if (!mode) { usage error }
//   bool color = report::use_color(*mode);
#pragma once

#include <optional>
#include <string_view>

namespace recoupe::report {

enum class ColorMode { kAuto, kAlways, kNever };

// "auto" | "always" | "never" (also "yes"/"no"); nullopt for anything else.
std::optional<ColorMode> parse_color_mode(std::string_view text);

// The decision above, from explicit facts (for tests): `no_color` and `term` are the values
// of $NO_COLOR and $TERM, nullptr when unset.
bool use_color(ColorMode mode, bool is_tty, const char* no_color, const char* term);

// The decision above for stdout and the real environment.
bool use_color(ColorMode mode);

// True when stdout (fd 1) is a terminal.
bool stdout_is_tty();

// Columns of the terminal on stdout (ioctl TIOCGWINSZ); else $COLUMNS when it is a number
// in [20, 1000]; else 100. Never below 20.
int terminal_width();

}  // namespace recoupe::report
