#include "analyze/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

#include "text/calendar_words.h"
#include "text/data_dir.h"
#include "text/split.h"

namespace recoupe::analyze {
namespace {

// Years we accept from a bare number: news rarely cites a year outside this range, and a
// wider range turns counts ("en 1500 exemplaires") into years.
constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;

int number_value(const Token& t, size_t max_digits = 4) {
  if (t.kind != TokenKind::kNumber || t.folded.size() > max_digits) return -1;
  return std::atoi(t.folded.c_str());
}

bool adjacent(const Token& t) { return !t.space_before; }

std::string xdate(std::optional<int> y, int m, std::optional<int> d) {
  std::string ys = y ? fmt::format("{:04d}", *y) : "XXXX";
  if (!d) return fmt::format("{}-{:02d}", ys, m);
  return fmt::format("{}-{:02d}-{:02d}", ys, m, *d);
}

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& toks, const DateRules& rules,
         std::optional<CivilDate> ref)
      : text_(text), t_(toks), r_(rules), ref_(ref) {
    if (ref_) anchor_ = format_iso(*ref_);
  }

  std::vector<DateMention> run() {
    for (size_t i = 0; i < t_.size();) {
      size_t next = try_at(i);
      i = next > i ? next : i + 1;
    }
    return std::move(out_);
  }

 private:
  int month_at(size_t i) const {
    if (i >= t_.size() || t_[i].kind != TokenKind::kWord) return 0;
    auto it = r_.months.find(t_[i].folded);
    return it == r_.months.end() ? 0 : it->second;
  }
  int weekday_at(size_t i) const {
    if (i >= t_.size() || t_[i].kind != TokenKind::kWord) return -1;
    auto it = r_.weekdays.find(t_[i].folded);
    return it == r_.weekdays.end() ? -1 : it->second;
  }
  bool punct_at(size_t i, const char* p) const {
    return i < t_.size() && t_[i].kind == TokenKind::kPunct && t_[i].folded == p;
  }

  void emit(size_t first, size_t last_excl, std::string value, DatePrecision p, bool relative,
            std::string part = {}) {
    DateMention d;
    d.begin = t_[first].begin;
    d.end = t_[last_excl - 1].end;
    d.text = std::string(text_.substr(d.begin, d.end - d.begin));
    d.value = std::move(value);
    d.precision = p;
    d.relative = relative;
    if (relative) d.anchor = anchor_;
    d.time_of_day = std::move(part);
    d.since = after_since(first);
    out_.push_back(std::move(d));
  }

  // True when a `since` word ends right before token `first`, or before a day preposition
  // that does ("depuis le 8 février").
  bool after_since(size_t first) const {
    if (first == 0) return false;
    size_t last = first - 1;
    if (size_t n = r_.day_preps.match_ending(t_, last)) {
      if (n > last) return false;
      last -= n;
    }
    return r_.since.match_ending(t_, last) > 0;
  }

  // True when a future word ends in the clause before token `first`: back to a comma,
  // semicolon or sentence end, at most kClauseWords tokens ("Jackson will play in Sunday's
  // game"; not "He will be charged, police said Tuesday").
  bool told_in_future(size_t first) const {
    constexpr size_t kClauseWords = 20;
    for (size_t k = first; k-- > 0 && first - k <= kClauseWords;) {
      if (t_[k].kind == TokenKind::kPunct &&
          (t_[k].folded == "," || t_[k].folded == ";" || t_[k].folded == "." ||
           t_[k].folded == "!" || t_[k].folded == "?"))
        return false;
      if (r_.future.match_ending(t_, k) > 0) return true;
    }
    return false;
  }

  // Part of day right after token i-1 ("soir", "après-midi"): tokens used, name out.
  size_t part_after(size_t i, std::string* name) const {
    int payload = 0;
    size_t n = r_.parts_set.match(t_, i, &payload);
    if (n && payload >= 0 && static_cast<size_t>(payload) < r_.part_names.size())
      *name = r_.part_names[payload];
    return n;
  }

