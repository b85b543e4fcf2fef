// Dates written in a text, absolute and relative, resolved to ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/tokens.h"
#include "core/calendar.h"
#include "core/temporal.h"

namespace recoupe::analyze {

// A language's date words, from data/<lang>/months.txt, weekdays.txt and relative_dates.txt
// (format described at the top of each file). Immutable once loaded; safe to share.
struct DateRules {
  std::unordered_map<std::string, int> months;    // folded name → 1..12
  std::unordered_map<std::string, int> weekdays;  // folded name → 0 (Monday)..6
  PhraseSet relative;  // payload: unit * 1000 + (offset + 500); unit 0 day,1 week,2 month,3 year
  PhraseSet last;      // "dernier", "last": the weekday strictly before the reference
  PhraseSet next;      // "prochain", "next": strictly after
  PhraseSet this_;     // "ce", "this": on or before (past-tense news)
  // "will", "sera", "doit": before a bare weekday in its clause, the weekday is on or after
  // the reference ("will play in Sunday's game", « sera reçu samedi »).
  PhraseSet future;
  PhraseSet year_preps;  // "en", "in": a bare 4-digit number after one is a year
  PhraseSet day_preps;   // "le", "on the": "le 13" is a day of the reference month
  PhraseSet since;       // "depuis", "since": the date starts a state that lasts
  PhraseSet ordinals;    // suffixes after a day number: "er", "th", "." (German)
  PhraseSet links;       // words between day, month and year: "de" (es), "of" (en)
  std::unordered_map<std::string, std::string> parts;  // "soir" → "evening"
  PhraseSet parts_set;                  // same words, for phrase matching ("après-midi")
  std::vector<std::string> part_names;  // payload → normalized name
  bool month_first = false;             // numeric dates read M/D/Y ("order = mdy")
  // Counted spans: "il y a deux jours", "3 weeks ago", "dans six mois", "in two days".
  PhraseSet ago_before;    // "il y a", "voici": before "<count> <unit>", in the past
  PhraseSet ago_after;     // "ago": after "<count> <unit>", in the past
  PhraseSet ahead_before;  // "dans", "in": before "<count> <unit>", in the future
  PhraseSet span_units;    // payload: 0 day, 1 week, 2 month, 3 year ("jours", "weeks")
  std::unordered_map<std::string, int> count_words;  // number_words.txt: "deux" → 2
};

DateRules load_date_rules(const std::string& data_dir, const std::string& lang);

// Every date expression of `text`, in text order, without overlaps:
//  absolute "13 septembre 2023", "mercredi 13 septembre" (its weekday kept in `weekday`),
//  "Sept. 13, 2023", "September 2023",
//  "13-09-2023", "13/09/2023", "2023-09-13"; a year after a year preposition ("en 2019");
//  relative "hier", "la semaine dernière", "ce mercredi matin", "dimanche soir",
//  "lundi dernier", "last Tuesday", "le 13", "en septembre", and counted spans "il y a deux
//  jours", "three weeks ago", "dans six mois" (a span of weeks gives that week's Monday with
//  week precision, of months the month, of years the year).
// Relative ones are resolved against `reference`: a bare weekday (or "ce mercredi") is the
// most recent such day on or before the reference, "prochain"/"next" the first one after,
// "dernier"/"last" the last one strictly before; a bare weekday that a future word ("will",
// « sera ») comes before in its clause (back to a comma or a sentence end, 20 words at most)
// is the first such day on or after the reference; a date without a year takes the year that
// puts it nearest to the reference. Without a reference the unknown parts are left as X
// (see core/temporal.h). A date right after a `since` word, a day preposition between them
// allowed ("depuis le 8 février"), is marked `since`. Numbers that are not plausible dates (day 32,
// year 3000, "2 000") are not dates. Any valid UTF-8; cost linear in the text.
std::vector<DateMention> find_dates(std::string_view text, const DateRules& rules,
                                    std::optional<CivilDate> reference);

// Same on tokens the caller already has (tokenize(text)).
std::vector<DateMention> find_dates(std::string_view text, const std::vector<Token>& tokens,
                                    const DateRules& rules, std::optional<CivilDate> reference);

}  // namespace recoupe::analyze
