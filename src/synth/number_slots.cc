#include "synth/number_slots.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/fold.h"

#include "synth/article_reading.h"
#include "synth/content_words.h"
#include "synth/sorted_words.h"
#include "text/stemmer.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// A clause ends at , ; : ( ) or a dash (an en or em dash, or " - ").
bool clause_break(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
  if (c == '-' && i > 0 && i + 1 < s.size() && s[i - 1] == ' ' && s[i + 1] == ' ') return true;
  return c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
         (s[i + 2] == '\x93' || s[i + 2] == '\x94');
}

// The end of a figure's equivalent in parentheses right after `q_end` ("1,150 kilometers
// (700 miles)", "à 20h08 (12h08 GMT)"): the byte after its ')', or `q_end` when none. The
// equivalent restates the figure; the clause goes on after it ("… (700 miles) southeast of
// Tehran").
size_t equivalent_end(std::string_view text, size_t q_end, size_t s_end) {
  size_t i = q_end;
  while (i < s_end && text[i] == ' ') ++i;
  if (i >= s_end || text[i] != '(') return q_end;
  bool digit = false;
  for (size_t k = i + 1; k < s_end && k < i + 48; ++k) {
    if (text[k] == ')') return digit ? k + 1 : q_end;
    if (text[k] == '(' || clause_break(text, k)) return q_end;
    digit |= std::isdigit(static_cast<unsigned char>(text[k])) != 0;
  }
  return q_end;
}

// True when the quantity [begin, end) stands alone in parentheses right after an earlier
// figure ending at `previous_end`: an equivalent of it (another unit, time zone or
// currency), not a value of its own.
bool is_equivalent(std::string_view text, size_t previous_end, size_t begin, size_t s_end) {
  return previous_end <= begin && equivalent_end(text, previous_end, s_end) > begin &&
         text.substr(previous_end, begin - previous_end).find(')') == std::string_view::npos;
}

// Bytes [begin, end) of the clause of `text` around [q_begin, q_end), within the sentence
// [s_begin, s_end).
std::pair<size_t, size_t> clause_around(std::string_view text, size_t s_begin, size_t s_end,
                                        size_t q_begin, size_t q_end) {
  size_t b = q_begin;
  while (b > s_begin && !clause_break(text, b - 1)) --b;
  size_t e = equivalent_end(text, q_end, s_end);
  while (e < s_end && !clause_break(text, e)) ++e;
  return {b, e};
}

bool has_prefix_in(const std::string& word, const std::unordered_set<std::string>& cues) {
  for (size_t len = 3; len <= word.size(); ++len)
    if (cues.count(word.substr(0, len))) return true;
  return false;
}

bool is_space_at(std::string_view s, size_t i) {
  return s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
         (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0');
}

bool word_byte(std::string_view s, size_t i) {
  return !is_space_at(s, i) && !std::isdigit(static_cast<unsigned char>(s[i])) &&
         std::string_view(",;:.()%\"'-").find(s[i]) == std::string_view::npos;
}

// Bytes [*begin, *end) of the word starting at `i` after spaces (letters up to a space, a
// digit or punctuation); empty when a non-letter comes first.
void word_span_after(std::string_view s, size_t i, size_t* begin, size_t* end) {
  while (i < s.size() && is_space_at(s, i)) i += s[i] == '\xC2' ? 2 : 1;
  size_t e = i;
  while (e < s.size() && word_byte(s, e)) ++e;
  *begin = i;
  *end = e;
}

// The word ending at `i` before spaces, folded, and where it starts (*start).
std::string word_before(std::string_view s, size_t i, size_t* start) {
  auto space_before = [&](size_t k) {  // bytes of the space ending at k, 0 when none
    if (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n')) return size_t{1};
    if (k > 1 && s[k - 1] == '\xA0' && s[k - 2] == '\xC2') return size_t{2};
    return size_t{0};
  };
  while (size_t n = space_before(i)) i -= n;
  size_t b = i;
  while (b > 0 && !space_before(b) && !std::isdigit(static_cast<unsigned char>(s[b - 1])) &&
         std::string_view(",;:.()%\"'-").find(s[b - 1]) == std::string_view::npos)
    --b;
  *start = b;
  return text::fold(s.substr(b, i - b));
}

// True when a duration ending at `end` is followed, within a few words ("deux ans et demi
// avant", "five days later"), by an offset cue: the time between two moments.
bool is_offset(std::string_view s, size_t end, const std::unordered_set<std::string>& cues) {
  size_t i = end;
  for (int k = 0; k < 4; ++k) {
    size_t b = 0, e = 0;
    word_span_after(s, i, &b, &e);
    if (e == b) {  // a number inside the duration ("3 ans et 4 mois") is skipped
      while (b < s.size() && std::isdigit(static_cast<unsigned char>(s[b]))) ++b;
      if (b == e) return false;
      i = b;
      continue;
    }
    if (cues.count(text::fold(s.substr(b, e - b)))) return true;
    i = e;
  }
  return false;
}

// Years written in a clause ("2003", "1988"): four digits from 1800 to 2099 standing alone.
std::vector<std::string> clause_years(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) continue;
    if (i + 4 < s.size() && std::isalnum(static_cast<unsigned char>(s[i + 4]))) continue;
    const std::string_view y = s.substr(i, 4);
    if ((y.substr(0, 2) == "18" || y.substr(0, 2) == "19" || y.substr(0, 2) == "20") &&
        std::isdigit(static_cast<unsigned char>(y[2])) &&
        std::isdigit(static_cast<unsigned char>(y[3])))
      out.emplace_back(y);
  }
  return out;
}

