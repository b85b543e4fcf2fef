#include "ingest/encoding.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace recoupe::ingest {
namespace {

// windows-1252 bytes 0x80–0x9F → code points (0 where the byte is undefined).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t cp1252_to_unicode(unsigned char b) {
  if (b >= 0x80 && b < 0xA0) {
    char32_t cp = kCp1252High[b - 0x80];
    return cp ? cp : b;  // undefined bytes map to the C1 control, as browsers do
  }
  return b;
}

// Reverse of cp1252_to_unicode; -1 when the code point has no windows-1252 byte.
int unicode_to_cp1252(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
  if (cp >= 0x80 && cp < 0xA0) return static_cast<int>(cp);  // C1 as itself
  for (size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == cp) return static_cast<int>(0x80 + i);
  return -1;
}

// Length of the valid UTF-8 sequence starting at s[i], 0 if invalid. Decodes into *cp.
size_t utf8_sequence(std::string_view s, size_t i, char32_t* cp) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  char32_t c;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    c = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    c = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  *cp = c;
  return len;
}

std::string convert_with_icu(std::string_view bytes, const char* charset, bool* ok) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset, &status), &ucnv_close);
  if (U_FAILURE(status)) {
    *ok = false;
    return {};
  }
  std::string out(bytes.size() * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  int32_t n =
      ucnv_toAlgorithmic(UCNV_UTF8, from.get(), out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    *ok = false;
    return {};
  }
  out.resize(static_cast<size_t>(n));
  *ok = true;
  return out;
}

// UTF-8 that may hold stray invalid bytes: keep valid sequences, read stray bytes as cp1252.
std::string utf8_with_cp1252_fallback(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = utf8_sequence(s, i, &cp);
    if (n == 0) {
      append_utf8(out, cp1252_to_unicode(static_cast<unsigned char>(s[i])));
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

size_t count_invalid_utf8(std::string_view s) {
  size_t bad = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = utf8_sequence(s, i, &cp);
    if (n == 0) {
      ++bad;
      ++i;
    } else {
      i += n;
    }
  }
  return bad;
}

// Guess UTF-16 without BOM: text in Latin scripts has a NUL in every other byte.
const char* sniff_utf16(std::string_view s) {
  if (s.size() < 4) return nullptr;
  size_t n = std::min<size_t>(s.size() & ~size_t{1}, 4096);
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    if (s[i] == 0) ++even_nul;
    if (s[i + 1] == 0) ++odd_nul;
  }
  size_t pairs = n / 2;
  if (odd_nul > pairs * 6 / 10 && even_nul < pairs / 10) return "UTF-16LE";
  if (even_nul > pairs * 6 / 10 && odd_nul < pairs / 10) return "UTF-16BE";
  return nullptr;
}

// Binary files (images, archives, executables) have NUL bytes everywhere and many control
// bytes; scraped text may at worst carry a stray NUL or trailing NUL padding from a
// fixed-size buffer, which strip_controls removes later.
bool looks_binary(std::string_view s) {
  while (!s.empty() && s.back() == '\0') s.remove_suffix(1);
  size_t n = std::min<size_t>(s.size(), 65536);
  size_t control = 0, nul = 0;
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) ++nul;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B && c != 0x1B)
      ++control;
  }
  // >0.1% NUL or >1% control bytes: not text (a short text may carry a few stray ones).
  return n > 0 && (nul * 1000 > n || control * 100 > std::max<size_t>(n, 400));
}

// Share of decoded code points that no text has: U+FFFD (undecodable input), C0 controls
// other than whitespace, private use and unassigned code points. Used on UTF-16/32 output,
// where random bytes decode "successfully" into noise. Reads the first 64 KB.
double noise_share(std::string_view utf8) {
  size_t n = std::min<size_t>(utf8.size(), 65536);
  size_t total = 0, noise = 0;
  for (size_t i = 0; i < n;) {
    char32_t cp;
    size_t len = utf8_sequence(utf8, i, &cp);
    if (len == 0) {
      ++noise;
      ++total;
      ++i;
      continue;
    }
    i += len;
    ++total;
    if (cp == 0xFFFD || (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') ||
        (cp >= 0x7F && cp < 0xA0)) {
      ++noise;
      continue;
    }
    int8_t type = u_charType(static_cast<UChar32>(cp));
    if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) ++noise;
  }
  return total ? static_cast<double>(noise) / static_cast<double>(total) : 0.0;
}