  // Day number at i (1..31, 1-2 digits, optional ordinal suffix glued): tokens used.
  // `after_abbreviation`: the token before is the dot of an abbreviated month ("Dec.14"),
  // which may be glued to the day.
  size_t day_at(size_t i, int* day, bool after_abbreviation = false) const {
    if (i >= t_.size() || t_[i].kind != TokenKind::kNumber || t_[i].folded.size() > 2) return 0;
    int d = number_value(t_[i]);
    if (d < 1 || d > 31) return 0;
    // Reject the middle of a longer number ("2 000", "1,5", "13:30").
    if (i > 0 && adjacent(t_[i]) && !after_abbreviation && t_[i - 1].kind != TokenKind::kWord &&
        !(t_[i - 1].kind == TokenKind::kPunct && t_[i - 1].folded == "("))
      return 0;
    *day = d;
    size_t used = 1;
    if (i + 1 < t_.size() && adjacent(t_[i + 1]) && t_[i + 1].kind != TokenKind::kNumber &&
        r_.ordinals.contains_word(t_[i + 1].folded))
      used = 2;
    return used;
  }

  int year_at(size_t i) const {
    if (i >= t_.size() || t_[i].folded.size() != 4) return -1;
    int y = number_value(t_[i]);
    if (y < kMinYear || y > kMaxYear) return -1;
    // "2019 000" or "2019,5" is not a year.
    if (i + 1 < t_.size() && t_[i + 1].kind == TokenKind::kNumber) return -1;
    if (i + 2 < t_.size() && adjacent(t_[i + 1]) && t_[i + 1].kind == TokenKind::kPunct &&
        (t_[i + 1].folded == "," || t_[i + 1].folded == ".") && adjacent(t_[i + 2]) &&
        t_[i + 2].kind == TokenKind::kNumber)
      return -1;
    return y;
  }

  // Year nearest the reference for a month/day without year.
  std::optional<int> nearest_year(int month, int day) const {
    if (!ref_) return std::nullopt;
    long ref = days_from_civil(*ref_);
    std::optional<int> best;
    long best_dist = 0;
    for (int y = ref_->year - 1; y <= ref_->year + 1; ++y) {
      int d = std::min(day, days_in_month(y, month));
      long dist = std::labs(days_from_civil({y, month, d}) - ref);
      if (!best || dist < best_dist) {
        best = y;
        best_dist = dist;
      }
    }
    return best;
  }

  // Numeric date at i: d-m-y, m-d-y or y-m-d with one separator kind, glued.
  size_t numeric_at(size_t i) {
    if (i + 4 >= t_.size()) return 0;
    const Token& sep = t_[i + 1];
    if (sep.kind != TokenKind::kPunct ||
        (sep.folded != "-" && sep.folded != "/" && sep.folded != "."))
      return 0;
    for (size_t k = 1; k <= 4; ++k)
      if (!adjacent(t_[i + k])) return 0;
    if (t_[i + 3].folded != sep.folded || t_[i + 2].kind != TokenKind::kNumber ||
        t_[i + 4].kind != TokenKind::kNumber)
      return 0;
    // Part of a longer run (version numbers, IP addresses, phone numbers).
    if (i + 6 < t_.size() && adjacent(t_[i + 5]) && t_[i + 5].folded == sep.folded &&
        t_[i + 6].kind == TokenKind::kNumber && adjacent(t_[i + 6]))
      return 0;
    if (i > 0 && adjacent(t_[i]) && t_[i - 1].kind != TokenKind::kWord && t_[i - 1].folded != "(")
      return 0;
    const std::string &a = t_[i].folded, &b = t_[i + 2].folded, &c = t_[i + 4].folded;
    int y, m, d;
    if (a.size() == 4 && b.size() <= 2 && c.size() <= 2) {
      y = std::atoi(a.c_str()), m = std::atoi(b.c_str()), d = std::atoi(c.c_str());
    } else if (a.size() <= 2 && b.size() <= 2 && c.size() == 4) {
      int x = std::atoi(a.c_str()), z = std::atoi(b.c_str());
      y = std::atoi(c.c_str());
      bool mdy = r_.month_first;
      if (x > 12) mdy = false;
      if (z > 12) mdy = true;
      m = mdy ? x : z;
      d = mdy ? z : x;
    } else {
      return 0;
    }
    if (y < kMinYear || y > kMaxYear || !is_valid_date(y, m, d)) return 0;
    emit(i, i + 5, format_iso({y, m, d}), DatePrecision::kDay, false);
    return i + 5;
  }

