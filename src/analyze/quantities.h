// Numbers with units and hedges, normalized to value + unit.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyze/tokens.h"
#include "core/quantity.h"

namespace recoupe::analyze {

// A language's number vocabulary, from data/<lang>/number_words.txt and units.txt (format at
// the top of each file) and stopwords-snowball.txt. Immutable once loaded; safe to share.
struct QuantityRules {
  std::unordered_map<std::string, double> words;   // "deux" → 2
  std::unordered_set<std::string> weak;            // "un", "one": only before a unit or scale
  std::unordered_map<std::string, double> scales;  // "million" → 1e6, "mille" → 1e3
  std::unordered_map<std::string, double> symbol_scales;  // glued after "$1.1": "bn", "m"
  PhraseSet word_links;                                   // "et" in "vingt et un"
  PhraseSet approximations;                               // payload: Approximation
  PhraseSet units;                                        // payload: index in unit_names
  std::vector<std::string> unit_names;
  PhraseSet links;  // "de", "d'", "of": "millions de dollars"
  std::vector<std::pair<std::string, std::string>> plural_rules;  // suffix → replacement
  std::unordered_set<std::string> not_counted;  // words never taken as counted nouns
  // Words before a time of day written in hours ("à 20h08", « vers 14h »): no duration.
  PhraseSet clock_before;
  char decimal = '.';  // decimal separator
  char group = ',';    // thousands separator besides spaces
};

QuantityRules load_quantity_rules(const std::string& data_dir, const std::string& lang);

// Every quantity of `text` in order: a number (digits with the language's decimal and group
// separators, "2 000", "1,5", "3.5", or number words "deux", "quatre-vingt-dix"), times an
// optional scale word ("1,5 million"), with a unit ("40 secondes", "680 km", "3.5%",
// "14 milliards de dollars", "$14 billion") or a counted noun ("deux missiles" → unit
// "missile"; glued by a hyphen: "a 6.1-magnitude quake"; or left out after the noun of its
// sentence: "killing 10 people and injuring 80." → 80 person), and the hedge before it
// ("environ", "plus de", "at least"). Hours written "h" with their minutes last that long
// ("2h30", "2 h 30": 2.5 hours); a time of day is no quantity: hours written "h" after a
// clock word of the language ("à 20h08", « vers 14 h ») or on the hour ("14h00").
// Numbers without unit or noun, numbers glued to
// letters ("G20", "Covid-19") and numbers inside `skip` byte ranges (dates already found)
// are left out. Any valid UTF-8; cost linear.
std::vector<Quantity> find_quantities(std::string_view text, const QuantityRules& rules,
                                      const std::vector<std::pair<size_t, size_t>>& skip = {});

// Same on tokens the caller already has (tokenize(text)).
std::vector<Quantity> find_quantities(std::string_view text, const std::vector<Token>& tokens,
                                      const QuantityRules& rules,
                                      const std::vector<std::pair<size_t, size_t>>& skip = {});

}  // namespace recoupe::analyze