size_t count_replacement_chars(std::string_view utf8) {
  size_t n = 0;
  for (size_t pos = utf8.find("\xEF\xBF\xBD"); pos != std::string_view::npos;
       pos = utf8.find("\xEF\xBF\xBD", pos + 3))
    ++n;
  return n;
}

bool is_letter_byte(unsigned char c) { return std::isalpha(c) != 0; }

// Legacy Western text with no trustworthy declaration: windows-1252 or ISO-8859-15? They agree
// on every letter of French, German, Spanish… but 8859-15 puts € at 0xA4 (cp1252: ¤, a sign
// no text uses) and œ Œ š Š ž Ž Ÿ at 0xBD 0xBC 0xA8 0xA6 0xB8 0xB4 0xBE (cp1252: ½ ¼ ¨ ¦ ¸ ´ ¾).
// Decision: any byte in 0x80–0x9F proves windows-1252 (they are controls in 8859-15). Else
// 0xA4 next to a digit or a space (an amount: "12 \xA4", "\xA4 12") or one of the letter
// bytes between two letters ("c\xBDur") is evidence of 8859-15, and one piece of evidence
// is enough since cp1252's readings of those bytes are nearly never used in running text.
const char* pick_western_charset(std::string_view s) {
  size_t evidence = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 && c <= 0x9F) return "windows-1252";
    auto prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : ' ';
    auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : ' ';
    if (c == 0xA4) {
      if (std::isdigit(prev) || std::isdigit(next) || prev == ' ' || next == ' ') ++evidence;
    } else if (c == 0xBD || c == 0xBC || c == 0xA8 || c == 0xA6 || c == 0xB8 || c == 0xB4 ||
               c == 0xBE) {
      bool letter_before = is_letter_byte(prev) || prev >= 0xC0;
      bool letter_after = is_letter_byte(next) || next >= 0xC0;
      if (letter_before && letter_after) ++evidence;
    }
  }
  return evidence > 0 ? "iso-8859-15" : "windows-1252";
}

// Undeclared single-byte text from Central Europe (Polish, Czech, Slovak, Slovenian,
// Croatian, Hungarian, Romanian): windows-1250 or ISO-8859-2 rather than windows-1252?
// ICU's detector is not confident on them (tested on real pages: it says ISO-8859-1 at 27%).
// Evidence: a high byte inside a word (between letters) must decode to a letter. Each
// charset scores +1 per in-word byte that is a letter and -1 per symbol or control ("±",
// "¶", "³" inside a word are Polish ą ś ł in ISO-8859-2). West European letters are letters
// in all three, so they tie and windows-1252 stays; a Central European set must win by a
// clear margin. Returns nullptr to keep the Western choice.
const char* central_european_charset(std::string_view s) {
  static constexpr const char* kCandidates[] = {"windows-1252", "windows-1250", "iso-8859-2"};
  // Which of the bytes 0x80–0xFF decode to a letter in each candidate.
  std::array<std::array<bool, 128>, 3> letter{};
  for (size_t c = 0; c < 3; ++c) {
    std::string high;
    for (int b = 0x80; b <= 0xFF; ++b) high += static_cast<char>(b);
    bool ok = false;
    std::string utf8 = convert_with_icu(high, kCandidates[c], &ok);
    if (!ok) return nullptr;
    size_t i = 0;
    for (int b = 0; b < 128 && i < utf8.size(); ++b) {
      char32_t cp;
      size_t n = utf8_sequence(utf8, i, &cp);
      if (n == 0) return nullptr;
      letter[c][b] = u_isalpha(static_cast<UChar32>(cp)) && cp != 0xFFFD;
      i += n;
    }
  }
  auto in_word = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
  std::array<long, 3> score{};
  long in_word_bytes = 0;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 || !in_word(static_cast<unsigned char>(s[i - 1])) ||
        !in_word(static_cast<unsigned char>(s[i + 1])))
      continue;
    ++in_word_bytes;
    for (size_t k = 0; k < 3; ++k) score[k] += letter[k][c - 0x80] ? 1 : -1;
  }
  size_t best = score[1] >= score[2] ? 1 : 2;
  long margin = std::max<long>(2, in_word_bytes / 20);
  return score[best] > score[0] + margin ? kCandidates[best] : nullptr;
}