  // "13 septembre [2023]" at i (i = the day), `from` = first token of the mention.
  size_t day_month_at(size_t from, size_t i) {
    int day = 0;
    size_t used = day_at(i, &day);
    if (!used) return 0;
    size_t j = i + used;
    j += r_.links.match(t_, j);  // "13 de septiembre", "13th of September"
    int month = month_at(j);
    if (!month) return 0;
    ++j;
    if (punct_at(j, ".") && adjacent(t_[j])) ++j;
    if (punct_at(j, ",") && year_at(j + 1) > 0) ++j;
    if (size_t n = r_.links.match(t_, j); n && year_at(j + n) > 0) j += n;
    return finish_day_month(from, j, month, day);
  }

  size_t finish_day_month(size_t from, size_t j, int month, int day) {
    int year = year_at(j);
    if (year > 0) {
      if (!is_valid_date(year, month, day)) return 0;
      emit(from, j + 1, format_iso({year, month, day}), DatePrecision::kDay, false);
      return j + 1;
    }
    if (day > days_in_month(2024, month)) return 0;
    std::optional<int> y = nearest_year(month, day);
    if (y && !is_valid_date(*y, month, day)) return 0;
    emit(from, j, xdate(y, month, day), DatePrecision::kDay, true);
    return j;
  }

  // "September 13[, 2023]" / "Sept. 13" at i (i = the month).
  size_t month_day_at(size_t from, size_t i) {
    int month = month_at(i);
    if (!month || !t_[i].upper) return 0;
    size_t j = i + 1;
    const bool dot = punct_at(j, ".") && adjacent(t_[j]);
    if (dot) ++j;
    int day = 0;
    size_t used = day_at(j, &day, dot);
    if (!used) return 0;
    j += used;
    // A number right after ("May 5 000") or a unit would make it a count, not a day.
    if (j < t_.size() && t_[j].kind == TokenKind::kNumber) return 0;
    if (punct_at(j, ",") && year_at(j + 1) > 0) ++j;
    return finish_day_month(from, j, month, day);
  }

  // "septembre 2023" at i.
  size_t month_year_at(size_t i) {
    int month = month_at(i);
    if (!month) return 0;
    size_t j = i + 1;
    if (punct_at(j, ".") && adjacent(t_[j])) ++j;
    int year = year_at(j);
    if (year < 0) return 0;
    emit(i, j + 1, fmt::format("{:04d}-{:02d}", year, month), DatePrecision::kMonth, false);
    return j + 1;
  }

