// Encoding detection and repair: any bytes a scraper saved → valid UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"

namespace recoupe::ingest {

struct Decoded {
  std::string text;      // valid UTF-8, BOM removed
  std::string encoding;  // what the input was read as: "UTF-8", "UTF-16LE", "windows-1252", …
  bool repaired_mojibake = false;  // "Ã©"-style double encoding was undone
};

// Decodes `bytes` to UTF-8. Order of evidence: byte-order mark; UTF-16 without BOM (NUL
// pattern); valid UTF-8; a charset declared by the document (`declared`, e.g. from
// <meta charset>); else ICU's detector among legacy single-byte sets, with windows-1252 as
// the default (a superset of ISO-8859-1 for printable text). UTF-8 with a few stray bytes
// keeps its UTF-8 and reads only the stray bytes as windows-1252. Double-encoded text
// ("FranÃ§ais") is repaired in runs, never where the run would not decode.
// Fails (naming nothing: the caller adds the input's name) on binary content: NUL bytes or
// a high share of control characters in something that is not UTF-16.
// Cost: linear in the input.
Expected<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared = {});

// Undoes UTF-8 that was decoded as windows-1252/latin-1 and re-encoded ("Ã©" → "é"), run by
// run. Text without such runs is returned unchanged. Sets *changed when it repaired one.
std::string repair_mojibake(std::string_view utf8, bool* changed = nullptr);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);

// The charset an HTML page declares in its first 4 KB (<meta charset=…> or http-equiv), lower
// case, or empty.
std::string declared_html_charset(std::string_view bytes);

}  // namespace recoupe::ingest
