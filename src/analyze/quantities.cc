#include "analyze/quantities.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "text/data_dir.h"
#include "text/split.h"

namespace recoupe::analyze {
namespace {

bool adjacent(const Token& t) { return !t.space_before; }

// One space (or no-break space) between two tokens: "2 000".
bool single_space(std::string_view text, const Token& a, const Token& b) {
  if (b.newline_before) return false;
  std::string_view gap = text.substr(a.end, b.begin - a.end);
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& toks, const QuantityRules& rules,
         const std::vector<std::pair<size_t, size_t>>& skip)
      : text_(text), t_(toks), r_(rules), skip_(skip) {}

  std::vector<Quantity> run() {
    for (size_t i = 0; i < t_.size();) {
      size_t next = try_at(i);
      i = next > i ? next : i + 1;
    }
    return std::move(out_);
  }

 private:
  bool skipped(size_t i) {
    size_t pos = t_[i].begin;
    while (skip_i_ < skip_.size() && skip_[skip_i_].second <= pos) ++skip_i_;
    return skip_i_ < skip_.size() && skip_[skip_i_].first <= pos && pos < skip_[skip_i_].second;
  }

  // Digits at i: "2 000", "1,5", "3.5", "1,500,000". Returns tokens used (0: none).
  size_t digits_at(size_t i, double* value) {
    const Token& t = t_[i];
    if (t.kind != TokenKind::kNumber) return 0;
    // Glued to a word or a hyphen after a word: "G20", "Covid-19", "A-10".
    if (i > 0 && adjacent(t)) {
      const Token& p = t_[i - 1];
      if (p.kind == TokenKind::kWord) return 0;
      if (p.kind == TokenKind::kNumber) return 0;
      if ((p.folded == "-" || p.folded == "/" || p.folded == ":" || p.folded == "." ||
           p.folded == ",") &&
          i > 1 && adjacent(p) && t_[i - 2].kind != TokenKind::kPunct)
        return 0;
    }
    std::string digits = t.folded;
    size_t j = i + 1;
    // Groups of three digits after a space or the group separator.
    while (j < t_.size() && t_[j].kind == TokenKind::kNumber && t_[j].folded.size() == 3 &&
           t.folded.size() <= 3 && single_space(text_, t_[j - 1], t_[j])) {
      digits += t_[j].folded;
      ++j;
    }
    std::string fraction;
    while (j + 1 < t_.size() && t_[j].kind == TokenKind::kPunct && adjacent(t_[j]) &&
           t_[j].folded.size() == 1 && t_[j + 1].kind == TokenKind::kNumber &&
           adjacent(t_[j + 1])) {
      char sep = t_[j].folded[0];
      if (sep == r_.group && t_[j + 1].folded.size() == 3 && fraction.empty()) {
        digits += t_[j + 1].folded;
      } else if (sep == r_.decimal && fraction.empty()) {
        fraction = t_[j + 1].folded;
      } else {
        break;
      }
      j += 2;
    }
    if (digits.size() > 15) return 0;
    *value = std::strtod((digits + (fraction.empty() ? "" : "." + fraction)).c_str(), nullptr);
    return j - i;
  }

  // Number words at i: "deux", "vingt-deux", "quatre-vingt-dix", "vingt et un".
  size_t words_at(size_t i, double* value, bool* weak) {
    // The tail of a hyphenated name ("Kim Jong-Un") is no number.
    if (i > 0 && adjacent(t_[i]) && t_[i - 1].kind != TokenKind::kPunct) return 0;
    if (i > 0 && adjacent(t_[i]) && t_[i - 1].folded == "-") return 0;
    size_t j = i;
    double total = 0, current = 0;
    int count = 0;
    bool only_weak = true;
    while (j < t_.size() && t_[j].kind == TokenKind::kWord) {
      auto it = r_.words.find(t_[j].folded);
      if (it == r_.words.end()) break;
      double v = it->second;
      if (count > 0 && current > 0 && current < 10 && v >= 20 && v < 100) {
        current *= v;  // "quatre-vingts"
      } else if (v == 100) {
        current = (current ? current : 1) * 100;
      } else {
        current += v;
      }
      if (!r_.weak.count(t_[j].folded)) only_weak = false;
      ++count;
      ++j;
      // "-" inside a compound, or a link word ("et") before a unit digit.
      if (j + 1 < t_.size() && t_[j].folded == "-" && adjacent(t_[j]) && adjacent(t_[j + 1]) &&
          r_.words.count(t_[j + 1].folded)) {
        ++j;
      } else if (size_t n = r_.word_links.match(t_, j); n && j + n < t_.size() && current >= 20) {
        auto nx = r_.words.find(t_[j + n].folded);
        if (nx != r_.words.end() && nx->second < 10) j += n;
      }
    }
    if (!count) return 0;
    total += current;
    *value = total;
    *weak = only_weak && count == 1;
    return j - i;
  }

