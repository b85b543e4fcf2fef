// Dates written in a line of text: "13-09-2023", "2023-09-13", "13.09.2023",
// "mercredi 13 septembre 2023", "13. September 2023", "September 13, 2023", "13 de septiembre
// de 2023". Shared by the text cleaner and the HTML extractor (bylines, <time> text).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace recoupe::extract {

// Month and weekday names of several languages, folded (text::fold), from
// data/<lang>/months.txt and weekdays.txt (one month/day per line, variants split by '|').
// Immutable after load; thread-safe to share.
class DateNames {
 public:
  DateNames() = default;
  // Loads the names of every language in `langs`; a language without files adds nothing.
  static DateNames load(const std::string& data_dir, const std::vector<std::string>& langs);
  // Adds the words that may stand inside a date line without making it prose ("le", "am",
  // "um", "Uhr"): folded.
  void add_filler(std::string_view folded_word);
  // Adds a word that makes a following weekday refer to the day of writing ("ce", "this",
  // "diesen"): folded.
  void add_deictic(std::string_view folded_word);

  int month(std::string_view folded_word) const;    // 1..12, 0 when not a month name
  int weekday(std::string_view folded_word) const;  // 1 (Monday)..7, 0 when not a weekday
  bool filler(std::string_view folded_word) const;
  bool deictic(std::string_view folded_word) const;

 private:
  std::unordered_map<std::string, int> months_;
  std::unordered_map<std::string, int> weekdays_;
  std::unordered_set<std::string> filler_;
  std::unordered_set<std::string> deictic_;
};

// A calendar date found in a line. `year` is 0 when the text gives none ("ce mercredi 13
// septembre"); such a date is never printed as a publication date on its own.
struct DateMatch {
  int year = 0;
  int month = 0;
  int day = 0;
  int weekday = 0;       // 1..7 when a weekday name precedes the date, else 0
  bool deictic = false;  // the weekday follows "ce", "this", "diesen": the day of writing
  // True when the line holds nothing but the date, its weekday, a time and filler words
  // (a date widget or a dateline), counting at most `extra_words` other words.
  bool date_only = false;
  // "2023-09-13"; empty when year is unknown.
  std::string iso() const;
};

// The first valid date in `line` (UTF-8), or nothing. Numeric forms are day-first
// (13-09-2023, 13.09.2023, 13/09/2023) or ISO (2023-09-13); a slash form that could be
// either day- or month-first (03/04/2023) is refused rather than guessed. Years must be
// 1990..2099 in numeric forms. A textual date needs a month name next to a day number.
// Cost: linear in the line, one fold of the line.
std::optional<DateMatch> find_date(std::string_view line, const DateNames& names);

}  // namespace recoupe::extract