bool is_time_unit(const std::string& unit) {
  return unit == "second" || unit == "minute" || unit == "hour" || unit == "day" ||
         unit == "week" || unit == "month" || unit == "year";
}

// "20h08", "8h30": a time of day, not a number of hours ("8h08" and "20h08" may be the
// same evening written two ways).
bool clock_time(std::string_view text, const Quantity& q) {
  return q.unit == "hour" && q.end > q.begin && q.end < text.size() &&
         (text[q.end - 1] == 'h' || text[q.end - 1] == 'H') &&
         std::isdigit(static_cast<unsigned char>(text[q.end]));
}

bool digit_after_spaces(std::string_view s, size_t i) {
  while (i < s.size() && is_space_at(s, i)) i += s[i] == '\xC2' ? 2 : 1;
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

// A dash (hyphen, en or em dash) at `i`; its length in bytes, 0 when none.
size_t dash_at(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '-') return 1;
  if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
      (s[i + 2] == '\x93' || s[i + 2] == '\x94'))
    return 3;
  return 0;
}

// A multiplication sign at `i` ('x' or U+00D7 '×'); its length in bytes, 0 when none.
size_t times_sign_at(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == 'x') return 1;
  return s.substr(i, 2) == "\xC3\x97" ? 2 : 0;
}

// True when the quantity [begin, end) of `s` is one end of a range ("de 20 à 30 %", "40
// percent to 70 percent", "20-30 km") or a dimension ("4×4", "2x2"): not a value an outlet
// states alone.
bool in_range(std::string_view s, size_t begin, size_t end,
              const std::unordered_set<std::string>& range_words) {
  // After: "40 percent to 70", "20 – 30".
  size_t i = end;
  while (i < s.size() && s[i] == ' ') ++i;
  if (size_t d = dash_at(s, i); d && digit_after_spaces(s, i + d)) return true;
  size_t wb = 0, we = 0;
  word_span_after(s, end, &wb, &we);
  if (we > wb && range_words.count(text::fold(s.substr(wb, we - wb))) && digit_after_spaces(s, we))
    return true;
  // "4×4", "4x4": a dimension or a model name.
  if (size_t t = times_sign_at(s, end);
      t && end + t < s.size() && std::isdigit(static_cast<unsigned char>(s[end + t])))
    return true;
  for (size_t t : {size_t{1}, size_t{2}})
    if (begin > t && times_sign_at(s, begin - t) == t &&
        std::isdigit(static_cast<unsigned char>(s[begin - t - 1])))
      return true;
  // Before: "de 20 à 30 %", "20-30 km".
  size_t b = begin;
  while (b > 0 && s[b - 1] == ' ') --b;
  if (b >= 2 && s[b - 1] == '-' && std::isdigit(static_cast<unsigned char>(s[b - 2]))) return true;
  if (b >= 4 && dash_at(s, b - 3) == 3) {
    size_t k = b - 3;
    while (k > 0 && s[k - 1] == ' ') --k;
    if (k > 0 && std::isdigit(static_cast<unsigned char>(s[k - 1]))) return true;
  }
  size_t word_start = 0;
  const std::string prev = word_before(s, begin, &word_start);
  if (!prev.empty() && range_words.count(prev)) {
    // A number right before the range word, or before its unit: "20 à", "40 percent to".
    // ("à 8h08" after a name is a time, not the end of a range.)
    size_t k = word_start;
    while (k > 0 && s[k - 1] == ' ') --k;
    if (k > 0 && std::isdigit(static_cast<unsigned char>(s[k - 1]))) return true;
    size_t unit_start = 0;
    if (!word_before(s, k, &unit_start).empty() || (k > 0 && s[k - 1] == '%')) {
      if (k > 0 && s[k - 1] == '%') unit_start = k - 1;
      while (unit_start > 0 && s[unit_start - 1] == ' ') --unit_start;
      if (unit_start > 0 && std::isdigit(static_cast<unsigned char>(s[unit_start - 1])))
        return true;
    }
  }
  return false;
}

