#include "synth/framing_terms.h"

#include <algorithm>

#include "synth/content_words.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

struct Word {
  std::string folded;
  size_t begin, end;
  bool stop;
  bool upper;
  bool content;  // not a stop word, ≥ 3 chars, not digits
};

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// Only spaces (or nothing, after an elided "l'") between two words: they form a phrase.
bool adjacent(std::string_view text, const Word& a, const Word& b) {
  for (size_t i = a.end; i < b.begin; ++i)
    if (text[i] != ' ') return false;
  return true;
}

// Byte ranges of the lines of `text` that read as headings: a line without final punctuation
// ("« Soutien inconditionnel » à la Russie", a subhead) states the article's angle as its
// headline does.
std::vector<std::pair<size_t, size_t>> heading_lines(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    size_t e = line.find_last_not_of(" \t\r");
    if (e != std::string_view::npos) {
      char last = line[e];
      bool closing_quote = e >= 1 && line.substr(e - 1, 2) == "\xC2\xBB";
      if (closing_quote && e >= 2) {
        size_t p = line.find_last_not_of(" \xC2\xA0", e - 2);
        last = p == std::string_view::npos ? ' ' : line[p];
      }
      if (last != '.' && last != '!' && last != '?' && last != ';' && last != ':')
        out.push_back({start, nl});
    }
    start = nl + 1;
  }
  return out;
}

void count_terms(std::string_view text, const FramingWords& fw, const text::ElisionRules& elisions,
                 bool headline, FramingTerms& out) {
  std::vector<Word> ws;
  for (const auto& sp : text::word_spans(text, elisions)) {
    std::string_view w = text.substr(sp.begin, sp.end - sp.begin);
    std::string f = text::fold(w);
    bool st = fw.stop.contains(f) || (!f.empty() && f.back() == '\'');
    bool content = !st && f.size() >= 3 && !has_digit(f) && !fw.plain.count(f);
    ws.push_back({f, sp.begin, sp.end, st, starts_upper(w), content});
  }
  std::vector<std::pair<size_t, size_t>> headings;
  if (!headline) headings = heading_lines(text);
  size_t h = 0;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (!ws[i].content) continue;
    while (h < headings.size() && headings[h].second <= ws[i].begin) ++h;
    bool in_heading = headline || (h < headings.size() && headings[h].first <= ws[i].begin);
    for (size_t len = 1; len <= 3 && i + len <= ws.size(); ++len) {
      const Word& last = ws[i + len - 1];
      if (len > 1 && !adjacent(text, ws[i + len - 2], last)) break;
      if (!last.content) continue;
      int stops = 0;
      for (size_t k = i; k < i + len; ++k) stops += ws[k].stop;
      if (stops > 1) break;
      // A three-word phrase hinges on a short link word ("vente d'armes", "poignée de main");
      // a name glued to a common word ("Jong-un échangent") is not a term.
      if (len == 3 && (fw.links.empty() ? (!ws[i + 1].stop || ws[i + 1].folded.size() > 3)
                                        : !fw.links.count(ws[i + 1].folded)))
        continue;
      bool any_upper = false, any_lower = false;
      for (size_t k = i; k < i + len; ++k)
        if (ws[k].content) (ws[k].upper ? any_upper : any_lower) = true;
      if (len > 1 && any_upper && any_lower) continue;
      std::string key;
      bool all_upper = true;
      for (size_t k = i; k < i + len; ++k) {
        if (!key.empty() && key.back() != '\'') key += ' ';
        key += ws[k].folded;
        if (ws[k].content && !ws[k].upper) all_upper = false;
      }
      FramingTerm& t = out[key];
      if (t.count == 0) {
        t.surface = text::collapse_spaces(
            text::lower_case_in_context(text.substr(ws[i].begin, last.end - ws[i].begin)));
        t.words = static_cast<int>(len);
        for (size_t k = i; k < i + len; ++k)
          if (ws[k].content) t.content_words.push_back(ws[k].folded);
      }
      ++t.count;
      t.in_headline |= in_heading;
      t.first = std::min(t.first, (headline ? 0 : (size_t{1} << 40)) + ws[i].begin);
      t.all_upper = t.all_upper && all_upper;
    }
  }
}

}  // namespace

FramingTerms count_framing_terms(std::string_view headline, std::string_view text,
                                 const FramingWords& words, const text::ElisionRules& elisions) {
  FramingTerms out;
  if (!headline.empty()) count_terms(headline, words, elisions, true, out);
  count_terms(text, words, elisions, false, out);
  return out;
}

}  // namespace recoupe::synth
