#include "synth/content_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

bool all_digits_or_marks(std::string_view s) {
  for (char c : s)
    if (!(c >= '0' && c <= '9') && c != '.' && c != ',' && c != '-') return false;
  return true;
}

}  // namespace

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(w.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

std::vector<ContentWord> content_words(std::string_view utf8, const text::StopWords& stop_words,
                                       const text::Stemmer& stemmer,
                                       const text::ElisionRules& elisions) {
  std::vector<ContentWord> out;
  for (const auto& span : text::word_spans(utf8, elisions)) {
    std::string_view w = utf8.substr(span.begin, span.end - span.begin);
    if (!w.empty() && (w.back() == '\'')) continue;  // elided article "l'"
    if (w.size() >= 3 && static_cast<unsigned char>(w[w.size() - 3]) == 0xE2 &&
        static_cast<unsigned char>(w[w.size() - 2]) == 0x80 &&
        static_cast<unsigned char>(w[w.size() - 1]) == 0x99)
      continue;  // elided article written with ’
    if (all_digits_or_marks(w)) continue;
    std::string folded = text::fold(w);
    if (folded.size() < 2 || stop_words.contains(folded)) continue;
    ContentWord cw;
    cw.stem = stemmer.stem(folded);
    cw.folded = std::move(folded);
    cw.begin = span.begin;
    cw.end = span.end;
    cw.capitalized = starts_upper(w);
    out.push_back(std::move(cw));
  }
  return out;
}

std::vector<std::string> folded_words(std::string_view utf8, const text::ElisionRules& elisions) {
  std::vector<std::string> out;
  for (const auto& span : text::word_spans(utf8, elisions)) {
    std::string f = text::fold(utf8.substr(span.begin, span.end - span.begin));
    while (!f.empty() && f.back() == '\'') f.pop_back();
    if (!f.empty()) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace recoupe::synth