// The folded noun after a link word right after a quantity ("d'État" after "90 chefs",
// "of state" after "80 heads"); empty when the clause goes on otherwise.
std::string complement_after(std::string_view after, const text::ElisionRules& elisions,
                             const std::unordered_set<std::string>& links) {
  const auto spans = text::word_spans(after, elisions);
  if (spans.size() < 2) return {};
  std::string link = text::fold(after.substr(spans[0].begin, spans[0].end - spans[0].begin));
  while (!link.empty() && link.back() == '\'') link.pop_back();
  if (link.size() >= 3 && link.compare(link.size() - 3, 3, "\xE2\x80\x99") == 0)
    link.resize(link.size() - 3);
  // Only spaces or an apostrophe between the quantity and the link word.
  if (!links.count(link) ||
      after.substr(0, spans[0].begin).find_first_not_of(" \xC2\xA0") != std::string_view::npos)
    return {};
  std::string noun = text::fold(after.substr(spans[1].begin, spans[1].end - spans[1].begin));
  if (noun.size() < 2 || noun.find_first_of("0123456789") != std::string::npos) return {};
  return noun;
}

// The place a distance is measured from, when the words right after it say which way it
// lies and name it: "1,500 kilometers south of Tehran", "1,150 kilometers (700 miles)
// southeast of Tehran", « à 150 km au sud de Marseille ». At most two stop words before the
// bearing ("to the", « au »), then a link word and a capitalised name (its folded words);
// empty otherwise.
std::string bearing_place(std::string_view after, const text::ElisionRules& elisions,
                          const text::StopWords& stop,
                          const std::unordered_set<std::string>& bearings,
                          const std::unordered_set<std::string>& links) {
  const auto spans = text::word_spans(after, elisions);
  auto folded = [&](size_t k) {
    std::string w = text::fold(after.substr(spans[k].begin, spans[k].end - spans[k].begin));
    while (!w.empty() && w.back() == '\'') w.pop_back();  // "d'" is met as "d"
    return w;
  };
  size_t k = 0;
  while (k < spans.size() && k < 2 && !bearings.count(folded(k)) && stop.contains(folded(k))) ++k;
  if (k >= spans.size() || !bearings.count(folded(k))) return {};
  ++k;
  if (k >= spans.size() || !links.count(folded(k))) return {};
  ++k;
  std::string place;
  for (; k < spans.size(); ++k) {
    const std::string_view w = after.substr(spans[k].begin, spans[k].end - spans[k].begin);
    if (!starts_upper(w)) break;
    if (!place.empty()) place += ' ';
    place += text::fold(w);
  }
  return place;
}