std::string detect_legacy_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                 &ucsdet_close);
  if (U_FAILURE(status)) return pick_western_charset(bytes);
  ucsdet_setText(det.get(), bytes.data(),
                 static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) {
    if (const char* central = central_european_charset(bytes)) return central;
    return pick_western_charset(bytes);
  }
  std::string name = ucsdet_getName(match, &status);
  int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status)) return pick_western_charset(bytes);
  // Single-byte Western guesses are interchangeable for ICU; we choose between them ourselves.
  // Trust ICU for the others only when it is confident (short texts fool it).
  if (name == "ISO-8859-1" || name == "windows-1252" || name == "UTF-8" || confidence < 50 ||
      name.rfind("UTF-", 0) == 0) {
    if (const char* central = central_european_charset(bytes)) return central;
    return pick_western_charset(bytes);
  }
  return name;
}

// The declared charset, normalised as browsers do (WHATWG Encoding): latin-1 and ASCII labels
// mean windows-1252; a UTF-16/32 label on a byte-oriented page means UTF-8.
std::string normalise_declared(std::string_view declared) {
  std::string c(declared);
  std::transform(c.begin(), c.end(), c.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (c == "utf8" || c == "unicode-1-1-utf-8" || c.rfind("utf-16", 0) == 0 ||
      c.rfind("utf-32", 0) == 0 || c == "unicode" || c == "ucs-2")
    return "utf-8";
  if (c == "iso-8859-1" || c == "iso8859-1" || c == "latin1" || c == "latin-1" || c == "l1" ||
      c == "us-ascii" || c == "ascii" || c == "iso_8859-1" || c == "cp1252" ||
      c == "windows-1252" || c == "x-cp1252")
    return "windows-1252";
  return c;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) { return count_invalid_utf8(bytes) == 0; }

namespace {

// Would the UTF-8 sequence `bytes` (decoding to `cp`) plausibly have been mangled into the
// cp1252 run we saw? `after_repair`: the run right before was repaired too (mojibake comes in
// runs). Legitimate text can look like a run: "ß“" (DF 93), "É’" (C9 92), and in French
// typography a final "é" before a closing quote and a no-break space, "é” »" (E9 94 A0). So:
//  - two bytes: the result must be in a block news text uses (Latin-1 Supplement, Latin
//    Extended-A/B, Greek, Cyrillic, Hebrew letters, Arabic), or a combining mark right after
//    an ASCII letter (decomposed "é" = "e" + U+0301);
//  - three bytes led by "â" (E2): punctuation, currency, letterlike, arrows, math, shapes
//    (U+2000–U+22FF, U+2500–U+25FF), which is where "â€™" and "â‚¬" come from;
//  - other three bytes (CJK…): if a continuation is a character that follows words in
//    Western text (NBSP, « », curly quotes, …), only inside a run of repairs;
//  - four bytes (emoji): always, three continuations by chance do not happen.
bool plausible_repair(std::string_view bytes, char32_t cp, bool after_repair,
                      std::string_view out_so_far) {
  if (bytes.size() == 4) return true;
  if (bytes.size() == 3) {
    if (static_cast<unsigned char>(bytes[0]) == 0xE2)
      return (cp >= 0x2000 && cp <= 0x22FF) || (cp >= 0x2500 && cp <= 0x25FF);
    if (after_repair) return true;
    for (size_t k = 1; k < 3; ++k) {
      auto b = static_cast<unsigned char>(bytes[k]);
      if (b == 0xA0 || b == 0xAB || b == 0xBB || b == 0x85 || (b >= 0x91 && b <= 0x94))
        return false;
    }
    return true;
  }
  if (cp >= 0xA0 && cp <= 0x24F) return true;
  if (cp >= 0x300 && cp <= 0x36F)
    return !out_so_far.empty() && std::isalpha(static_cast<unsigned char>(out_so_far.back()));
  if (cp >= 0x370 && cp <= 0x52F) return true;  // Greek, Cyrillic
  if (cp >= 0x5D0 && cp <= 0x6FF) return true;  // Hebrew letters, Arabic
  return false;                                 // C1 controls, IPA, Armenian, Syriac, NKo…
}

// One left-to-right pass; returns true when it changed something.
bool repair_pass(std::string_view s, std::string& out) {
  bool changed = false;
  out.clear();
  out.reserve(s.size());
  size_t i = 0;
  size_t last_repair_end = std::string_view::npos;
  while (i < s.size()) {
    // A lead character U+00C2–U+00F4 followed by characters whose windows-1252 bytes are
    // continuation bytes, the whole forming one valid UTF-8 sequence.
    char32_t lead;
    size_t n = utf8_sequence(s, i, &lead);
    if (n == 2 && lead >= 0xC2 && lead <= 0xF4) {
      int b0 = unicode_to_cp1252(lead);
      size_t need = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
      std::string bytes(1, static_cast<char>(b0));
      size_t j = i + n;
      bool ok = true;
      for (size_t k = 0; k < need; ++k) {
        char32_t cp;
        size_t m = j < s.size() ? utf8_sequence(s, j, &cp) : 0;
        int b = m ? unicode_to_cp1252(cp) : -1;
        if (b < 0x80 || b > 0xBF) {
          ok = false;
          break;
        }
        bytes += static_cast<char>(b);
        j += m;
      }
      char32_t decoded;
      if (ok && utf8_sequence(bytes, 0, &decoded) == bytes.size() &&
          plausible_repair(bytes, decoded, last_repair_end == i, out)) {
        out += bytes;
        i = j;
        last_repair_end = j;
        changed = true;
        continue;
      }
    }
    size_t step = n ? n : 1;
    out.append(s.data() + i, step);
    i += step;
  }
  return changed;
}

}  // namespace

std::string repair_mojibake(std::string_view s, bool* changed) {
  if (changed) *changed = false;
  // Fast exit: every lead U+00C2–U+00F4 is encoded with the byte C3.
  if (s.find('\xC3') == std::string_view::npos) return std::string(s);
  // Text encoded twice ("Ã©") needs one pass, three times ("ÃƒÂ©") two: repeat while a pass
  // changes something, up to kMaxMojibakeLayers.
  constexpr int kMaxMojibakeLayers = 4;
  std::string current(s), next;
  for (int layer = 0; layer < kMaxMojibakeLayers; ++layer) {
    if (!repair_pass(current, next)) break;
    if (changed) *changed = true;
    current.swap(next);
    if (current.find('\xC3') == std::string::npos) break;
  }
  return current;
}

std::string strip_controls(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp;
    size_t n = utf8_sequence(utf8, i, &cp);
    if (n == 0) {  // not UTF-8: keep the contract by dropping the byte
      ++i;
      continue;
    }
    if (cp == '\f' || cp == '\v') {
      out += '\n';
    } else if (!((cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') ||
                 (cp >= 0x7F && cp < 0xA0))) {
      out.append(utf8.data() + i, n);
    }
    i += n;
  }
  return out;
}

std::string declared_html_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // The value after `key` (skipping spaces, '=' and quotes), as a charset label.
  auto value_after = [&](size_t i) {
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' ||
                               head[i] == '\'' || head[i] == '\t' || head[i] == '\n'))
      ++i;
    size_t j = i;
    while (j < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_' ||
            head[j] == ':' || head[j] == '.'))
      ++j;
    return head.substr(i, j - i);
  };
  // <?xml version="1.0" encoding="…"?> (XHTML) at the very start.
  if (head.rfind("<?xml", 0) == 0) {
    size_t end = head.find("?>");
    size_t enc = head.find("encoding", 0);
    if (enc != std::string::npos && (end == std::string::npos || enc < end)) {
      std::string v = value_after(enc + 8);
      if (!v.empty()) return v;
    }
  }
  // <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">;
  // "charset" anywhere else (a script, a description) says nothing about this page.
  for (size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    size_t end = head.find('>', meta);
    if (end == std::string::npos) end = head.size();
    size_t pos = head.find("charset", meta);
    if (pos == std::string::npos || pos > end) continue;
    std::string v = value_after(pos + 7);
    if (!v.empty()) return v;
  }
  return {};
}

