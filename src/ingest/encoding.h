// Encoding detection and repair: any bytes a scraper saved → valid UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"

namespace recoupe::ingest {

struct Decoded {
  std::string text;  // valid UTF-8, BOM and control characters removed
  // What the input was read as: "UTF-8", "UTF-16LE", "UTF-32BE", "windows-1252",
  // "iso-8859-15", "UTF-8+windows-1252" (UTF-8 with stray legacy bytes), or the declared label.
  std::string encoding;
  bool repaired_mojibake = false;  // "Ã©"-style double (or triple) encoding was undone
};

// Decodes `bytes` to UTF-8. Order of evidence:
//  1. a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//  2. UTF-16 without BOM (a NUL in every other byte, as Latin-script UTF-16 has);
//  3. valid UTF-8 (wins over a declaration: pages often declare what they do not use);
//  4. UTF-8 with a few stray bytes (valid multibyte sequences outnumber invalid bytes, or the
//     declaration says UTF-8): the UTF-8 is kept, only the stray bytes are read as cp1252;
//  5. the charset the document declares (`declared`, e.g. from declared_html_charset), with
//     browser semantics: latin-1 and ASCII labels mean windows-1252, UTF-16 labels on a byte
//     page mean UTF-8; a label ICU does not know, or that the bytes contradict (over 1%
//     undecodable), falls back to 4.;
//  6. else ICU's detector, trusted only for non-Western sets it is confident about; else
//     windows-1250 or ISO-8859-2 when their reading turns clearly more in-word bytes into
//     letters than windows-1252 does (Polish "±" "³" inside words are ą ł), else Western.
// Western single-byte text (undeclared or declared latin-1) is windows-1252, unless it has no
// byte in 0x80–0x9F and shows ISO-8859-15 evidence: 0xA4 next to a digit or space (that is €
// in an amount, cp1252's ¤ is never used so) or œ/Œ/š/Š/ž/Ž/Ÿ bytes between letters; then it
// is ISO-8859-15. An explicit windows-1252 label is obeyed.
// Then mojibake is repaired (repair_mojibake) and control characters are removed
// (strip_controls).
// Fails (with an empty `where`: the caller names the input) on binary content: >0.1% NUL
// bytes or >1% control bytes, or UTF-16/32 that decodes to >10% noise; on inputs over 512 MB.
// Cost: linear in the input (a few passes). Thread-safe.
Expected<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared = {});

// Undoes UTF-8 that was decoded as windows-1252/latin-1 and re-encoded ("Ã©" → "é"), run by
// run, so mojibake mixed with correct UTF-8 is fixed where it is and the rest is untouched.
// Repeats while a pass changes something (text encoded three times: "ÃƒÂ©" → "é"), at most 4.
// A two-character run is repaired only when the result is in a block news text uses (Latin,
// Greek, Cyrillic, Hebrew, Arabic), so that legitimate pairs such as "ß“" stay. Input must be
// UTF-8; output is UTF-8 and never longer. Sets *changed when it repaired something.
std::string repair_mojibake(std::string_view utf8, bool* changed = nullptr);

// Removes C0 controls other than tab, CR and LF (form feed and vertical tab become LF), DEL
// and C1 controls (U+0080–U+009F); drops bytes that are not UTF-8. Output is valid UTF-8.
std::string strip_controls(std::string_view utf8);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// The charset an HTML page declares in its first 4 KB, lower case, or empty: the `charset` of
// a <meta> tag (<meta charset=…> or http-equiv content="…; charset=…"), or the encoding of
// an <?xml …?> declaration at the start. Mentions of "charset" outside <meta> are ignored.
std::string declared_html_charset(std::string_view bytes);

}  // namespace recoupe::ingest