// The stems of the lower-case words next to a quantity beginning at `q_begin` (`window` on
// each side of the clause [cb, ce), the words after it read from `after_begin`, past its
// equivalent) that the conservative stop list keeps: for a clause whose words are all in the
// broad list ("home to 120,000 people"), the weaker words still say what is counted.
std::vector<std::string> weaker_predicates(std::string_view text, size_t cb, size_t ce,
                                           size_t q_begin, size_t after_begin, size_t window,
                                           const text::StopWords& function_words,
                                           const text::Stemmer& stemmer,
                                           const text::ElisionRules& elisions,
                                           const std::unordered_set<std::string>& plain) {
  const auto before =
      content_words(text.substr(cb, q_begin - cb), function_words, stemmer, elisions);
  const auto after =
      content_words(text.substr(after_begin, ce - after_begin), function_words, stemmer, elisions);
  std::vector<std::string> out;
  auto take = [&](const ContentWord& w) {
    if (!w.capitalized && !plain.count(w.folded) &&
        w.folded.find_first_not_of("0123456789") != std::string::npos)
      out.push_back(w.stem);
  };
  for (size_t i = before.size() > window ? before.size() - window : 0; i < before.size(); ++i)
    take(before[i]);
  for (size_t i = 0; i < after.size() && i < window; ++i) take(after[i]);
  return out;
}

// True when the quantity's text ends with its figure: its noun is left out, taken from the
// count before it ("injuring 80" after "killing 10 people").
bool borrows_noun(const Quantity& q) {
  return !q.text.empty() && std::isdigit(static_cast<unsigned char>(q.text.back()));
}

}  // namespace

namespace {

// What the words of a number's clause say of it (predicates, names, when), read with one
// language's lists.
class SlotWords {
 public:
  SlotWords(const SynthResources& resources, const std::string& lang, size_t window)
      : stop_(resources.stop_words(lang)),
        function_words_(resources.function_words(lang)),
        cues_(resources.revision_cues(lang)),
        plain_(resources.plain_words(lang)),
        times_(resources.time_words(lang)),
        links_(resources.quantity_links(lang)),
        bearings_(resources.bearing_words(lang)),
        elisions_(resources.elisions()),
        stemmer_(lang),
        window_(window) {}

  // Fills m's predicates, names and when from its clause [m.clause_begin, m.clause_end) of
  // `text` around `q`, in `sentence`. False when the clause revises an earlier figure
  // ("revised up to"): no version of the fact then.
  bool describe(NumberMention& m, std::string_view text, const Sentence& sentence,
                const Quantity& q) const {
    const size_t cb = m.clause_begin, ce = m.clause_end;
    const auto before = content_words(text.substr(cb, q.begin - cb), stop_, stemmer_, elisions_);
    // The words after the figure's equivalent, if it has one ("(700 miles)").
    const size_t after_begin = equivalent_end(text, q.end, ce);
    const auto after =
        content_words(text.substr(after_begin, ce - after_begin), stop_, stemmer_, elisions_);
    bool revision = false;
    auto take = [&](const ContentWord& w, size_t offset) {
      revision |= has_prefix_in(w.folded, cues_);
      // Reporting verbs, weekdays and months ("said", "Sunday") tell nothing of what is
      // counted.
      if (plain_.count(w.folded)) return;
      if (w.capitalized) {
        if (offset + w.begin > sentence.begin + 2) m.names.push_back(w.folded);
      } else if (w.folded.find_first_not_of("0123456789") != std::string::npos) {
        m.predicates.push_back(w.stem);
      }
    };
    // Predicates come from the few words next to the number; names from anywhere in the
    // clause: who the number is about or who states it ("a poll by Ethnos … said 83.3
    // percent") decides the slot even a few words away.
    for (size_t i = 0; i < before.size(); ++i) {
      if (i + window_ >= before.size())
        take(before[i], cb);
      else if (before[i].capitalized && cb + before[i].begin > sentence.begin + 2 &&
               !plain_.count(before[i].folded))
        m.names.push_back(before[i].folded);
    }
    for (size_t i = 0; i < after.size(); ++i) {
      if (i < window_)
        take(after[i], after_begin);
      else if (after[i].capitalized && !plain_.count(after[i].folded))
        m.names.push_back(after[i].folded);
    }
    // An apposition: the clause follows a comma and opens in lower case ("…Qeshm island,
    // home to 120,000 people"); what it describes is named in the clause before.
    if (cb > sentence.begin && text[cb - 1] == ',') {
      const size_t first = text.find_first_not_of(" \t\n", cb);
      if (first < q.begin && std::islower(static_cast<unsigned char>(text[first]))) {
        size_t pb = cb - 1;
        while (pb > sentence.begin && !clause_break(text, pb - 1)) --pb;
        for (const ContentWord& w :
             content_words(text.substr(pb, cb - 1 - pb), stop_, stemmer_, elisions_))
          if (w.capitalized && pb + w.begin > sentence.begin + 2 && !plain_.count(w.folded))
            m.described.push_back(w.folded);
      }
    }
    // When: weekdays, months and years anywhere in the clause.
    for (const auto* words : {&before, &after})
      for (const ContentWord& w : *words)
        if (times_.count(w.folded)) m.when.push_back(w.folded);
    for (const std::string& f : clause_years(text.substr(cb, ce - cb))) m.when.push_back(f);
    if (revision) return false;
    // A share's complement is what it is a share of ("70% of internet traffic"), not which
    // share: shares of one whole in two places differ. It does not decide the slot.
    if (const std::string of =
            q.unit == "percent"
                ? std::string()
                : complement_after(text.substr(after_begin, ce - after_begin), elisions_, links_);
        !of.empty()) {
      m.of = stemmer_.stem(of);
      m.predicates.push_back(m.of);
      m.names.erase(std::remove(m.names.begin(), m.names.end(), of), m.names.end());
    } else if (m.unit == "km") {
      // A distance from a named place is of that place: two outlets' distances from Tehran
      // count one thing whichever way they say it lies, and other distances another.
      const std::string place = bearing_place(text.substr(after_begin, ce - after_begin), elisions_,
                                              stop_, bearings_, links_);
      if (!place.empty()) {
        m.of = "@" + place;
        m.predicates.push_back(m.of);
        for (size_t b = 0, e; b <= place.size(); b = e + 1) {
          e = std::min(place.find(' ', b), place.size());
          const std::string word = place.substr(b, e - b);
          m.names.erase(std::remove(m.names.begin(), m.names.end(), word), m.names.end());
        }
      }
    }
    if (m.predicates.empty())
      m.predicates = weaker_predicates(text, cb, ce, q.begin, after_begin, window_, function_words_,
                                       stemmer_, elisions_, plain_);
    sort_unique(m.predicates);
    sort_unique(m.names);
    sort_unique(m.when);
    sort_unique(m.described);
    return true;
  }

