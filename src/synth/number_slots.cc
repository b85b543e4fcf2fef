#include "synth/number_slots.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "synth/content_words.h"
#include "text/stemmer.h"

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

// Bytes [begin, end) of the clause of `text` around [q_begin, q_end), within the sentence
// [s_begin, s_end).
std::pair<size_t, size_t> clause_around(std::string_view text, size_t s_begin, size_t s_end,
                                        size_t q_begin, size_t q_end) {
  size_t b = q_begin;
  while (b > s_begin && !clause_break(text, b - 1)) --b;
  size_t e = q_end;
  while (e < s_end && !clause_break(text, e)) ++e;
  return {b, e};
}

bool has_prefix_in(const std::string& word, const std::unordered_set<std::string>& cues) {
  for (size_t len = 3; len <= word.size(); ++len)
    if (cues.count(word.substr(0, len))) return true;
  return false;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

}  // namespace

std::vector<NumberMention> number_mentions(const StoryEvidence& ev, const SynthResources& resources,
                                           size_t window) {
  std::vector<NumberMention> out;
  const text::StopWords& stop = resources.stop_words(ev.language);
  const auto& cues = resources.revision_cues(ev.language);
  text::Stemmer stemmer(ev.language);
  for (size_t a = 0; a < ev.articles.size() && a < ev.analyses.size(); ++a) {
    const ArticleAnalysis* an = ev.analyses[a];
    if (!an) continue;
    const std::string_view text = ev.articles[a]->text;
    size_t s = 0;
    for (const Quantity& q : an->quantities) {
      if (q.unit.empty() || q.end > text.size() || q.begin >= q.end) continue;
      while (s < an->sentences.size() && an->sentences[s].end <= q.begin) ++s;
      if (s == an->sentences.size() || an->sentences[s].begin > q.begin) continue;
      const auto& sentence = an->sentences[s];
      const auto [cb, ce] =
          clause_around(text, sentence.begin, std::min(sentence.end, text.size()), q.begin, q.end);
      const auto before =
          content_words(text.substr(cb, q.begin - cb), stop, stemmer, resources.elisions());
      const auto after =
          content_words(text.substr(q.end, ce - q.end), stop, stemmer, resources.elisions());
      NumberMention m;
      m.article = a;
      m.begin = q.begin;
      m.end = q.end;
      m.clause_begin = cb;
      m.clause_end = ce;
      m.text = q.text;
      m.value = q.value;
      m.unit = q.unit;
      m.approximate = q.approximation != Approximation::kExact;
      bool revision = false;
      auto take = [&](const ContentWord& w, size_t offset) {
        revision |= has_prefix_in(w.folded, cues);
        if (w.capitalized) {
          if (offset + w.begin > sentence.begin + 2) m.names.push_back(w.folded);
        } else if (w.folded.find_first_not_of("0123456789") != std::string::npos) {
          m.predicates.push_back(w.stem);
        }
      };
      for (size_t i = before.size() > window ? before.size() - window : 0; i < before.size(); ++i)
        take(before[i], cb);
      for (size_t i = 0; i < after.size() && i < window; ++i) take(after[i], q.end);
      if (revision) continue;
      sort_unique(m.predicates);
      sort_unique(m.names);
      out.push_back(std::move(m));
    }
  }
  return out;
}

bool same_slot(const NumberMention& a, const NumberMention& b, double min_shared) {
  if (a.article == b.article || a.unit != b.unit) return false;
  const size_t predicates = shared_count(a.predicates, b.predicates);
  if (predicates == 0) return false;
  const size_t names = shared_count(a.names, b.names);
  if (!a.names.empty() && !b.names.empty() && names == 0) return false;
  const size_t smaller =
      std::min(a.predicates.size() + a.names.size(), b.predicates.size() + b.names.size());
  return static_cast<double>(predicates + names) >= min_shared * static_cast<double>(smaller);
}

bool compatible_values(const NumberMention& a, const NumberMention& b, double tolerance) {
  const double x = std::fabs(a.value), y = std::fabs(b.value);
  const double lo = std::min(x, y), hi = std::max(x, y);
  if (hi == lo) return true;
  if (hi > 10.0 * lo) return true;  // a total and a part: not one fact
  // Large amounts are rounded in print ("5 milliards", "4,91 milliards"); small counts and
  // measures are not: 33 and 34 years, magnitude 5.9 and 6.1 differ.
  if (lo >= 1000.0 && hi <= tolerance * lo) return true;
  return (a.approximate || b.approximate) && hi <= 1.15 * lo;
}

std::vector<std::vector<size_t>> number_slots(const std::vector<NumberMention>& mentions) {
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < mentions.size(); ++i) {
    size_t best = groups.size(), best_matches = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
      size_t matches = 0;
      for (size_t j : groups[g]) matches += same_slot(mentions[i], mentions[j]) ? 1 : 0;
      if (matches * 2 > groups[g].size() && matches > best_matches) {
        best = g;
        best_matches = matches;
      }
    }
    if (best == groups.size())
      groups.push_back({i});
    else
      groups[best].push_back(i);
  }
  return groups;
}

}  // namespace recoupe::synth