  size_t try_at(size_t i) {
    const Token& t = t_[i];
    if (t.kind == TokenKind::kPunct) return 0;
    if (skipped(i)) return 0;
    double value = 0;
    bool weak = false;
    size_t n = t.kind == TokenKind::kNumber ? digits_at(i, &value) : words_at(i, &value, &weak);
    if (!n) return 0;
    size_t j = i + n;
    if (j < t_.size() && skipped(j)) return j;
    bool is_digits = t.kind == TokenKind::kNumber;
    // A letter glued after the digits that is not a unit: "13e", "1er", "5G".
    // Scale words: "1,5 million", "deux mille", "14 milliards".
    bool scaled = false;
    // After a currency symbol a glued "m"/"bn" is a scale: "$1.13bn", "£600m".
    bool currency_before =
        is_digits && i > 0 && t_[i - 1].kind == TokenKind::kPunct && r_.units.match(t_, i - 1) == 1;
    if (currency_before && j < t_.size() && adjacent(t_[j]) && t_[j].kind == TokenKind::kWord) {
      auto it = r_.symbol_scales.find(t_[j].folded);
      if (it != r_.symbol_scales.end()) {
        value *= it->second;
        scaled = true;
        ++j;
      }
    }
    while (j < t_.size() && t_[j].kind == TokenKind::kWord) {
      auto it = r_.scales.find(t_[j].folded);
      if (it == r_.scales.end()) break;
      value *= it->second;
      scaled = true;
      ++j;
    }
    size_t unit_start = j;
    if (scaled) unit_start += r_.links.match(t_, j);
    // "a 6.1-magnitude quake", "a 10-day trip": the unit glued by a hyphen, as an adjective.
    const bool compound = !scaled && is_digits && hyphen_compound_at(j);
    if (compound) unit_start = j + 1;
    int unit_index = -1;
    size_t un = r_.units.match(t_, unit_start, &unit_index);
    // "680 km" but not "2 kmx"; a unit must end at a word boundary.
    if (un && unit_start + un < t_.size() && adjacent(t_[unit_start + un]) &&
        (t_[unit_start + un].kind == TokenKind::kWord || t_[unit_start + un].folded == "'" ||
         t_[unit_start + un].folded == "-"))
      un = 0;
    // A symbol unit ("%", "$") belongs to digits, not to number words ("a $5 bill").
    if (un && !is_digits && t_[unit_start].kind == TokenKind::kPunct) un = 0;
    std::string unit;
    size_t end = j;
    if (un) {
      unit = r_.unit_names[static_cast<size_t>(unit_index)];
      end = unit_start + un;
      if (unit == "hour" && is_digits && !scaled && t_[unit_start].folded == "h" && un == 1) {
        // "20h08", "2h30", "20 h 30": the minutes right after the hours' "h".
        const bool minutes = end < t_.size() && t_[end].kind == TokenKind::kNumber &&
                             t_[end].folded.size() == 2 &&
                             (adjacent(t_[end]) || single_space(text_, t_[end - 1], t_[end]));
        const size_t after = end + (minutes ? 1 : 0);
        if ((i > 0 && r_.clock_before.match_ending(t_, i - 1) > 0) ||
            (minutes && t_[end].folded == "00"))
          return after;  // a time of day
        if (minutes) value += std::strtod(t_[end].folded.c_str(), nullptr) / 60.0;
        end = after;
      }
    } else if (i > 0 && is_digits && t_[i - 1].kind == TokenKind::kPunct) {
      int idx = -1;
      if (r_.units.match(t_, i - 1, &idx) == 1 && idx >= 0) {  // "$14 billion", "€5"
        unit = r_.unit_names[static_cast<size_t>(idx)];
        --i;
      }
    }
    if (unit.empty() && is_digits && !compound && j < t_.size() && adjacent(t_[j]) &&
        t_[j].kind == TokenKind::kWord)
      return j;  // "13e", "1er", "5G"
    // A unit written as a word ("people", "km", not "%" or "$") can be left out after.
    bool noun = un && t_[unit_start].kind == TokenKind::kWord;
    if (unit.empty() && (!weak || scaled)) {
      unit = counted_noun(unit_start, &end);
      noun = !unit.empty();
    }
    if (unit.empty() && !scaled && !weak) unit = elided_noun(i, j);
    if (unit.empty() && scaled) unit = elided_scaled_unit(i);
    if (unit.empty() && !scaled) return j;  // a bare number says nothing checkable
    if (weak && !scaled && !un) return j;   // "un lancement" is an article, not a count
    // Hedge before: "environ", "plus de", "at least".
    Approximation approx = Approximation::kExact;
    size_t first = i;
    int payload = 0;
    if (i > 0) {
      size_t an = r_.approximations.match_ending(t_, i - 1, &payload);
      if (an) {
        approx = static_cast<Approximation>(payload);
        first = i - an;
      }
    }
    Quantity q;
    q.begin = t_[first].begin;
    q.end = t_[end - 1].end;
    q.text = std::string(text_.substr(q.begin, q.end - q.begin));
    q.value = value;
    q.unit = std::move(unit);
    q.approximation = approx;
    if (noun) {
      last_noun_ = q.unit;
      last_noun_end_ = end;
    }
    if (scaled && !q.unit.empty()) {
      last_scaled_unit_ = q.unit;
      last_scaled_end_ = end;
    }
    out_.push_back(std::move(q));
    return end;
  }

