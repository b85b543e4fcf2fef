#include "synth/title.h"

#include <algorithm>
#include <set>

#include "synth/sentence_form.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// A title longer than this (words) is taken only when no candidate is shorter: a title is
// read at a glance (news headlines run 8–15 words).
constexpr size_t kTitleMaxWords = 18;

std::string fold_clean(std::string_view s) {
  std::string f = text::collapse_spaces(text::fold(s));
  while (!f.empty() && (f.back() == '.' || f.back() == ' ')) f.pop_back();
  return f;
}

bool boundary_at(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ',' || c == ';' || c == ':' || c == '(') {
    *len = 1;
    return true;
  }
  if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') {
    *len = 1;
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
       static_cast<unsigned char>(s[i + 2]) == 0x94)) {
    *len = 3;
    return true;
  }
  return false;
}

}  // namespace

std::string compress_to_main_clause(std::string_view claim,
                                    const std::vector<std::pair<size_t, size_t>>& dates,
                                    int min_words) {
  // Blank out dates (and one short word right before them: "ce", "le", "on").
  std::string s(claim);
  for (auto [b, e] : dates) {
    if (e > s.size() || b >= e) continue;
    size_t wb = b;
    size_t k = b;
    while (k > 0 && s[k - 1] == ' ') --k;
    size_t ws = k;
    while (ws > 0 && s[ws - 1] != ' ' && s[ws - 1] != ',' && s[ws - 1] != '(') --ws;
    if (k > ws && k - ws <= 3) wb = ws;
    for (size_t i = wb; i < e; ++i) s[i] = '\x01';
  }
  std::string t;
  for (char c : s)
    if (c != '\x01') t += c;
  t = text::collapse_spaces(t);
  // Incises left empty (", ," or ", ce ,") collapse.
  for (;;) {
    bool changed = false;
    for (size_t i = 0; i + 2 < t.size(); ++i) {
      if (t[i] == ',' && t[i + 1] == ' ' && t[i + 2] == ',') {
        t.erase(i, 3);
        changed = true;
        break;
      }
      if (t[i] == ',' && t[i + 1] == ',') {
        t.erase(i, 1);
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  std::string_view v(t);
  size_t cut = v.size();
  int words = 0;
  auto spans = text::word_spans(v);
  size_t wi = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    while (wi < spans.size() && spans[wi].end <= i) {
      ++wi;
      ++words;
    }
    size_t len;
    if (boundary_at(v, i, &len) && words >= min_words) {
      cut = i;
      break;
    }
  }
  std::string out(text::collapse_spaces(v.substr(0, cut)));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == ','))
    out.pop_back();
  if (!out.empty() && out.front() >= 'a' && out.front() <= 'z')
    out.front() = static_cast<char>(out.front() - 32);
  return out;
}

std::string neutral_title(const StoryEvidence& ev, const ClaimSet& cs, const SynthConfig& cfg,
                          const text::StopWords* stop_words) {
  const auto& claims = cs.claims;
  if (claims.empty()) return "";
  std::set<std::string> headlines;
  for (const Article* a : ev.articles)
    if (a->title) headlines.insert(fold_clean(*a->title));
  std::vector<size_t> order;
  for (size_t c = 0; c < claims.size(); ++c)
    if (!claims[c].quote_only && claims[c].words >= 6) order.push_back(c);
  // A title states the story's main event: ledes (first claims of an article) that most
  // outlets carry. A claim opening on an incise ("Kim, qui …,") compresses badly.
  auto score = [&](size_t c) {
    const Claim& cl = claims[c];
    double s = 3.0 * cs.support_outlets[c] + 4.0 / (1.0 + cl.position) +
               0.5 * std::min<size_t>(cl.entities.size() + cl.names.size(), 4) +
               0.5 * cs.centrality[c];
    size_t comma = cl.text.find(',');
    if (comma != std::string::npos &&
        text::count_words(std::string_view(cl.text).substr(0, comma)) < 5)
      s -= 3.0;
    return s;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return score(x) > score(y); });
  for (size_t max_words : {kTitleMaxWords, SIZE_MAX})
    for (size_t c : order) {
      const Claim& cl = claims[c];
      const ArticleAnalysis* whole = ev.analyses[cl.article];
      char cut = whole && cl.sentence < whole->sentences.size()
                     ? clause_cut(whole->sentences[cl.sentence].text, cl.text)
                     : '\0';
      if (!reads_as_sentence(cl.text, cut == ',' ? ';' : cut))
        continue;  // a lede's first half is fine
      const size_t skip = rubric_end(cl.text);
      std::vector<std::pair<size_t, size_t>> dates;
      const ArticleAnalysis* an = ev.analyses[cl.article];
      for (const auto& d : an->dates)
        if (d.begin >= cl.begin + skip && d.end <= cl.end && d.precision == DatePrecision::kDay)
          dates.push_back({d.begin - cl.begin - skip, d.end - cl.begin - skip});
      std::string t = compress_to_main_clause(std::string_view(cl.text).substr(skip), dates);
      if (text::count_words(t) < 4 || text::count_words(t) > max_words) continue;
      // A quotation is a speaker's words, not what happened.
      if (t.starts_with("\"") || t.starts_with("\xC2\xAB") || t.starts_with("\xE2\x80\x9C"))
        continue;
      if (stop_words) {
        auto spans = text::word_spans(t);
        // Written in lower case: "May" ending "Theresa May" is a name, not the modal.
        if (!spans.empty() && t[spans.back().begin] >= 'a' && t[spans.back().begin] <= 'z' &&
            stop_words->contains(text::fold(std::string_view(t).substr(
                spans.back().begin, spans.back().end - spans.back().begin))))
          continue;
      }
      // Never an outlet's headline, nor its opening words.
      std::string ft = fold_clean(t);
      bool headline = false;
      for (const auto& h : headlines)
        if (h.compare(0, ft.size(), ft) == 0) headline = true;
      if (headline) continue;
      return t;
    }
  return "";
}

}  // namespace recoupe::synth
