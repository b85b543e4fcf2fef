// Making report strings safe to show. Report fields come from scraped pages: they may hold
// invalid UTF-8, control characters (a terminal escape sequence in a headline would
// repaint the reader's terminal), bidi overrides (which reorder what the reader sees) or
// markup. Both views pass every string through here. Pure functions, thread-safe, linear.
#pragma once

#include <string>
#include <string_view>

namespace recoupe::report {

// Valid UTF-8 with: invalid bytes → U+FFFD; C0/C1 controls and DEL dropped, except that a
// tab becomes a space and '\n' is kept when `keep_newlines` (else it becomes a space;
// "\r\n" and lone '\r' count as '\n'); bidi embedding/override/isolate controls
// (U+202A–202E, U+2066–2069) dropped; a space just inside French guillemets ("« x »")
// becomes a no-break space, so that a guillemet never starts or ends a line alone.
// Everything else is kept byte for byte.
std::string clean_text(std::string_view text, bool keep_newlines = false);

// clean_text(text, keep_newlines) with & < > " ' escaped, safe in HTML text and in
// double- or single-quoted attribute values.
std::string html_escape(std::string_view text, bool keep_newlines = false);

}  // namespace recoupe::report
