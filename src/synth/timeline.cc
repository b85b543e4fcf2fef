#include "synth/timeline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/calendar.h"
#include "synth/content_words.h"
#include "synth/corroboration.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

bool is_boundary(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') {
    *len = 1;
    return true;
  }
  // Spaced hyphen or en/em dash.
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

std::string trim_clause(std::string_view s) {
  std::string t = text::collapse_spaces(s);
  while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ';' || t.back() == ':'))
    t.pop_back();
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

std::string first_words(const std::string& s, int max_words, const text::ElisionRules& elisions) {
  auto spans = text::word_spans(s, elisions);
  if (static_cast<int>(spans.size()) <= max_words) return s;
  return trim_clause(std::string_view(s).substr(0, spans[max_words - 1].end)) + " …";
}

double binary_cosine(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  size_t common = 0;
  for (const auto& x : a) common += b.count(x);
  return common / std::sqrt(static_cast<double>(a.size()) * b.size());
}

struct Event {
  std::string date;
  std::string precision;
  std::string what;
  std::set<std::string> stems;
  size_t article;
};

}  // namespace

std::string clause_around(std::string_view s, size_t begin, size_t end, int max_words,
                          const text::ElisionRules& elisions) {
  // Clause boundaries outside the date itself.
  size_t cb = 0, ce = s.size();
  for (size_t i = 0; i < begin && i < s.size(); ++i) {
    size_t len;
    if (is_boundary(s, i, &len)) cb = i + len;
  }
  for (size_t i = end; i < s.size(); ++i) {
    size_t len;
    if (is_boundary(s, i, &len)) {
      ce = i;
      break;
    }
  }
  std::string clause = trim_clause(s.substr(cb, ce - cb));
  if (static_cast<int>(text::count_words(clause, elisions)) < 6 && cb > 0) {
    // Too short to say who: put the sentence's opening clause (its subject) in front.
    size_t fe = s.size();
    for (size_t i = 0; i < s.size(); ++i) {
      size_t len;
      if (is_boundary(s, i, &len)) {
        fe = i;
        break;
      }
    }
    if (fe < cb) clause = trim_clause(s.substr(0, fe)) + " " + clause;
  } else if (static_cast<int>(text::count_words(clause, elisions)) < 6 && ce < s.size()) {
    // An opening clause of only the date ("Ce mardi matin, il a rencontré …"): the next
    // clause says what happened.
    size_t ne = s.size();
    for (size_t i = ce + 1; i < s.size(); ++i) {
      size_t len;
      if (is_boundary(s, i, &len)) {
        ne = i;
        break;
      }
    }
    clause = trim_clause(s.substr(cb, ne - cb));
  }
  return first_words(clause, max_words, elisions);
}

std::vector<TimelineEntry> build_timeline(const StoryEvidence& ev, const SynthResources& resources,
                                          const SynthConfig& cfg, size_t* left_out) {
  if (left_out) *left_out = 0;
  const text::StopWords& stop = resources.stop_words(ev.language);
  const text::ElisionRules& elisions = resources.elisions();
  text::Stemmer stemmer(ev.language);
  std::vector<Event> events;
  for (size_t a = 0; a < ev.articles.size(); ++a) {
    const ArticleAnalysis* an = a < ev.analyses.size() ? ev.analyses[a] : nullptr;
    if (!an) continue;
    const std::string& txt = ev.articles[a]->text;
    size_t si = 0;
    for (const auto& d : an->dates) {
      if (d.value.empty() || d.value.find('X') != std::string::npos) continue;
      while (si < an->sentences.size() && an->sentences[si].end <= d.begin) ++si;
      if (si >= an->sentences.size()) break;
      const Sentence& s = an->sentences[si];
      if (d.begin < s.begin || d.end > s.end || s.end > txt.size()) continue;
      std::string_view stext(txt.data() + s.begin, s.end - s.begin);
      // A date alone on a line (a dateline, a byline) is not an event.
      if (text::count_words(stext, elisions) < 5) continue;
      Event e;
      e.date = d.value;
      e.precision = to_string(d.precision);
      e.what = clause_around(stext, d.begin - s.begin, d.end - s.begin, cfg.timeline_what_words,
                             elisions);
      if (text::count_words(e.what, elisions) < 3) continue;
      for (const auto& cw : content_words(e.what, stop, stemmer, elisions)) e.stems.insert(cw.stem);
      e.article = a;
      events.push_back(std::move(e));
    }
  }
  // Group: same date, overlapping "what".
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < events.size(); ++i) {
    int best = -1;
    double best_sim = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (events[groups[g][0]].date != events[i].date) continue;
      for (size_t k : groups[g]) {
        double sim = binary_cosine(events[i].stems, events[k].stems);
        if (sim >= cfg.timeline_merge_threshold && sim > best_sim) {
          best_sim = sim;
          best = static_cast<int>(g);
        }
      }
    }
    if (best < 0)
      groups.push_back({i});
    else
      groups[best].push_back(i);
  }
  std::vector<TimelineEntry> out;
  for (const auto& g : groups) {
    // The medoid "what" speaks for the group; ties go to the shorter wording.
    size_t rep = g[0];
    double best = -1;
    for (size_t i : g) {
      double s = 0;
      for (size_t k : g) s += binary_cosine(events[i].stems, events[k].stems);
      if (s > best + 1e-9 ||
          (std::fabs(s - best) < 1e-9 && events[i].what.size() < events[rep].what.size())) {
        best = s;
        rep = i;
      }
    }
    std::vector<size_t> arts;
    for (size_t i : g) arts.push_back(events[i].article);
    out.push_back(
        {events[rep].date, events[rep].precision, events[rep].what, article_ids(ev, arts)});
  }
  // A week or a month that holds day entries of the timeline adds nothing ("Comme annoncé en
  // début de semaine" next to the days it spans): the days say when.
  auto covers_a_day = [&](const TimelineEntry& coarse) {
    std::string first, last;
    if (coarse.precision == "week") {
      auto d = parse_iso_date(coarse.date);
      if (!d) return false;
      first = coarse.date;
      last = format_iso(civil_from_days(days_from_civil(*d) + 6));
    } else if (coarse.precision == "month") {
      first = coarse.date + "-01";
      last = coarse.date + "-31";
    } else {
      return false;
    }
    for (const auto& e : out)
      if (e.precision == "day" && e.date >= first && e.date <= last) return true;
    return false;
  };
  // An entry whose text opens on a reporting verb ("a annoncé mardi l'agence …") states who
  // told, not what happened: left out when the same date has another entry.
  const auto& plain = resources.plain_words(ev.language);
  auto opens_on_reporting = [&](const TimelineEntry& t) {
    auto words = content_words(t.what, stop, stemmer, elisions);
    return !words.empty() && plain.count(words[0].folded) > 0;
  };
  auto reporting_only = [&](const TimelineEntry& t) {
    if (!opens_on_reporting(t)) return false;
    for (const auto& e : out)
      if (&e != &t && e.date == t.date && !opens_on_reporting(e)) return true;
    return false;
  };
  std::vector<TimelineEntry> kept;
  for (const auto& e : out)
    if (!covers_a_day(e) && !reporting_only(e)) kept.push_back(e);
  out = std::move(kept);
  if (out.size() > cfg.max_timeline) {
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
      return x.articles.size() > y.articles.size();
    });
    if (left_out) *left_out = std::min(out.size() - cfg.max_timeline, kMoreCounted);
    out.resize(cfg.max_timeline);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    if (x.date != y.date) return x.date < y.date;
    return x.articles.size() > y.articles.size();
  });
  return out;
}

}  // namespace recoupe::synth
