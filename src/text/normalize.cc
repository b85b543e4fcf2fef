#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace recoupe::text {
namespace {

const icu::Normalizer2* nfc_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(status);
}
const icu::Normalizer2* nfd_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(status);
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

std::string nfc(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = nfc_normalizer();
  if (!n) return std::string(utf8);
  if (n->isNormalized(u, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(u, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  if (is_ascii(utf8)) {
    for (char c : utf8) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return out;
  }
  const icu::Normalizer2* nfd = nfd_normalizer();
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t len = static_cast<int32_t>(utf8.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;  // invalid byte: dropped
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      continue;
    }
    switch (c) {  // typographic punctuation that matching should not see
      case 0x2018:
      case 0x2019:
      case 0x02BC:
      case 0x2032:
        out += '\'';
        continue;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2212:
        out += '-';
        continue;
      case 0x00A0:
      case 0x202F:
      case 0x2009:
      case 0x2007:
        out += ' ';
        continue;
      case 0x0153:
        out += "oe";
        continue;
      case 0x0152:
        out += "oe";
        continue;
      case 0x00E6:
      case 0x00C6:
        out += "ae";
        continue;
      case 0x00DF:
        out += "ss";
        continue;
      default:
        break;
    }
    icu::UnicodeString decomposed;
    if (nfd && nfd->getDecomposition(c, decomposed)) {
      for (int32_t k = 0; k < decomposed.length();) {
        UChar32 d = decomposed.char32At(k);
        k += U16_LENGTH(d);
        if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
        d = u_tolower(d);
        char buf[4];
        int32_t n = 0;
        U8_APPEND_UNSAFE(buf, n, d);
        out.append(buf, n);
      }
      continue;
    }
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    UChar32 lower = u_tolower(c);
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, lower);
    out.append(buf, n);
  }
  return out;
}

std::string collapse_spaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t len = static_cast<int32_t>(utf8.size());
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B ||
        (c >= 0x80 && (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(utf8.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

}  // namespace recoupe::text