 private:
  const text::StopWords& stop_;
  const text::StopWords& function_words_;
  const std::unordered_set<std::string>& cues_;
  const std::unordered_set<std::string>& plain_;
  const std::unordered_set<std::string>& times_;
  const std::unordered_set<std::string>& links_;
  const std::unordered_set<std::string>& bearings_;
  const text::ElisionRules& elisions_;
  const text::Stemmer stemmer_;
  const size_t window_;
};

}  // namespace

// True when the quantity beginning at `begin` of `s` is the whole of a share: a number and
// a share word come right before it, a stop word perhaps between ("30 of 207 punches", "28
// of his 68 punches", « 3 de ses 11 rebonds »). A share counts what one side did of what it
// tried, over a span the words around seldom tell (a round, a fight, a season); another
// outlet's figure of the same noun may be the part, or another side's whole.
static bool whole_of_share(std::string_view s, size_t begin,
                           const std::unordered_set<std::string>& share_words,
                           const text::StopWords& stop) {
  if (share_words.empty()) return false;
  size_t start = 0;
  std::string prev = word_before(s, begin, &start);
  if (!prev.empty() && !share_words.count(prev) && stop.contains(prev))
    prev = word_before(s, start, &start);
  if (prev.empty() || !share_words.count(prev)) return false;
  while (start > 0 && s[start - 1] == ' ') --start;
  return start > 0 && std::isdigit(static_cast<unsigned char>(s[start - 1]));
}

