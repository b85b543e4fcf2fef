#include "ingest/encoding.h"

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

bool looks_binary(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 65536);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B && c != 0x1B)
      ++control;
  }
  return n > 0 && control * 100 > n;  // >1% control bytes: not text
}

std::string detect_legacy_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                 &ucsdet_close);
  if (U_FAILURE(status)) return "windows-1252";
  ucsdet_setText(det.get(), bytes.data(),
                 static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return "windows-1252";
  std::string name = ucsdet_getName(match, &status);
  int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status)) return "windows-1252";
  // Single-byte Western guesses are interchangeable for our purpose; trust ICU only for the
  // others and only when it is confident (short texts fool it).
  if (name == "ISO-8859-1" || name == "windows-1252" || name == "UTF-8" || confidence < 50)
    return "windows-1252";
  return name;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) { return count_invalid_utf8(bytes) == 0; }

std::string repair_mojibake(std::string_view s, bool* changed) {
  if (changed) *changed = false;
  // Fast exit: mojibake of UTF-8 through cp1252 always contains a lead char in U+00C2–U+00F4
  // encoded as C3 82..C3 B4 (or C2 for 'Â').
  if (s.find('\xC3') == std::string_view::npos && s.find('\xC2') == std::string_view::npos)
    return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    // Try to read a run of code points that all map to cp1252 bytes and whose bytes form one
    // valid multibyte UTF-8 sequence.
    char32_t lead;
    size_t n = utf8_sequence(s, i, &lead);
    if (n == 2 && lead >= 0xC2 && lead <= 0xF4) {
      int b0 = unicode_to_cp1252(lead);
      size_t need = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
      std::string bytes(1, static_cast<char>(b0));
      size_t j = i + n;
      bool ok = true;
      for (size_t k = 0; k < need; ++k) {
        if (j >= s.size()) {
          ok = false;
          break;
        }
        char32_t cp;
        size_t m = utf8_sequence(s, j, &cp);
        int b = m ? unicode_to_cp1252(cp) : -1;
        if (b < 0x80 || b > 0xBF) {
          ok = false;
          break;
        }
        bytes += static_cast<char>(b);
        j += m;
      }
      char32_t decoded;
      if (ok && utf8_sequence(bytes, 0, &decoded) == bytes.size() && decoded >= 0x80) {
        out += bytes;
        i = j;
        if (changed) *changed = true;
        continue;
      }
    }
    size_t step = n ? n : 1;
    out.append(s.data() + i, step);
    i += step;
  }
  return out;
}

std::string declared_html_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t pos = head.find("charset");
  while (pos != std::string::npos) {
    size_t i = pos + 7;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\''))
      ++i;
    size_t j = i;
    while (j < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_' ||
            head[j] == ':' || head[j] == '.'))
      ++j;
    if (j > i) return head.substr(i, j - i);
    pos = head.find("charset", pos + 7);
  }
  return {};
}

Expected<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared) {
  Decoded d;
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  const char* utf16 = nullptr;
  if (starts("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    d.encoding = "UTF-8";
  } else if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) {
    utf16 = "UTF-32LE";
  } else if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    utf16 = "UTF-32BE";
  } else if (starts("\xFF\xFE")) {
    utf16 = "UTF-16LE";
  } else if (starts("\xFE\xFF")) {
    utf16 = "UTF-16BE";
  } else {
    utf16 = sniff_utf16(bytes);
  }
  if (utf16) {
    bool ok = false;
    // ICU's UTF-16/32 converters with an explicit byte order consume a BOM as U+FEFF; strip it.
    std::string text = convert_with_icu(bytes, utf16, &ok);
    if (!ok) return Error{"", std::string("cannot decode as ") + utf16};
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (looks_binary(text)) return Error{"", "binary content, not text"};
    d.text = std::move(text);
    d.encoding = utf16;
    return d;
  }
  if (looks_binary(bytes)) return Error{"", "binary content, not text"};

  size_t invalid = count_invalid_utf8(bytes);
  std::string text;
  if (invalid == 0) {
    text.assign(bytes);
    d.encoding = "UTF-8";
  } else {
    std::string charset(declared);
    std::transform(charset.begin(), charset.end(), charset.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // A few stray bytes in a mostly-UTF-8 file: keep the UTF-8.
    size_t high = std::count_if(bytes.begin(), bytes.end(),
                                [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (charset == "utf-8" || charset == "utf8" || invalid * 10 < high / 3) {
      text = utf8_with_cp1252_fallback(bytes);
      d.encoding = "UTF-8+windows-1252";
    } else {
      if (charset.empty() || charset == "iso-8859-1" || charset == "latin1" ||
          charset == "us-ascii" || charset == "ascii")
        charset = charset.empty() ? detect_legacy_charset(bytes) : "windows-1252";
      bool ok = false;
      text = convert_with_icu(bytes, charset.c_str(), &ok);
      if (!ok) {
        text = convert_with_icu(bytes, "windows-1252", &ok);
        charset = "windows-1252";
      }
      if (!ok) return Error{"", "cannot decode text"};
      d.encoding = charset;
    }
  }
  d.text = repair_mojibake(text, &d.repaired_mojibake);
  return d;
}

}  // namespace recoupe::ingest
