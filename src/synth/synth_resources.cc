#include "synth/synth_resources.h"

#include <filesystem>

#include "text/calendar_words.h"
#include "text/data_dir.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/split.h"

namespace recoupe::synth {
namespace {

// Adds the one-word `forms` to `out` in the form `form` gives them: folded for lookups of
// folded words, text::lower_case where accents tell words apart (clause_words.txt: « à »
// is no « a »).
void add_forms(const std::vector<std::string>& forms, std::unordered_set<std::string>& out,
               std::string (*form)(std::string_view) = text::fold, bool phrases = false) {
  for (const std::string& written : forms)
    if (std::string w = form(written); !w.empty() && (phrases || w.find(' ') == std::string::npos))
      out.insert(std::move(w));
}

// add_forms of the '|'-separated variants of `list`.
void add_variants(std::string_view list, std::unordered_set<std::string>& out,
                  std::string (*form)(std::string_view) = text::fold, bool phrases = false) {
  add_forms(text::split_variants(list), out, form, phrases);
}

// Adds the forms of one value of `set` (the first naming the value) to `lexicon`; forms
// shorter than `min_letters` bytes are left out.
void add_contrast(const std::string& set, const std::vector<std::string>& forms, size_t min_letters,
                  ContrastLexicon& lexicon) {
  if (forms.empty()) return;
  std::unordered_set<std::string> folded;
  add_forms(forms, folded);
  for (const auto& f : folded)
    if (f.size() >= min_letters) lexicon[f] = ContrastWord{set, forms.front()};
}

}  // namespace

SynthResources SynthResources::load(const std::string& data_dir,
                                    const text::StopWordCatalog& stop_words,
                                    const text::ElisionRules& elisions) {
  SynthResources r;
  r.stop_words_ = &stop_words;
  r.elisions_ = &elisions;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    const std::string lang = entry.path().filename().string();
    if (!entry.is_directory(ec) || lang.size() < 2 || lang.size() > 3) continue;
    r.function_words_[lang] = text::StopWords(
        stop_words.snowball(lang).empty() ? stop_words.broad(lang) : stop_words.snowball(lang));
    auto& plain = r.plain_words_[lang];
    auto& links = r.link_words_[lang];
    for (const auto& line : text::read_list(data_dir, lang, "speech_verbs.txt")) {
      size_t eq = line.find('=');
      if (eq == std::string::npos) continue;
      std::string key = line.substr(0, eq);
      while (!key.empty() && key.back() == ' ') key.pop_back();
      std::string_view value = std::string_view(line).substr(eq + 1);
      if (key == "verb") add_variants(value, plain);
      if (key == "preposition") add_variants(value, links);
    }
    // Weekday abbreviations ("sun", "sat", "wed") are common words: full names only.
    constexpr size_t kFullWeekday = 5;
    const text::CalendarWords calendar = text::read_calendar_words(data_dir, lang);
    for (const auto& forms : calendar.weekdays)
      add_contrast("weekday", forms, kFullWeekday, r.contrast_words_[lang]);
    for (const auto& line : text::read_list(data_dir, lang, "contrast_words.txt")) {
      const size_t eq = line.find('=');
      if (eq == std::string::npos) continue;
      std::string set = line.substr(0, eq);
      while (!set.empty() && set.back() == ' ') set.pop_back();
      if (!set.empty())
        add_contrast(set, text::split_variants(std::string_view(line).substr(eq + 1)), 1,
                     r.contrast_words_[lang]);
    }
    for (const auto& line : text::read_list(data_dir, lang, "relative_dates.txt")) {
      const size_t eq = line.find('=');
      if (eq == std::string::npos) continue;
      const std::string key = line.substr(0, eq);
      if (key.rfind("part ", 0) == 0 || key.rfind("last ", 0) == 0 || key.rfind("next ", 0) == 0 ||
          key.rfind("this ", 0) == 0)
        add_variants(std::string_view(line).substr(eq + 1), r.moment_words_[lang]);
    }
    for (const auto* names : {&calendar.weekdays, &calendar.months})
      for (const auto& forms : *names) {
        add_forms(forms, plain);
        add_forms(forms, r.time_words_[lang]);
      }
    auto& openers = r.dependent_openers_[lang];
    for (const auto& line : text::read_list(data_dir, lang, "dependent_openers.txt"))
      add_variants(line, openers);
    for (const auto& line : text::read_list(data_dir, lang, "clause_words.txt")) {
      const size_t eq = line.find('=');
      if (eq == std::string::npos) continue;
      std::string key = line.substr(0, eq);
      while (!key.empty() && key.back() == ' ') key.pop_back();
      ClauseWords& words = r.clause_words_[lang];
      auto* set = key == "subordinator" ? &words.subordinators
                  : key == "relative"   ? &words.relatives
                  : key == "finite"     ? &words.finite
                  : key == "pluperfect" ? &words.pluperfect
                  : key == "negation"   ? &words.negation
                                        : nullptr;
      if (set) add_variants(std::string_view(line).substr(eq + 1), *set, text::lower_case);
    }
    for (const auto& line : text::read_list(data_dir, lang, "back_reference_openers.txt"))
      add_variants(line, r.back_reference_openers_[lang], text::fold, /*phrases=*/true);
    for (const auto& line : text::read_list(data_dir, lang, "person_roles.txt"))
      if (line.compare(0, 4, "age:") == 0)
        add_variants(std::string_view(line).substr(4), r.age_words_[lang]);
    for (const auto& line : text::read_list(data_dir, lang, "first_person.txt")) {
      constexpr std::string_view kSingular = "singular:";
      if (line.compare(0, kSingular.size(), kSingular) == 0) {
        const std::string_view words = std::string_view(line).substr(kSingular.size());
        add_variants(words, r.first_person_words_[lang]);
        add_variants(words, r.first_person_singular_[lang]);
      } else {
        add_variants(line, r.first_person_words_[lang]);
      }
    }
    for (const auto& line : text::read_list(data_dir, lang, "person_pronouns.txt")) {
      constexpr std::string_view kImpersonal = "impersonal:";
      PersonPronouns& words = r.person_pronouns_[lang];
      if (line.compare(0, kImpersonal.size(), kImpersonal) == 0)
        add_variants(std::string_view(line).substr(kImpersonal.size()), words.impersonal);
      else
        add_variants(line, words.pronouns);
    }
    auto& revisions = r.revision_cues_[lang];
    for (const auto& line : text::read_list(data_dir, lang, "revision_cues.txt"))
      add_variants(line, revisions);
    for (const auto& line : text::read_list(data_dir, lang, "offset_cues.txt"))
      add_variants(line, r.offset_cues_[lang]);
    for (const auto& line : text::read_list(data_dir, lang, "range_words.txt"))
      add_variants(line, r.range_words_[lang]);
    for (const auto& line : text::read_list(data_dir, lang, "share_words.txt"))
      add_variants(line, r.share_words_[lang]);
    for (const auto& line : text::read_list(data_dir, lang, "bearing_words.txt"))
      add_variants(line, r.bearing_words_[lang]);
    for (const auto& line : text::read_list(data_dir, lang, "units.txt")) {
      const size_t eq = line.find('=');
      if (eq == std::string::npos || line.compare(0, 4, "link") != 0) continue;
      std::unordered_set<std::string> links;
      add_variants(std::string_view(line).substr(eq + 1), links);
      for (std::string w : links) {
        while (!w.empty() && w.back() == '\'') w.pop_back();  // "d'" is met as "d"
        if (!w.empty()) r.quantity_links_[lang].insert(w);
      }
    }
    for (const auto& line : text::read_list(data_dir, lang, "ordinal_words.txt")) {
      const size_t eq = line.find('=');
      if (eq == std::string::npos) continue;
      int value = 0;
      try {
        value = std::stoi(line.substr(0, eq));
      } catch (const std::exception&) {
        continue;  // not "<value> = words": ignored like any other malformed list line
      }
      std::unordered_set<std::string> words;
      add_variants(std::string_view(line).substr(eq + 1), words);
      for (const auto& w : words) r.ordinal_words_[lang][w] = value;
    }
  }
  return r;
}