std::vector<NumberMention> article_number_mentions(const Article& article,
                                                   const ArticleAnalysis& analysis,
                                                   const std::string& language,
                                                   const SynthResources& resources, size_t window) {
  std::vector<NumberMention> out;
  const auto& offsets = resources.offset_cues(language);
  const auto& ranges = resources.range_words(language);
  const auto& shares = resources.share_words(language);
  const text::StopWords& stop = resources.stop_words(language);
  const SlotWords slot_words(resources, language, window);
  const std::string_view text = article.text;
  size_t s = 0;
  std::unordered_map<std::string, size_t> previous_end;  // unit → end of its last number
  size_t last_end = 0;                                   // end of the last number, any unit
  for (const Quantity& q : analysis.quantities) {
    const size_t after_last = std::exchange(last_end, q.end);
    // The words before a number that borrows its noun go back no further than the number
    // it borrows from: in "killing 10 people and injuring 80", "killing" tells of the 10.
    const size_t after_previous = std::exchange(previous_end[q.unit], q.end);
    if (q.unit.empty() || q.end > text.size() || q.begin >= q.end) continue;
    while (s < analysis.sentences.size() && analysis.sentences[s].end <= q.begin) ++s;
    if (s == analysis.sentences.size() || analysis.sentences[s].begin > q.begin) continue;
    const auto& sentence = analysis.sentences[s];
    // "(700 miles)" after "1,150 kilometers": the same figure in another unit.
    if (after_last > 0 && is_equivalent(text, after_last, q.begin, sentence.end)) continue;
    // "cinq jours avant l'opération": the distance between two moments. "de 20 à 30 %":
    // one end of a range. "30 of 207 punches": the whole of a share. None is a value to
    // compare.
    if ((is_time_unit(q.unit) && is_offset(text, q.end, offsets)) ||
        in_range(text, q.begin, q.end, ranges) || clock_time(text, q) ||
        whole_of_share(text, q.begin, shares, stop))
      continue;
    auto [cb, ce] =
        clause_around(text, sentence.begin, std::min(sentence.end, text.size()), q.begin, q.end);
    if (after_previous > cb && after_previous <= q.begin && borrows_noun(q)) cb = after_previous;
    NumberMention m;
    m.begin = q.begin;
    m.end = q.end;
    m.clause_begin = cb;
    m.clause_end = ce;
    m.text = q.text;
    const CommonMeasure measure = in_common_unit(q.unit, q.value);
    m.value = measure.value;
    m.unit = measure.unit;
    m.converted = measure.unit != q.unit;
    m.approximate = q.approximation != Approximation::kExact;
    m.approximation = q.approximation;
    if (slot_words.describe(m, text, sentence, q)) out.push_back(std::move(m));
  }
  return out;
}

std::vector<NumberMention> number_mentions(const StoryEvidence& ev,
                                           const SynthResources& resources) {
  std::vector<NumberMention> out;
  for (size_t a = 0; a < ev.articles.size() && a < ev.analyses.size(); ++a) {
    if (!ev.analyses[a]) continue;
    const size_t first = out.size();
    if (const ArticleReading* reading = given_reading(ev, a)) {
      out.insert(out.end(), reading->numbers.begin(), reading->numbers.end());
    } else {
      auto mentions =
          article_number_mentions(*ev.articles[a], *ev.analyses[a], ev.language, resources);
      std::move(mentions.begin(), mentions.end(), std::back_inserter(out));
    }
    for (size_t k = first; k < out.size(); ++k) out[k].article = a;
  }
  return out;
}

bool set_apart(const NumberMention& a, const NumberMention& b) {
  if (!a.of.empty() && !b.of.empty() && a.of != b.of) return true;
  if (!a.when.empty() && !b.when.empty() && shared_count(a.when, b.when) == 0) return true;
  return !a.names.empty() && !b.names.empty() && shared_count(a.names, b.names) == 0;
}

bool same_slot(const NumberMention& a, const NumberMention& b, double min_shared) {
  if (a.article == b.article || a.unit != b.unit || set_apart(a, b)) return false;
  const size_t predicates = shared_count(a.predicates, b.predicates);
  if (predicates == 0) return false;
  const size_t names = shared_count(a.names, b.names);
  const bool both_of = !a.of.empty() && !b.of.empty();
  // A duration's complement says what was done, not when: "12 hours of deliberation" before
  // a verdict and "30 hours of deliberation" before a sentence are two phases.
  if (both_of && !is_time_unit(a.unit)) return true;
  const size_t smaller =
      std::min(a.predicates.size() + a.names.size(), b.predicates.size() + b.names.size());
  return static_cast<double>(predicates + names) >= min_shared * static_cast<double>(smaller);
}

bool describe_one_thing(const NumberMention& a, const NumberMention& b) {
  return !a.predicates.empty() && a.predicates == b.predicates &&
         shared_count(a.described, b.described) > 0;
}

