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

std::string without_soft_breaks(std::string_view utf8) {
  // U+00AD is C2 AD, U+2060 is E2 81 A0 in UTF-8; no other character's bytes contain them.
  constexpr std::string_view kSoftHyphen = "\xC2\xAD", kWordJoiner = "\xE2\x81\xA0";
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    if (utf8.compare(i, kSoftHyphen.size(), kSoftHyphen) == 0) {
      i += kSoftHyphen.size();
    } else if (utf8.compare(i, kWordJoiner.size(), kWordJoiner) == 0) {
      i += kWordJoiner.size();
    } else {
      out += utf8[i++];
    }
  }
  return out;
}

}  // namespace recoupe::text
