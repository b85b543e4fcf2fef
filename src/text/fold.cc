#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace recoupe::text {
namespace {

const icu::Normalizer2* nfd_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(status);
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

// Index U+00C0..U+024F → base letter, '?' when the letter has no single ASCII base.
constexpr std::string_view kFold =
    "aaaaaa?ceeeeiiii?nooooo?ouuuuy??aaaaaa?ceeeeiiii?nooooo?ouuuuy?"
    "yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkk?llllll??llnnnnnn???oooooo??"
    "rrrrrrsssssssstttt??uuuuuuuuuuuuwwyyyzzzzzz?b??????????????????????i????????oo?????????????uu?"
    "???????????????????????????aaiioouuuuuuuuuu?aaaa????ggkkoooo??j???gg??nnaa????"
    "aaaaeeeeiiiioooorrrruuuusstt??hh??????aaeeooooooooyy????????????????????????????";

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

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

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string latin1_lower(std::string_view in) {
  std::string out(in);
  for (size_t k = 0; k < out.size(); ++k) {
    unsigned char ch = static_cast<unsigned char>(out[k]);
    if (ch >= 'A' && ch <= 'Z') {
      out[k] = static_cast<char>(ch + 32);
    } else if (ch == 0xC3 && k + 1 < out.size()) {
      unsigned char nx = static_cast<unsigned char>(out[k + 1]);
      if (nx >= 0x80 && nx <= 0x9E && nx != 0x97) out[k + 1] = static_cast<char>(nx + 0x20);
      ++k;
    }
  }
  return out;
}

std::string lower_case(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t len = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < len) {
    if (s[i] < 0x80) {
      char c = static_cast<char>(s[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    append_utf8(out, u_tolower(c));
  }
  return out;
}

std::string lower_case_in_context(std::string_view utf8) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

std::string fold_key(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t len = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < len) {
    if (s[i] < 0x80) {
      char c = static_cast<char>(s[i++]);
      if (c >= 'A' && c <= 'Z')
        out.push_back(static_cast<char>(c + 32));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        out.push_back(c);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0 || !is_word_char(c)) continue;
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // combining accents
    if (c >= 0xC0 && c < 0xC0 + static_cast<UChar32>(kFold.size()) && kFold[c - 0xC0] != '?') {
      out.push_back(kFold[c - 0xC0]);
      continue;
    }
    switch (c) {
      case 0xDF:
        out += "ss";
        continue;
      case 0xC6:
      case 0xE6:
        out += "ae";
        continue;
      case 0x152:
      case 0x153:
        out += "oe";
        continue;
      case 0xDE:
      case 0xFE:
        out += "th";
        continue;
      default:
        break;
    }
    append_utf8(out, u_tolower(c));
  }
  return out;
}

std::string translit_key(std::string_view word) {
  std::string s = fold_key(word);
  static constexpr std::pair<std::string_view, std::string_view> kRules[] = {
      {"tsch", "ch"}, {"tch", "ch"}, {"sch", "sh"}, {"zh", "j"},  {"dj", "j"},
      {"kh", "h"},    {"ph", "f"},   {"ck", "k"},   {"x", "ks"},  {"w", "v"},
      {"y", "i"},     {"ou", "u"},   {"gue", "ge"}, {"gui", "gi"}};
  for (const auto& [from, to] : kRules)
    if (s.find(from) != std::string::npos) replace_all(s, from, to);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (out.empty() || out.back() != c || (c >= '0' && c <= '9')) out.push_back(c);
  if (ends_with(out, "ij")) out.pop_back();
  if (out.size() >= 6 && ends_with(out, "ine")) out.pop_back();
  return out;
}

}  // namespace recoupe::text
