#include "synth/sentence_form.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::synth {

size_t rubric_end(std::string_view t) {
  size_t dash = std::string_view::npos, dash_len = 0;
  for (std::string_view d : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    size_t p = t.find(d);
    if (p < dash) {
      dash = p;
      dash_len = d.size();
    }
  }
  if (dash == std::string_view::npos || dash == 0 || dash > 40) return 0;
  bool upper = false, lower = false;
  int paren = 0;
  for (unsigned char c : t.substr(0, dash)) {
    if (c == '(') ++paren;
    if (c == ')' && paren > 0) --paren;
    if (paren > 0) continue;  // "(Reuters)", "(AFP)"
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
  }
  if (!upper || lower) return 0;
  size_t e = dash + dash_len;
  while (e < t.size() && t[e] == ' ') ++e;
  return e;
}

char clause_cut(std::string_view sentence, std::string_view claim) {
  auto trim_back = [](std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\n' || v.back() == '\t'))
      v.remove_suffix(1);
    return v;
  };
  sentence = trim_back(sentence);
  claim = trim_back(claim);
  if (claim.empty()) return '\0';
  std::string_view tail = claim.substr(claim.size() - std::min<size_t>(claim.size(), 24));
  size_t at = sentence.rfind(tail);
  if (at == std::string_view::npos) return '\0';
  for (size_t i = at + tail.size(); i < sentence.size(); ++i)
    if (sentence[i] != ' ' && sentence[i] != '\n' && sentence[i] != '\t') return sentence[i];
  return '\0';
}

bool starts_lowercase(std::string_view t) {
  size_t i = 0;
  while (i < t.size()) {
    UChar32 c;
    U8_NEXT(t.data(), i, t.size(), c);
    if (c < 0) return false;
    // Spaces, opening quotes and dashes before the first word.
    if (u_isUWhiteSpace(c) || c == '"' || c == '\'' || c == 0xAB || c == 0x201C || c == 0x2018 ||
        c == '(' || c == 0x2013 || c == 0x2014)
      continue;
    return u_islower(c);
  }
  return false;
}

bool reads_as_sentence(std::string_view t, char cut) {
  if (t.find("\xC2\xA9") != std::string_view::npos) return false;  // ©
  if (cut == ',') return false;
  if (cut != '\0') return !t.empty();
  size_t e = t.size();
  auto strip_back = [&](std::string_view tail) {
    if (e >= tail.size() && t.substr(e - tail.size(), tail.size()) == tail) {
      e -= tail.size();
      return true;
    }
    return false;
  };
  for (bool more = true; more && e > 0;) {
    more = false;
    for (std::string_view tail : {" ", "\"", "'", ")", "]", "\xC2\xBB", "\xE2\x80\x9D",
                                  "\xE2\x80\x99", "\xC2\xA0", "\xE2\x80\xAF"})
      more |= strip_back(tail);
  }
  bool final_mark = e > 0 && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?' ||
                              (e >= 3 && t.substr(e - 3, 3) == "\xE2\x80\xA6"));  // …
  return final_mark;
}

bool announces_what_follows(std::string_view text) {
  const size_t last = text.find_last_not_of(" \t\n");
  return last != std::string_view::npos && text[last] == ':';
}

namespace {

// A word as the clause lists hold it: lower case, accents kept (« à » is no « a »), a
// typographic apostrophe made ASCII ("lorsqu’il" as "lorsqu'il").
std::string list_word(std::string_view text, const text::WordSpan& span) {
  std::string w = text::lower_case(text.substr(span.begin, span.end - span.begin));
  if (const size_t typographic = w.find("\xE2\x80\x99"); typographic != std::string::npos)
    w.replace(typographic, 3, "'");
  return w;
}

}  // namespace

bool head_without_main_clause(std::string_view head, const ClauseWords& words,
                              const text::ElisionRules& elisions) {
  const auto spans = text::word_spans(head, elisions);
  auto word = [&](size_t k) { return list_word(head, spans[k]); };
  if (spans.empty()) return false;
  if (words.subordinators.count(word(0)))
    return head.find(',', spans[0].end) == std::string_view::npos;
  // How far into the head a relative clause still belongs to its subject: right after the
  // first words, or after a comma a little further ("Le septuple vainqueur du Tour de
  // France, qui…"); later it qualifies an object ("the Sixers fired their president and
  // replaced him with Ed Stefanski, who…", whose verb the lists may not know).
  constexpr size_t kSubjectWords = 4, kAppositionWords = 8;
  for (size_t k = 0; k < spans.size(); ++k) {
    const std::string w = word(k);
    if (words.finite.count(w)) return false;
    if (!words.relatives.count(w)) continue;
    const size_t from = k == 0 ? 0 : spans[k - 1].end;
    const bool after_comma =
        head.substr(from, spans[k].begin - from).find(',') != std::string_view::npos;
    if (k >= (after_comma ? kAppositionWords : kSubjectWords)) continue;
    // The subject's relative clause has its verb; a second finite verb after it is the main
    // one ("Les épreuves qui se sont déroulées … n'ont pas fait taire…"): a whole clause.
    size_t finite = 0;
    for (size_t j = k + 1; j < spans.size() && finite < 2; ++j)
      finite += words.finite.count(word(j));
    return finite < 2;
  }
  return false;
}

bool tells_backstory(std::string_view clause, const ClauseWords& words,
                     const text::ElisionRules& elisions) {
  for (const text::WordSpan& span : text::word_spans(clause, elisions)) {
    const std::string w = list_word(clause, span);
    if (words.pluperfect.count(w)) return true;
    if (words.finite.count(w)) return false;
  }
  return false;
}

std::string opening_word(std::string_view text, const text::ElisionRules& elisions) {
  const auto spans = text::word_spans(text, elisions);
  if (spans.empty()) return "";
  std::string w = text::fold(text.substr(spans[0].begin, spans[0].end - spans[0].begin));
  if (!w.empty() && w.back() == '\'' && spans.size() > 1)
    w += text::fold(text.substr(spans[1].begin, spans[1].end - spans[1].begin));
  return w;
}

bool opens_with_back_reference(std::string_view text,
                               const std::unordered_set<std::string>& openers,
                               const text::ElisionRules& elisions) {
  if (openers.empty()) return false;
  if (openers.count(opening_word(text, elisions))) return true;
  constexpr size_t kPhraseBytes = 48, kMaxPhraseWords = 4;
  const std::string start =
      text::collapse_spaces(text::fold(text.substr(0, std::min(text.size(), kPhraseBytes))));
  size_t end = start.find(' ');  // after the first word
  for (size_t words = 2; words <= kMaxPhraseWords && end != std::string::npos; ++words) {
    end = start.find(' ', end + 1);  // after word `words`, or the end
    // The phrase without the comma after it (« Autrement dit, les équipes… »).
    std::string_view phrase = std::string_view(start).substr(0, end);
    while (!phrase.empty() && (phrase.back() == ',' || phrase.back() == ';'))
      phrase.remove_suffix(1);
    if (openers.count(std::string(phrase))) return true;
  }
  return false;
}

}  // namespace recoupe::synth