  size_t weekday_phrase_at(size_t i) {
    size_t from = i;
    int mode = 0;  // 0 on-or-before, 1 strictly after, -1 strictly before
    size_t n;
    if ((n = r_.last.match(t_, i)) && weekday_at(i + n) >= 0) {
      mode = -1, i += n;
    } else if ((n = r_.next.match(t_, i)) && weekday_at(i + n) >= 0) {
      mode = 1, i += n;
    } else if ((n = r_.this_.match(t_, i)) && weekday_at(i + n) >= 0) {
      i += n;
    }
    int wd = weekday_at(i);
    if (wd < 0) return 0;
    // "mercredi 13 septembre": an absolute date with its weekday, which is kept (it tells
    // the year of a year-less date: synth/event_date.h).
    size_t j = i + 1;
    if (punct_at(j, ",")) ++j;
    size_t e = day_month_at(from, j);
    if (!e) e = month_day_at(from, j);
    if (e) {
      out_.back().weekday = wd;
      return e;
    }
    j = i + 1;
    std::string part;
    j += part_after(j, &part);
    if (mode == 0) {
      if ((n = r_.last.match(t_, j)))
        mode = -1, j += n;
      else if ((n = r_.next.match(t_, j)))
        mode = 1, j += n;
    }
    if (part.empty()) j += part_after(j, &part);
    const bool future = mode == 0 && told_in_future(from);
    std::string value;
    if (ref_) {
      int ref_wd = days_since_monday(*ref_);
      long ref = days_from_civil(*ref_);
      long delta;
      if (mode == 1) {
        delta = (wd - ref_wd + 7) % 7;
        if (delta == 0) delta = 7;
      } else if (future) {
        delta = (wd - ref_wd + 7) % 7;
      } else {
        delta = -((ref_wd - wd + 7) % 7);
        if (mode == -1 && delta == 0) delta = -7;
      }
      value = format_iso(civil_from_days(ref + delta));
    }
    emit(from, j, value, DatePrecision::kDay, true, part);
    return j;
  }

  // "<count> <unit>" at i ("deux jours", "3 weeks"): tokens used, 0 when none.
  size_t span_at(size_t i, int* unit, int* count) const {
    if (i >= t_.size()) return 0;
    const Token& t = t_[i];
    int n = 0;
    if (t.kind == TokenKind::kNumber && t.folded.size() <= 3) {
      n = number_value(t);
    } else if (t.kind == TokenKind::kWord) {
      auto it = r_.count_words.find(t.folded);
      if (it != r_.count_words.end()) n = it->second;
    }
    if (n < 1 || n > 400) return 0;
    int payload = 0;
    size_t m = r_.span_units.match(t_, i + 1, &payload);
    if (!m) return 0;
    *unit = payload;
    *count = n;
    return 1 + m;
  }

  // Counted spans: "il y a deux jours", "dans trois semaines" at i (the phrase before), or
  // "two days ago" at i (the count).
  size_t counted_span_at(size_t i) {
    int unit = 0, count = 0, sign = 0;
    size_t from = i, j = 0;
    if (size_t n = r_.ago_before.match(t_, i)) {
      if (size_t s = span_at(i + n, &unit, &count)) j = i + n + s, sign = -1;
    }
    if (!sign) {
      if (size_t n = r_.ahead_before.match(t_, i)) {
        if (size_t s = span_at(i + n, &unit, &count)) j = i + n + s, sign = 1;
      }
    }
    if (!sign) {
      if (size_t s = span_at(i, &unit, &count)) {
        if (size_t n = r_.ago_after.match(t_, i + s)) j = i + s + n, sign = -1;
      }
    }
    if (!sign) return 0;
    DatePrecision p;
    std::string value = relative_value(unit, sign * count, &p);
    emit(from, j, std::move(value), p, true);
    return j;
  }

  // The date `offset` units (0 day, 1 week, 2 month, 3 year) from the reference, with its
  // precision; without a reference the value is empty.
  std::string relative_value(int unit, int offset, DatePrecision* p) const {
    *p = unit == 0   ? DatePrecision::kDay
         : unit == 1 ? DatePrecision::kWeek
         : unit == 2 ? DatePrecision::kMonth
                     : DatePrecision::kYear;
    if (!ref_) return {};
    long ref = days_from_civil(*ref_);
    if (unit == 0) return format_iso(civil_from_days(ref + offset));
    if (unit == 1) return format_iso(civil_from_days(ref - days_since_monday(*ref_) + 7L * offset));
    if (unit == 2) {
      int months = ref_->year * 12 + (ref_->month - 1) + offset;
      return fmt::format("{:04d}-{:02d}", months / 12, months % 12 + 1);
    }
    return fmt::format("{:04d}", ref_->year + offset);
  }

