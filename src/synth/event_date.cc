#include "synth/event_date.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "core/calendar.h"

namespace recoupe::synth {
namespace {

constexpr std::string_view kUnknownYear = "XXXX";
constexpr int kLedeWeight = 2;  // a day stated in the article's first two sentences
constexpr int kBodyWeight = 1;

bool starts_with_year(std::string_view value) {
  return value.size() >= 4 && std::isdigit(static_cast<unsigned char>(value[0])) &&
         std::isdigit(static_cast<unsigned char>(value[1])) &&
         std::isdigit(static_cast<unsigned char>(value[2])) &&
         std::isdigit(static_cast<unsigned char>(value[3]));
}

// "YYYY-MM-DD" or "XXXX-MM-DD": a day this module can vote on.
bool is_day_value(const DateMention& d) {
  return d.precision == DatePrecision::kDay && d.value.size() == 10 &&
         (starts_with_year(d.value) || d.value.starts_with(kUnknownYear)) &&
         d.value.find('X', 4) == std::string::npos;
}

// Byte offset where the article's third sentence starts: dates before it are in the lede.
size_t lede_end(const ArticleAnalysis& analysis) {
  if (analysis.sentences.size() < 3) return SIZE_MAX;
  return analysis.sentences[2].begin;
}

// The article's day dates with their weight, year-less ones given a year its same sentence
// states before them ("en 2008, … le 2 juillet"): a year farther away is too often another
// time the article recalls.
void collect_votes(const ArticleAnalysis& analysis, int origin,
                   std::map<std::string, std::map<int, int>>& votes) {
  const size_t lede = lede_end(analysis);
  std::string last_year;  // dates come in text order
  size_t last_year_sentence = SIZE_MAX;
  size_t sentence = 0;  // of the current date; moves forward only, as the dates do
  for (const auto& d : analysis.dates) {
    while (sentence + 1 < analysis.sentences.size() &&
           analysis.sentences[sentence + 1].begin <= d.begin)
      ++sentence;
    if (!d.relative && starts_with_year(d.value)) {
      last_year = d.value.substr(0, 4);
      last_year_sentence = sentence;
    }
    // A day after "depuis" starts a state the article reports as lasting: the article tells
    // what came after it.
    if (!is_day_value(d) || d.since) continue;
    std::string day = d.value;
    if (day.starts_with(kUnknownYear) && !last_year.empty() && last_year_sentence == sentence)
      day.replace(0, 4, last_year);
    int& weight = votes[day][origin];
    weight = std::max(weight, d.begin < lede ? kLedeWeight : kBodyWeight);
  }
}

// A day's votes: their sum, then how many origins state it in their lede (on equal sums,
// fewer origins telling it in the lede means more telling it deep in the body, as background).
struct Tally {
  int votes = 0;
  int lede = 0;
  auto operator<=>(const Tally&) const = default;
};

Tally tally(const std::map<int, int>& weight_by_origin) {
  Tally t;
  for (const auto& [origin, weight] : weight_by_origin) {
    t.votes += weight;
    t.lede += weight == kLedeWeight;
  }
  return t;
}

// True when day `a` comes after day `b`; a year-less day is compared on its month and day
// (and loses to a dated day of the same month and day).
bool later_day(const std::string& a, const std::string& b) {
  if (!a.starts_with(kUnknownYear) && !b.starts_with(kUnknownYear)) return a > b;
  int md = a.compare(4, 6, b, 4, 6);
  return md > 0 || (md == 0 && b.starts_with(kUnknownYear) && !a.starts_with(kUnknownYear));
}

// A day written with its weekday and without its year ("mercredi 2 juillet").
struct WeekdayDay {
  int month = 0, day = 0, weekday = 0;
  auto operator<=>(const WeekdayDay&) const = default;
};

bool falls_on_weekday(int year, const WeekdayDay& w) {
  return is_valid_date(year, w.month, w.day) &&
         days_since_monday({year, w.month, w.day}) == w.weekday;
}

// The calendar repeats within 28 years: a year after the latest stated one that agrees with
// the weekdays is found within that span, when one exists.
constexpr int kCalendarCycle = 28;

// The year of the days the story writes with a weekday and no year, when the years its
// articles state single one out (see the header); nullopt otherwise.
std::optional<int> year_from_weekdays(const StoryEvidence& ev) {
  std::set<WeekdayDay> written;
  std::set<int> stated;
  for (const ArticleAnalysis* analysis : ev.analyses) {
    if (!analysis) continue;
    for (const auto& d : analysis->dates) {
      if (!d.relative && starts_with_year(d.value)) stated.insert(std::stoi(d.value.substr(0, 4)));
      if (d.weekday >= 0 && is_day_value(d) && d.value.starts_with(kUnknownYear))
        written.insert(
            {std::stoi(d.value.substr(5, 2)), std::stoi(d.value.substr(8, 2)), d.weekday});
    }
  }
  if (written.empty() || stated.empty()) return std::nullopt;
  // At least three quarters of the written weekdays must fall right in that year: all of
  // them when there are fewer than four.
  auto agrees = [&](int year) {
    size_t n = 0;
    for (const auto& w : written) n += falls_on_weekday(year, w);
    return 4 * n >= 3 * written.size();
  };
  for (auto it = stated.rbegin(); it != stated.rend(); ++it)
    if (agrees(*it)) return *it;
  for (int year = *stated.rbegin() + 1; year <= *stated.rbegin() + kCalendarCycle; ++year)
    if (agrees(year)) return year;
  return std::nullopt;
}

// "XXXX-MM-DD" dated in the year, or next to it, that puts it nearest the weekday-written
// days of `year` (a story told in early January recalls "31 décembre" of the year before).
std::string with_year(const std::string& day, int year, const StoryEvidence& ev) {
  const int month = std::stoi(day.substr(5, 2)), dom = std::stoi(day.substr(8, 2));
  std::vector<int64_t> anchors;
  for (const ArticleAnalysis* analysis : ev.analyses) {
    if (!analysis) continue;
    for (const auto& d : analysis->dates) {
      if (d.weekday < 0 || !is_day_value(d) || !d.value.starts_with(kUnknownYear)) continue;
      WeekdayDay w{std::stoi(d.value.substr(5, 2)), std::stoi(d.value.substr(8, 2)), d.weekday};
      if (falls_on_weekday(year, w)) anchors.push_back(days_from_civil({year, w.month, w.day}));
    }
  }
  int best_year = 0;
  int64_t best_distance = 0;
  for (int y : {year, year - 1, year + 1}) {  // a tie keeps `year`
    if (!is_valid_date(y, month, dom)) continue;
    const int64_t at = days_from_civil({y, month, dom});
    int64_t distance = INT64_MAX;
    for (int64_t a : anchors) distance = std::min(distance, a > at ? a - at : at - a);
    if (best_year == 0 || distance < best_distance) {
      best_year = y;
      best_distance = distance;
    }
  }
  if (best_year == 0) return day;  // 29 February of no nearby leap year
  return format_iso({best_year, month, dom});
}

}  // namespace

std::string story_event_date(const StoryEvidence& ev, const ClaimSet& cs) {
  std::string latest_pub, earliest_pub;
  for (const Article* a : ev.articles) {
    if (!a->published_at) continue;
    std::string d = format_iso(a->published_at->date);
    if (latest_pub.empty() || d > latest_pub) latest_pub = d;
    if (earliest_pub.empty() || d < earliest_pub) earliest_pub = d;
  }
  const std::string limit =
      (latest_pub.empty() ? ev.reference_date.value_or("") : latest_pub).substr(0, 10);

  std::map<std::string, std::map<int, int>> votes;  // day → origin → weight
  for (size_t a = 0; a < ev.articles.size() && a < ev.analyses.size(); ++a) {
    if (!ev.analyses[a]) continue;
    const int origin = a < cs.outlet_of.size() ? cs.outlet_of[a] : static_cast<int>(a);
    collect_votes(*ev.analyses[a], origin, votes);
  }
  // Year-less votes join the dated day of the same month and day with the most votes.
  std::map<std::string, Tally> totals;
  for (const auto& [day, by_origin] : votes) {
    if (day.starts_with(kUnknownYear) || (!limit.empty() && day > limit)) continue;
    totals[day] = tally(by_origin);
  }
  for (const auto& [day, by_origin] : votes) {
    if (!day.starts_with(kUnknownYear)) continue;
    std::string target = day;
    int target_votes = 0;
    for (const auto& [dated, t] : totals)
      if (dated.compare(4, 6, day, 4, 6) == 0 && t.votes > target_votes) {
        target = dated;
        target_votes = t.votes;
      }
    std::map<int, int> merged = by_origin;
    if (target != day)
      for (const auto& [origin, weight] : votes[target])
        merged[origin] = std::max(merged[origin], weight);
    totals[target] = std::max(totals[target], tally(merged));
  }
  std::string best;
  Tally best_tally;
  for (const auto& [day, t] : totals) {
    if (best_tally < t || (t == best_tally && later_day(day, best))) {
      best = day;
      best_tally = t;
    }
  }
  if (best.starts_with(kUnknownYear))
    if (std::optional<int> year = year_from_weekdays(ev)) return with_year(best, *year, ev);
  if (!best.empty()) return best;
  if (!earliest_pub.empty()) return earliest_pub;
  return ev.reference_date ? ev.reference_date->substr(0, 10) : "";
}

}  // namespace recoupe::synth
