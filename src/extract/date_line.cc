#include "extract/date_line.h"

#include <fmt/format.h>

#include "core/calendar.h"
#include "text/calendar_words.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace recoupe::extract {
namespace {

enum class Tok { kNumber, kWord, kPunct };

struct Token {
  Tok kind;
  std::string_view text;
  int value = 0;             // numbers: their value (capped)
  bool space_before = true;  // whitespace between this token and the previous one
};

bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  bool space = true;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t') {
      space = true;
      ++i;
      continue;
    }
    size_t j = i + 1;
    Token t{Tok::kPunct, {}, 0, space};
    if (digit(c)) {
      t.kind = Tok::kNumber;
      while (j < s.size() && digit(s[j])) ++j;
      for (size_t k = i; k < j && k < i + 6; ++k) t.value = t.value * 10 + (s[k] - '0');
    } else if (word_byte(c)) {
      t.kind = Tok::kWord;
      while (j < s.size() && word_byte(s[j])) ++j;
    }
    t.text = s.substr(i, j - i);
    out.push_back(t);
    space = false;
    i = j;
  }
  return out;
}

// A real day; a date whose year is not written (0) may be 29 February (2000 was leap).
bool valid(int y, int m, int d) { return d >= 1 && d <= days_in_month(y ? y : 2000, m); }

bool is_year(const Token& t) {
  return t.kind == Tok::kNumber && t.text.size() == 4 && t.value >= 1990 && t.value <= 2099;
}

bool is_punct(const Token& t, char c) {
  return t.kind == Tok::kPunct && t.text.size() == 1 && t.text[0] == c;
}

// A match over tokens [begin, end).
struct Span {
  DateMatch date;
  size_t begin = 0;
  size_t end = 0;
};

// dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy, yyyy-mm-dd, yyyy/mm/dd starting at token i.
std::optional<Span> numeric_at(const std::vector<Token>& t, size_t i) {
  if (i + 4 >= t.size()) return std::nullopt;
  const Token &a = t[i], &s1 = t[i + 1], &b = t[i + 2], &s2 = t[i + 3], &c = t[i + 4];
  if (a.kind != Tok::kNumber || b.kind != Tok::kNumber || c.kind != Tok::kNumber)
    return std::nullopt;
  if (s1.kind != Tok::kPunct || s2.kind != Tok::kPunct || s1.text != s2.text) return std::nullopt;
  if (s1.space_before || b.space_before || s2.space_before || c.space_before) return std::nullopt;
  char sep = s1.text[0];
  if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
  Span out;
  out.begin = i;
  out.end = i + 5;
  if (is_year(a) && b.text.size() <= 2 && c.text.size() <= 2 && sep != '.') {
    out.date = {a.value, b.value, c.value};
  } else if (is_year(c) && a.text.size() <= 2 && b.text.size() <= 2) {
    int day = a.value, month = b.value;
    if (sep == '/' && day <= 12 && month <= 12 && day != month) return std::nullopt;  // US?
    if (sep == '/' && month > 12) std::swap(day, month);
    out.date = {c.value, month, day};
  } else {
    return std::nullopt;
  }
  if (!valid(out.date.year, out.date.month, out.date.day)) return std::nullopt;
  return out;
}

// Textual forms around a month name at token m.
std::optional<Span> textual_at(const std::vector<Token>& t, size_t m, const DateNames& names) {
  int month = names.month(t[m].text);
  if (!month) return std::nullopt;
  size_t end = m + 1;
  if (end < t.size() && is_punct(t[end], '.') && !t[end].space_before) ++end;  // "sept."
  Span out;
  int day = 0;
  size_t begin = m;
  // Day before the month: "13 septembre", "13. September", "13 de septiembre", "1er mai",
  // "13th of September".
  size_t k = m;
  if (k > 0 && t[k - 1].kind == Tok::kWord && names.filler(t[k - 1].text)) --k;  // de, of
  if (k > 0 && t[k - 1].kind == Tok::kWord && !t[k - 1].space_before &&
      (t[k - 1].text == "er" || t[k - 1].text == "st" || t[k - 1].text == "nd" ||
       t[k - 1].text == "rd" || t[k - 1].text == "th" || t[k - 1].text == "o"))
    --k;  // 1er, 13th
  if (k > 0 && is_punct(t[k - 1], '.')) --k;
  if (k > 0 && t[k - 1].kind == Tok::kNumber && t[k - 1].text.size() <= 2 && t[k - 1].value >= 1 &&
      t[k - 1].value <= 31) {
    day = t[k - 1].value;
    begin = k - 1;
  }
  if (!day) {
    // Day after the month: "September 13", "Sept. 13th".
    if (end < t.size() && t[end].kind == Tok::kNumber && t[end].text.size() <= 2 &&
        t[end].value >= 1 && t[end].value <= 31) {
      day = t[end].value;
      ++end;
      if (end < t.size() && t[end].kind == Tok::kWord && !t[end].space_before &&
          (t[end].text == "st" || t[end].text == "nd" || t[end].text == "rd" ||
           t[end].text == "th"))
        ++end;
    } else {
      return std::nullopt;
    }
  }
  // Year: "2023", ", 2023", "de 2023", "del 2023", "r." after it is filler.
  int year = 0;
  size_t y = end;
  if (y < t.size() && is_punct(t[y], ',')) ++y;
  if (y < t.size() && t[y].kind == Tok::kWord && names.filler(t[y].text)) ++y;
  if (y < t.size() && is_year(t[y])) {
    year = t[y].value;
    end = y + 1;
  }
  if (!valid(year, month, day)) return std::nullopt;
  out.date = {year, month, day};
  out.begin = begin;
  out.end = end;
  return out;
}