  size_t relative_at(size_t i) {
    int payload = 0;
    size_t n = r_.relative.match(t_, i, &payload);
    if (!n) return 0;
    int unit = payload / 1000, offset = payload % 1000 - 500;
    size_t j = i + n;
    std::string part;
    if (unit == 0) j += part_after(j, &part);
    DatePrecision p;
    std::string value = relative_value(unit, offset, &p);
    emit(i, j, value, p, true, part);
    return j;
  }

  // After a year preposition: "en 2019", "en septembre", "in September".
  size_t after_prep_at(size_t i) {
    size_t n = r_.year_preps.match(t_, i);
    if (!n) return 0;
    size_t j = i + n;
    int year = year_at(j);
    if (year > 0) {
      emit(j, j + 1, fmt::format("{:04d}", year), DatePrecision::kYear, false);
      return j + 1;
    }
    int month = month_at(j);
    if (month && (t_[j].upper || !r_.month_first)) {
      if (size_t e = month_year_at(j)) return e;
      if (j + 1 < t_.size() && t_[j + 1].kind == TokenKind::kNumber) return 0;
      std::optional<int> y = nearest_year(month, 15);
      emit(j, j + 1, xdate(y, month, std::nullopt), DatePrecision::kMonth, true);
      return j + 1;
    }
    return 0;
  }

  // "le 13" followed by punctuation: a day of the month nearest the reference.
  size_t day_prep_at(size_t i) {
    size_t n = r_.day_preps.match(t_, i);
    if (!n) return 0;
    size_t j = i + n;
    int day = 0;
    size_t used = day_at(j, &day);
    if (!used) return 0;
    size_t k = j + used;
    if (k < t_.size()) {
      const Token& t = t_[k];
      if (t.kind != TokenKind::kPunct || t.folded == "%" || t.folded == "/" || t.folded == "-" ||
          t.folded == ":" ||
          ((t.folded == "," || t.folded == ".") && k + 1 < t_.size() && adjacent(t_[k + 1]) &&
           t_[k + 1].kind == TokenKind::kNumber))
        return 0;
    }
    std::string value;
    if (ref_) {
      long ref = days_from_civil(*ref_);
      std::optional<CivilDate> best;
      long best_dist = 0;
      for (int dm = -1; dm <= 1; ++dm) {
        int months = ref_->year * 12 + (ref_->month - 1) + dm;
        CivilDate c{months / 12, months % 12 + 1, day};
        if (!is_valid_date(c.year, c.month, c.day)) continue;
        long dist = std::labs(days_from_civil(c) - ref);
        if (!best || dist < best_dist) best = c, best_dist = dist;
      }
      if (!best) return 0;
      value = format_iso(*best);
    }
    emit(j, k, value, DatePrecision::kDay, true);
    return k;
  }

  size_t try_at(size_t i) {
    const Token& t = t_[i];
    if (t.kind == TokenKind::kNumber) {
      if (size_t e = numeric_at(i)) return e;
      if (size_t e = counted_span_at(i)) return e;
      if (size_t e = day_month_at(i, i)) return e;
      return 0;
    }
    if (t.kind != TokenKind::kWord) return 0;
    if (size_t e = weekday_phrase_at(i)) return e;
    if (size_t e = month_day_at(i, i)) return e;
    if (size_t e = month_year_at(i)) return e;
    if (size_t e = counted_span_at(i)) return e;
    if (size_t e = relative_at(i)) return e;
    if (size_t e = after_prep_at(i)) return e;
    if (size_t e = day_prep_at(i)) return e;
    return 0;
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  const DateRules& r_;
  std::optional<CivilDate> ref_;
  std::string anchor_;
  std::vector<DateMention> out_;
};

// Each one-word form of names[i] (folded) → first + i.
void add_numbered(const std::vector<std::vector<std::string>>& names,
                  std::unordered_map<std::string, int>& into, int first) {
  for (size_t i = 0; i < names.size(); ++i)
    for (const auto& v : names[i]) {
      std::vector<Token> toks = tokenize(v);
      if (toks.size() == 1) into.emplace(toks[0].folded, first + static_cast<int>(i));
    }
}

}  // namespace