const std::unordered_set<std::string>& SynthResources::words_for(
    const std::map<std::string, std::unordered_set<std::string>>& lists,
    const std::string& lang) const {
  auto it = lists.find(lang);
  return it == lists.end() ? no_words_ : it->second;
}

const text::StopWords& SynthResources::stop_words(const std::string& lang) const {
  return stop_words_->folded(lang);
}

const text::StopWords& SynthResources::function_words(const std::string& lang) const {
  auto it = function_words_.find(lang);
  return it == function_words_.end() ? no_stop_words_ : it->second;
}

const std::unordered_set<std::string>& SynthResources::plain_words(const std::string& lang) const {
  return words_for(plain_words_, lang);
}

const std::unordered_set<std::string>& SynthResources::time_words(const std::string& lang) const {
  return words_for(time_words_, lang);
}

const std::unordered_set<std::string>& SynthResources::link_words(const std::string& lang) const {
  return words_for(link_words_, lang);
}

const std::unordered_set<std::string>& SynthResources::dependent_openers(
    const std::string& lang) const {
  return words_for(dependent_openers_, lang);
}

const std::unordered_set<std::string>& SynthResources::age_words(const std::string& lang) const {
  return words_for(age_words_, lang);
}

const std::unordered_set<std::string>& SynthResources::back_reference_openers(
    const std::string& lang) const {
  return words_for(back_reference_openers_, lang);
}

