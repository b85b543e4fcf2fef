#include "synth/event_date.h"

#include <cctype>
#include <map>
#include <string_view>

#include "core/calendar.h"

namespace recoupe::synth {
namespace {

constexpr std::string_view kUnknownYear = "XXXX";

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
    if (!is_day_value(d)) continue;
    std::string day = d.value;
    if (day.starts_with(kUnknownYear) && !last_year.empty() && last_year_sentence == sentence)
      day.replace(0, 4, last_year);
    int& weight = votes[day][origin];
    weight = std::max(weight, d.begin < lede ? 2 : 1);
  }
}

// True when day `a` comes after day `b`; a year-less day is compared on its month and day
// (and loses to a dated day of the same month and day).
bool later_day(const std::string& a, const std::string& b) {
  if (!a.starts_with(kUnknownYear) && !b.starts_with(kUnknownYear)) return a > b;
  int md = a.compare(4, 6, b, 4, 6);
  return md > 0 || (md == 0 && b.starts_with(kUnknownYear) && !a.starts_with(kUnknownYear));
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
  std::map<std::string, int> totals;
  for (const auto& [day, by_origin] : votes) {
    if (day.starts_with(kUnknownYear) || (!limit.empty() && day > limit)) continue;
    for (const auto& [origin, weight] : by_origin) totals[day] += weight;
  }
  for (const auto& [day, by_origin] : votes) {
    if (!day.starts_with(kUnknownYear)) continue;
    std::string target = day;
    int target_votes = 0;
    for (const auto& [dated, n] : totals)
      if (dated.compare(4, 6, day, 4, 6) == 0 && n > target_votes) {
        target = dated;
        target_votes = n;
      }
    std::map<int, int> merged = by_origin;
    if (target != day)
      for (const auto& [origin, weight] : votes[target])
        merged[origin] = std::max(merged[origin], weight);
    int n = 0;
    for (const auto& [origin, weight] : merged) n += weight;
    totals[target] = std::max(totals[target], n);
  }
  std::string best;
  int best_votes = 0;
  for (const auto& [day, n] : totals) {
    if (n > best_votes || (n == best_votes && later_day(day, best))) {
      best = day;
      best_votes = n;
    }
  }
  if (!best.empty()) return best;
  if (!earliest_pub.empty()) return earliest_pub;
  return ev.reference_date ? ev.reference_date->substr(0, 10) : "";
}

}  // namespace recoupe::synth