DateRules load_date_rules(const std::string& data_dir, const std::string& lang) {
  DateRules r;
  const text::CalendarWords calendar = text::read_calendar_words(data_dir, lang);
  add_numbered(calendar.months, r.months, 1);
  add_numbered(calendar.weekdays, r.weekdays, 0);
  // Counts of a span: the plain number words of number_words.txt ("deux", "weak 1 = un").
  for (const auto& line : text::read_list(data_dir, lang, "number_words.txt")) {
    std::string key, value;
    if (!split_key_value(line, &key, &value)) continue;
    if (key.rfind("weak ", 0) == 0) key = key.substr(5);
    if (key.empty() || !std::all_of(key.begin(), key.end(), ::isdigit)) continue;
    int n = std::atoi(key.c_str());
    if (n < 1 || n > 400) continue;
    for (const auto& v : text::split_variants(value)) {
      std::vector<Token> toks = tokenize(v);
      if (toks.size() == 1) r.count_words.emplace(toks[0].folded, n);
    }
  }
  for (const auto& line : text::read_list(data_dir, lang, "relative_dates.txt")) {
    std::string key, value;
    if (!split_key_value(line, &key, &value)) continue;
    std::vector<std::string> phrases = text::split_variants(value);
    auto add_all = [&](PhraseSet& set, int payload) {
      for (const auto& p : phrases) set.add(p, payload);
    };
    if (key == "last")
      add_all(r.last, 0);
    else if (key == "next")
      add_all(r.next, 0);
    else if (key == "this")
      add_all(r.this_, 0);
    else if (key == "future")
      add_all(r.future, 0);
    else if (key == "year_prep")
      add_all(r.year_preps, 0);
    else if (key == "day_prep")
      add_all(r.day_preps, 0);
    else if (key == "since")
      add_all(r.since, 0);
    else if (key == "ordinal")
      add_all(r.ordinals, 0);
    else if (key == "link")
      add_all(r.links, 0);
    else if (key == "ago_before")
      add_all(r.ago_before, 0);
    else if (key == "ago_after")
      add_all(r.ago_after, 0);
    else if (key == "ahead_before")
      add_all(r.ahead_before, 0);
    else if (key.rfind("span ", 0) == 0) {
      static const char* kSpanUnits[] = {"day", "week", "month", "year"};
      for (int u = 0; u < 4; ++u)
        if (key.substr(5) == kSpanUnits[u]) add_all(r.span_units, u);
    } else if (key == "order")
      r.month_first = value == "mdy";
    else if (key.rfind("part ", 0) == 0) {
      int payload = static_cast<int>(r.part_names.size());
      r.part_names.push_back(key.substr(5));
      add_all(r.parts_set, payload);
    } else {
      static const char* kUnits[] = {"day ", "week ", "month ", "year "};
      for (int u = 0; u < 4; ++u) {
        std::string prefix = kUnits[u];
        if (key.rfind(prefix, 0) != 0) continue;
        int offset = std::atoi(key.c_str() + prefix.size());
        if (offset < -400 || offset > 400) continue;
        add_all(r.relative, u * 1000 + offset + 500);
      }
    }
  }
  return r;
}

std::vector<DateMention> find_dates(std::string_view text, const std::vector<Token>& tokens,
                                    const DateRules& rules, std::optional<CivilDate> reference) {
  return Finder(text, tokens, rules, reference).run();
}

std::vector<DateMention> find_dates(std::string_view text, const DateRules& rules,
                                    std::optional<CivilDate> reference) {
  std::vector<Token> tokens = tokenize(text);
  return find_dates(text, tokens, rules, reference);
}

}  // namespace recoupe::analyze