// A time "14:05", "14h05", "14.05 Uhr" starting at token i: returns tokens used, 0 if none.
size_t time_at(const std::vector<Token>& t, size_t i) {
  if (t[i].kind != Tok::kNumber || t[i].text.size() > 2) return 0;
  if (i + 2 < t.size() && (is_punct(t[i + 1], ':') || is_punct(t[i + 1], '.')) &&
      t[i + 2].kind == Tok::kNumber && t[i + 2].text.size() == 2 && !t[i + 1].space_before)
    return (i + 4 < t.size() && is_punct(t[i + 3], ':') && t[i + 4].kind == Tok::kNumber) ? 5 : 3;
  if (i + 1 < t.size() && t[i + 1].kind == Tok::kWord && t[i + 1].text.size() == 1 &&
      t[i + 1].text[0] == 'h' && !t[i + 1].space_before)
    return (i + 2 < t.size() && t[i + 2].kind == Tok::kNumber && !t[i + 2].space_before) ? 3 : 2;
  return 0;
}

}  // namespace

DateNames DateNames::load(const std::string& data_dir, const std::vector<std::string>& langs) {
  DateNames n;
  // Each form (folded) → 1 + its line's position: January and Monday are 1.
  auto add = [](std::unordered_map<std::string, int>& map,
                const std::vector<std::vector<std::string>>& names) {
    for (size_t i = 0; i < names.size(); ++i)
      for (const auto& form : names[i])
        if (std::string name = text::fold(form); !name.empty())
          map.emplace(name, static_cast<int>(i) + 1);
  };
  for (const auto& lang : langs) {
    const text::CalendarWords calendar = text::read_calendar_words(data_dir, lang);
    add(n.months_, calendar.months);
    add(n.weekdays_, calendar.weekdays);
  }
  return n;
}

void DateNames::add_filler(std::string_view folded_word) { filler_.emplace(folded_word); }
void DateNames::add_deictic(std::string_view folded_word) { deictic_.emplace(folded_word); }
bool DateNames::deictic(std::string_view w) const { return deictic_.count(std::string(w)) > 0; }

int DateNames::month(std::string_view w) const {
  auto it = months_.find(std::string(w));
  return it == months_.end() ? 0 : it->second;
}
int DateNames::weekday(std::string_view w) const {
  auto it = weekdays_.find(std::string(w));
  return it == weekdays_.end() ? 0 : it->second;
}
bool DateNames::filler(std::string_view w) const { return filler_.count(std::string(w)) > 0; }

std::string DateMatch::iso() const {
  if (!year) return {};
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

std::optional<DateMatch> find_date(std::string_view line, const DateNames& names) {
  std::string folded = text::fold(line);
  std::vector<Token> t = tokenize(folded);
  std::optional<Span> found;
  for (size_t i = 0; i < t.size() && !found; ++i) {
    if (t[i].kind == Tok::kNumber) found = numeric_at(t, i);
    if (!found && t[i].kind == Tok::kWord) found = textual_at(t, i, names);
  }
  if (!found) return std::nullopt;
  DateMatch d = found->date;
  // Weekday right before the date: "mercredi 13", "Donnerstag, 31.", "Wednesday, September".
  size_t b = found->begin;
  if (b > 0 && is_punct(t[b - 1], ',')) --b;
  if (b > 0 && t[b - 1].kind == Tok::kWord && names.filler(t[b - 1].text)) --b;  // "le"
  if (b > 0 && is_punct(t[b - 1], '.')) --b;                                     // "Do."
  if (b > 0 && t[b - 1].kind == Tok::kWord) {
    if (int wd = names.weekday(t[b - 1].text)) {
      d.weekday = wd;
      found->begin = b - 1;
      d.deictic = b >= 2 && t[b - 2].kind == Tok::kWord && names.deictic(t[b - 2].text);
    }
  }
  // Date-only: every other token is punctuation, a weekday, a time or a filler word.
  bool only = true;
  for (size_t i = 0; i < t.size() && only; ++i) {
    if (i >= found->begin && i < found->end) continue;
    if (t[i].kind == Tok::kPunct) continue;
    if (size_t n = time_at(t, i)) {
      i += n - 1;
      continue;
    }
    if (t[i].kind == Tok::kWord && (names.weekday(t[i].text) || names.filler(t[i].text))) continue;
    only = false;
  }
  d.date_only = only;
  return d;
}

}  // namespace recoupe::extract