  // The noun a bare number at [i, j) leaves out because the clause just gave it: "killing
  // 10 people and injuring 80." counts 80 people. Only a number that ends its phrase (a
  // punctuation mark or the text's end next), at most six words after a counted noun of the
  // same sentence; empty otherwise.
  std::string elided_noun(size_t i, size_t j) const {
    constexpr size_t kMaxGap = 6;
    if (last_noun_.empty() || last_noun_end_ > i || i - last_noun_end_ > kMaxGap ||
        i == last_noun_end_)
      return {};
    if (j < t_.size() && (t_[j].kind != TokenKind::kPunct || t_[j].newline_before)) return {};
    for (size_t k = last_noun_end_; k < i; ++k)
      if (t_[k].newline_before ||
          (t_[k].kind == TokenKind::kPunct && t_[k].folded != "," && t_[k].folded != "-"))
        return {};
    return last_noun_;
  }

  // The unit an amount with a scale word but none of its own ("de 234 millions") leaves out
  // because an amount of the same sentence just gave it: "une perte de 948 millions d'euros au
  // premier semestre et de 234 millions au troisième trimestre" counts 234 millions of euros.
  // At most twelve words after that amount, with no sentence end between; empty otherwise.
  std::string elided_scaled_unit(size_t i) const {
    constexpr size_t kMaxGap = 12;
    if (last_scaled_unit_.empty() || last_scaled_end_ > i || i - last_scaled_end_ > kMaxGap)
      return {};
    for (size_t k = last_scaled_end_; k < i; ++k)
      if (t_[k].newline_before ||
          (t_[k].kind == TokenKind::kPunct && (t_[k].folded == "." || t_[k].folded == "!" ||
                                               t_[k].folded == "?" || t_[k].folded == ";")))
        return {};
    return last_scaled_unit_;
  }

  // True when a hyphen glued to the number at `j` joins it to one word that ends the
  // compound: "6.1-magnitude", "10-day". Not "5-year-old" (the compound goes on), not
  // "20-30" (a range), not "Covid-19" (the word comes first).
  bool hyphen_compound_at(size_t j) const {
    if (j + 1 >= t_.size() || t_[j].folded != "-" || !adjacent(t_[j]) || !adjacent(t_[j + 1]) ||
        t_[j + 1].kind != TokenKind::kWord)
      return false;
    return j + 2 >= t_.size() || !adjacent(t_[j + 2]) ||
           (t_[j + 2].kind == TokenKind::kPunct && t_[j + 2].folded != "-");
  }