bool far_apart(double a, double b) {
  const double x = std::fabs(a), y = std::fabs(b);
  return std::max(x, y) > 10.0 * std::min(x, y);
}

bool within_bound(const NumberMention& bound, double value) {
  if (bound.approximation == Approximation::kMoreThan) return value > bound.value;
  if (bound.approximation == Approximation::kLessThan) return value < bound.value;
  // "At least" / "at most" bound a count of things ("at least two ladder trucks" and "three
  // ladder trucks" agree), not of people: news gives a running toll so ("at least seven
  // people" against "10 people" is two tolls).
  if (bound.unit != "person" && bound.approximation == Approximation::kAtLeast)
    return value >= bound.value;
  if (bound.unit != "person" && bound.approximation == Approximation::kAtMost)
    return value <= bound.value;
  return false;
}

bool same_bound(const NumberMention& a, const NumberMention& b) {
  return a.approximation == b.approximation && (a.approximation == Approximation::kMoreThan ||
                                                a.approximation == Approximation::kLessThan);
}

bool compatible_values(const NumberMention& a, const NumberMention& b, double tolerance) {
  const double x = std::fabs(a.value), y = std::fabs(b.value);
  const double lo = std::min(x, y), hi = std::max(x, y);
  if (hi == lo) return true;
  // Two bounds of one direction ("more than 26,000" and "more than 31,000") are each
  // outlet's figure, written as a floor: they are compared as values.
  if (!same_bound(a, b) && (within_bound(a, b.value) || within_bound(b, a.value))) return true;
  if (far_apart(x, y)) return true;  // a total and a part: not one fact
  // Large amounts are rounded in print ("5 milliards", "4,91 milliards"); small counts and
  // measures are not: 33 and 34 years, magnitude 5.9 and 6.1 differ. A figure converted
  // from another unit ("500 miles" beside "800 km") is rounded too.
  if ((lo >= 1000.0 || a.converted != b.converted) && hi <= tolerance * lo) return true;
  // "Almost 90 percent" is 90 or a little under: an exact 93.87 percent is another figure;
  // "almost five minutes" may be printed "4 minutes" elsewhere.
  for (const auto& [nearly, other] : {std::pair{&a, &b}, std::pair{&b, &a}})
    if (nearly->approximation == Approximation::kNearly &&
        other->approximation == Approximation::kExact) {
      const double top = std::fabs(nearly->value), value = std::fabs(other->value);
      return value <= top && (value * 1.15 >= top || value >= top - 1.0);
    }
  return (a.approximate || b.approximate) && hi <= 1.15 * lo;
}

std::vector<std::vector<size_t>> number_slots(const std::vector<NumberMention>& mentions) {
  std::vector<std::vector<size_t>> groups;
  // same_slot never matches two units, so a group holds one unit and a mention is compared
  // with the groups of its own unit only (in group order: the same choice as over all).
  std::unordered_map<std::string, std::vector<size_t>> groups_of_unit;
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::vector<size_t>& candidates = groups_of_unit[mentions[i].unit];
    size_t best = groups.size(), best_matches = 0;
    for (size_t g : candidates) {
      // Members ten times larger or smaller count other things ("killing 10 people", "more
      // than 31,000 people" of a quake years ago, both killed): the mention is compared with
      // the others only, and a group of such members only is not its slot.
      size_t matches = 0, near = 0;
      bool apart = false;
      for (size_t j : groups[g]) {
        if (far_apart(mentions[i].value, mentions[j].value)) continue;
        ++near;
        matches += same_slot(mentions[i], mentions[j]) ? 1 : 0;
        apart = apart || set_apart(mentions[i], mentions[j]);
      }
      // Half the members are enough when none is set apart from it: in a group of two, a
      // mention told like one of them and without conflict with the other (the other told
      // in fewer words) joins them rather than starting a slot of its own.
      const bool joins = near > 0 && (matches * 2 > near || (!apart && matches * 2 == near));
      if (joins && matches > best_matches) {
        best = g;
        best_matches = matches;
      }
    }
    if (best == groups.size()) {
      candidates.push_back(groups.size());
      groups.push_back({i});
    } else {
      groups[best].push_back(i);
    }
  }
  return groups;
}

}  // namespace recoupe::synth