const std::unordered_set<std::string>& SynthResources::first_person_words(
    const std::string& lang) const {
  return words_for(first_person_words_, lang);
}

const std::unordered_set<std::string>& SynthResources::first_person_singular(
    const std::string& lang) const {
  return words_for(first_person_singular_, lang);
}

const PersonPronouns& SynthResources::person_pronouns(const std::string& lang) const {
  auto it = person_pronouns_.find(lang);
  return it == person_pronouns_.end() ? no_person_pronouns_ : it->second;
}

const ClauseWords& SynthResources::clause_words(const std::string& lang) const {
  auto it = clause_words_.find(lang);
  return it == clause_words_.end() ? no_clause_words_ : it->second;
}

const std::unordered_set<std::string>& SynthResources::revision_cues(
    const std::string& lang) const {
  return words_for(revision_cues_, lang);
}

const std::unordered_set<std::string>& SynthResources::offset_cues(const std::string& lang) const {
  return words_for(offset_cues_, lang);
}

const std::unordered_set<std::string>& SynthResources::range_words(const std::string& lang) const {
  return words_for(range_words_, lang);
}

const std::unordered_set<std::string>& SynthResources::share_words(const std::string& lang) const {
  return words_for(share_words_, lang);
}

const std::unordered_set<std::string>& SynthResources::quantity_links(
    const std::string& lang) const {
  return words_for(quantity_links_, lang);
}

const std::unordered_set<std::string>& SynthResources::bearing_words(
    const std::string& lang) const {
  return words_for(bearing_words_, lang);
}

const std::unordered_map<std::string, int>& SynthResources::ordinal_words(
    const std::string& lang) const {
  auto it = ordinal_words_.find(lang);
  return it == ordinal_words_.end() ? no_ordinals_ : it->second;
}

const std::unordered_set<std::string>& SynthResources::moment_words(const std::string& lang) const {
  return words_for(moment_words_, lang);
}

const ContrastLexicon& SynthResources::contrast_words(const std::string& lang) const {
  auto it = contrast_words_.find(lang);
  return it == contrast_words_.end() ? no_contrasts_ : it->second;
}

}  // namespace recoupe::synth
