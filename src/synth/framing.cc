#include "synth/framing.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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

bool starts_upper(std::string_view w) {
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(w.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

// Only spaces (or nothing, after an elided "l'") between two words: they form a phrase.
bool adjacent(std::string_view text, const Word& a, const Word& b) {
  for (size_t i = a.end; i < b.begin; ++i)
    if (text[i] != ' ') return false;
  return true;
}

struct TermInfo {
  int count = 0;
  std::string surface;
  bool in_headline = false;
  bool all_upper = true;
  int words = 1;
  size_t first = SIZE_MAX;  // order of first use in the article (headline first)
};

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

using Counts = std::unordered_map<std::string, TermInfo>;

// What a term may not be made of: plain words (reporting verbs, days, months), words of the
// story's entity names (listed elsewhere in the report); and what may link a three-word
// phrase (prepositions; any short stop word when the language lists none).
struct TermFilter {
  const std::unordered_set<std::string>& plain;
  const std::unordered_set<std::string>& links;
  std::unordered_set<std::string> names;
};

void count_terms(std::string_view text, const text::StopWords& stop, const TermFilter& filter,
                 const text::ElisionRules& elisions, bool headline, Counts& out) {
  std::vector<Word> ws;
  for (const auto& sp : text::word_spans(text, elisions)) {
    std::string_view w = text.substr(sp.begin, sp.end - sp.begin);
    std::string f = text::fold(w);
    bool st = stop.contains(f) || (!f.empty() && f.back() == '\'');
    bool content = !st && f.size() >= 3 && !has_digit(f) && !filter.plain.count(f);
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
      if (len == 3 && (filter.links.empty() ? (!ws[i + 1].stop || ws[i + 1].folded.size() > 3)
                                            : !filter.links.count(ws[i + 1].folded)))
        continue;
      // A name, or a phrase made of names, is in the entity list already.
      bool all_names = true;
      for (size_t k = i; k < i + len; ++k)
        if (ws[k].content && !filter.names.count(ws[k].folded)) all_names = false;
      if (all_names) continue;
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
      TermInfo& t = out[key];
      if (t.count == 0) {
        t.surface = text::collapse_spaces(
            text::lower_case_in_context(text.substr(ws[i].begin, last.end - ws[i].begin)));
        t.words = static_cast<int>(len);
      }
      ++t.count;
      t.in_headline |= in_heading;
      t.first = std::min(t.first, (headline ? 0 : (size_t{1} << 40)) + ws[i].begin);
      t.all_upper = t.all_upper && all_upper;
    }
  }
}

}  // namespace

std::vector<ArticleFraming> article_framing(const StoryEvidence& ev,
                                            const SynthResources& resources,
                                            const SynthConfig& cfg) {
  const text::StopWords& stop = resources.stop_words(ev.language);
  TermFilter filter{resources.plain_words(ev.language), resources.link_words(ev.language), {}};
  for (const auto& e : ev.entities)
    for (const auto& alias : e.aliases)
      for (const auto& sp : text::word_spans(alias, resources.elisions()))
        filter.names.insert(
            text::fold(std::string_view(alias).substr(sp.begin, sp.end - sp.begin)));
  const size_t n = ev.articles.size();
  std::vector<Counts> counts(n);
  std::vector<std::string> headlines(n);
  Counts total;
  long total_n = 0;
  std::vector<long> article_n(n, 0);
  for (size_t a = 0; a < n; ++a) {
    const Article& art = *ev.articles[a];
    if (art.title && !art.title->empty()) {
      headlines[a] = *art.title;
    } else if (a < ev.analyses.size() && ev.analyses[a] && !ev.analyses[a]->sentences.empty()) {
      headlines[a] = ev.analyses[a]->sentences[0].text;
    }
    if (!headlines[a].empty())
      count_terms(headlines[a], stop, filter, resources.elisions(), true, counts[a]);
    count_terms(art.text, stop, filter, resources.elisions(), false, counts[a]);
    for (const auto& [k, t] : counts[a]) {
      TermInfo& g = total[k];
      g.count += t.count;
      article_n[a] += t.count;
    }
    total_n += article_n[a];
  }
  std::vector<ArticleFraming> out;
  for (size_t a = 0; a < n; ++a) {
    ArticleFraming f;
    f.article = ev.articles[a]->id;
    f.headline = headlines[a];
    if (n >= 2) {
      const double na = static_cast<double>(article_n[a]);
      const double nb = static_cast<double>(total_n - article_n[a]);
      const double a0 = cfg.framing_prior;
      std::vector<std::pair<double, const TermInfo*>> scored;
      for (const auto& [k, t] : counts[a]) {
        const double ya = t.count;
        const double yb = total.at(k).count - t.count;
        const double alpha =
            0.5 + a0 * total.at(k).count / std::max(1.0, static_cast<double>(total_n));
        const double alpha0 = a0 + 0.5 * static_cast<double>(total.size());
        double delta = std::log((ya + alpha) / (na + alpha0 - ya - alpha)) -
                       std::log((yb + alpha) / (nb + alpha0 - yb - alpha));
        double z = delta / std::sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha));
        if (t.words > 1) z *= cfg.framing_phrase_boost;
        if (t.in_headline) z *= 1.2;
        if (t.all_upper) z *= 0.5;
        if (z < cfg.framing_min_z) continue;
        scored.push_back({z, &t});
      }
      std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) {
        if (x.first != y.first) return x.first > y.first;
        return x.second->first < y.second->first;
      });
      // A term sharing a content word with one already chosen says the same thing again
      // ("poignée de main", "échangent une poignée").
      std::unordered_set<std::string> chosen_words;
      for (const auto& [z, t] : scored) {
        if (f.distinctive_terms.size() >= cfg.framing_terms) break;
        std::vector<std::string> words;
        for (const auto& sp : text::word_spans(t->surface, resources.elisions())) {
          std::string w =
              text::fold(std::string_view(t->surface).substr(sp.begin, sp.end - sp.begin));
          if (w.size() >= 3 && !stop.contains(w)) words.push_back(std::move(w));
        }
        bool overlaps = false;
        for (const auto& w : words) overlaps |= chosen_words.count(w) > 0;
        if (overlaps) continue;
        chosen_words.insert(words.begin(), words.end());
        f.distinctive_terms.push_back(t->surface);
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace recoupe::synth