Expected<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared) {
  // ICU takes int32 lengths and we allocate 4 bytes out per byte in.
  if (bytes.size() > (size_t{1} << 29)) return Error{"", "input over 512 MB, not decoded"};
  Decoded d;
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  const char* wide = nullptr;  // UTF-16/32 in some byte order
  if (starts("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  } else if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) {
    wide = "UTF-32LE";
  } else if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    wide = "UTF-32BE";
  } else if (starts("\xFF\xFE")) {
    wide = "UTF-16LE";
  } else if (starts("\xFE\xFF")) {
    wide = "UTF-16BE";
  } else {
    wide = sniff_utf16(bytes);
  }
  if (wide) {
    bool ok = false;
    // ICU's UTF-16/32 converters with an explicit byte order read a BOM as U+FEFF; strip it.
    std::string text = convert_with_icu(bytes, wide, &ok);
    if (!ok) return Error{"", std::string("cannot decode as ") + wide};
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    // Random bytes after an accidental BOM decode to noise; real text has almost none.
    if (noise_share(text) > 0.1) return Error{"", "binary content, not text"};
    d.text = strip_controls(repair_mojibake(text, &d.repaired_mojibake));
    d.encoding = wide;
    return d;
  }
  if (looks_binary(bytes)) return Error{"", "binary content, not text"};

  std::string charset = normalise_declared(declared);
  std::string text;
  // Valid UTF-8 wins over any declaration: pages often declare a charset they do not use,
  // while legacy text with high bytes is almost never valid UTF-8 by chance.
  size_t invalid = count_invalid_utf8(bytes);
  size_t multibyte = 0;
  if (invalid > 0) {
    for (size_t i = 0; i < bytes.size();) {
      char32_t cp;
      size_t n = utf8_sequence(bytes, i, &cp);
      multibyte += n > 1;
      i += n ? n : 1;
    }
  }
  if (invalid == 0) {
    text.assign(bytes);
    d.encoding = "UTF-8";
  } else if (charset == "utf-8" || (charset.empty() && multibyte >= invalid) ||
             (charset == "windows-1252" && multibyte > 4 * invalid)) {
    // UTF-8 with some stray bytes (a cp1252 quote pasted into a UTF-8 page, a truncated
    // sequence): keep the UTF-8 and read only the stray bytes as windows-1252. Legacy text
    // has (nearly) no valid multibyte sequences, so when they outnumber the invalid bytes the
    // text is UTF-8; a page declaring latin-1 needs stronger evidence to be overruled.
    text = utf8_with_cp1252_fallback(bytes);
    d.encoding = "UTF-8+windows-1252";
  } else {
    if (charset.empty()) charset = detect_legacy_charset(bytes);
    // A page declaring latin-1 may be ISO-8859-15 in disguise (€ at 0xA4); see
    // pick_western_charset. An explicit windows-1252 or 8859-15 label is trusted as is.
    std::string label(declared);
    std::transform(label.begin(), label.end(), label.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    bool explicit_1252 = label == "windows-1252" || label == "cp1252" || label == "x-cp1252";
    if (charset == "windows-1252" && !explicit_1252) charset = pick_western_charset(bytes);
    bool ok = false;
    text = convert_with_icu(bytes, charset.c_str(), &ok);
    // An unknown label, or a declaration the bytes contradict (undecodable sequences): read
    // as UTF-8 with windows-1252 for stray bytes, which is right for most Western pages.
    if (!ok || count_replacement_chars(text) * 100 > bytes.size()) {
      text = utf8_with_cp1252_fallback(bytes);
      charset = "UTF-8+windows-1252";
    }
    d.encoding = charset;
  }
  d.text = strip_controls(repair_mojibake(text, &d.repaired_mojibake));
  return d;
}

}  // namespace recoupe::ingest