  // A lower-case noun right after the number, in singular form: "missiles" → "missile".
  std::string counted_noun(size_t j, size_t* end) {
    if (j >= t_.size()) return {};
    const Token& w = t_[j];
    if (w.kind != TokenKind::kWord || w.upper || w.folded.size() < 3) return {};
    if (r_.not_counted.count(w.folded) || r_.words.count(w.folded)) return {};
    // Elided or hyphenated forms ("d'", "l'") are function words.
    if (j + 1 < t_.size() && adjacent(t_[j + 1]) && t_[j + 1].folded == "'") return {};
    *end = j + 1;
    const std::string& s = w.folded;
    for (const auto& [suffix, repl] : r_.plural_rules) {
      if (s.size() >= suffix.size() + 2 &&
          s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
        return s.substr(0, s.size() - suffix.size()) + repl;
    }
    return s;
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  const QuantityRules& r_;
  const std::vector<std::pair<size_t, size_t>>& skip_;
  size_t skip_i_ = 0;
  std::vector<Quantity> out_;
  std::string last_noun_;         // the counted noun of the last quantity that had one
  size_t last_noun_end_ = 0;      // the token after that quantity
  std::string last_scaled_unit_;  // the unit of the last amount with a scale word and a unit
  size_t last_scaled_end_ = 0;    // the token after that amount
};

Approximation approximation_named(const std::string& s, bool* ok) {
  *ok = true;
  if (s == "about") return Approximation::kAbout;
  if (s == "more_than") return Approximation::kMoreThan;
  if (s == "less_than") return Approximation::kLessThan;
  if (s == "at_least") return Approximation::kAtLeast;
  if (s == "at_most") return Approximation::kAtMost;
  if (s == "nearly") return Approximation::kNearly;
  *ok = false;
  return Approximation::kExact;
}

}  // namespace

QuantityRules load_quantity_rules(const std::string& data_dir, const std::string& lang) {
  QuantityRules r;
  for (const auto& line : text::read_list(data_dir, lang, "number_words.txt")) {
    std::string key, value;
    if (!split_key_value(line, &key, &value)) continue;
    std::vector<std::string> variants = text::split_variants(value);
    bool ok = false;
    Approximation a = approximation_named(key, &ok);
    if (ok) {
      for (const auto& v : variants) r.approximations.add(v, static_cast<int>(a));
      continue;
    }
    if (key == "decimal" && !value.empty()) {
      r.decimal = value[0];
      continue;
    }
    if (key == "group" && !value.empty()) {
      r.group = value[0];
      continue;
    }
    if (key == "link") {
      for (const auto& v : variants) r.word_links.add(v);
      continue;
    }
    bool weak = key.rfind("weak ", 0) == 0, scale = key.rfind("scale ", 0) == 0;
    bool symbol_scale = key.rfind("symbol_scale ", 0) == 0;
    double number = std::strtod(key.c_str() + (weak           ? 5
                                               : scale        ? 6
                                               : symbol_scale ? 13
                                                              : 0),
                                nullptr);
    if (number <= 0) continue;
    for (const auto& v : variants) {
      std::vector<Token> toks = tokenize(v);
      if (toks.size() != 1) continue;
      if (symbol_scale)
        r.symbol_scales[toks[0].folded] = number;
      else if (scale)
        r.scales[toks[0].folded] = number;
      else
        r.words[toks[0].folded] = number;
      if (weak) r.weak.insert(toks[0].folded);
    }
  }
  for (const auto& line : text::read_list(data_dir, lang, "units.txt")) {
    std::string key, value;
    if (!split_key_value(line, &key, &value)) continue;
    std::vector<std::string> variants = text::split_variants(value);
    if (key == "link") {
      for (const auto& v : variants) r.links.add(v);
    } else if (key == "clock_before") {
      for (const auto& v : variants) r.clock_before.add(v);
    } else if (key == "not_counted") {
      for (const auto& v : variants)
        for (const auto& t : tokenize(v)) r.not_counted.insert(t.folded);
    } else if (key == "plural") {
      for (const auto& v : variants) {
        size_t gt = v.find('>');
        if (gt == std::string::npos)
          r.plural_rules.push_back({v, ""});
        else
          r.plural_rules.push_back({v.substr(0, gt), v.substr(gt + 1)});
      }
    } else {
      int index = static_cast<int>(r.unit_names.size());
      r.unit_names.push_back(key);
      for (const auto& v : variants) r.units.add(v, index);
    }
  }
  for (const auto& w : text::read_list(data_dir, lang, "stopwords-snowball.txt"))
    for (const auto& t : tokenize(w)) r.not_counted.insert(t.folded);
  return r;
}

std::vector<Quantity> find_quantities(std::string_view text, const std::vector<Token>& tokens,
                                      const QuantityRules& rules,
                                      const std::vector<std::pair<size_t, size_t>>& skip) {
  return Finder(text, tokens, rules, skip).run();
}

std::vector<Quantity> find_quantities(std::string_view text, const QuantityRules& rules,
                                      const std::vector<std::pair<size_t, size_t>>& skip) {
  std::vector<Token> tokens = tokenize(text);
  return find_quantities(text, tokens, rules, skip);
}

}  // namespace recoupe::analyze
