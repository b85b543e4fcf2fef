#include "synth/person_ages.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <set>
#include <string_view>

#include "text/fold.h"

namespace recoupe::synth {
namespace {

constexpr int kMinYears = 1, kMaxYears = 110;
constexpr size_t kWindow = 80;  // bytes read on each side of a name
constexpr int kMaxLeadWords = 4;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
         c == '-' || c == '\'';
}

// The words and punctuation of `s`, in order: a word is a run of letters, digits, hyphens
// and apostrophes ("34-year-old", "l'auteur"); any other byte but a space is one token.
std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (is_word_byte(c)) {
      size_t j = i;
      while (j < s.size() && is_word_byte(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    } else {
      out.push_back(s.substr(i, 1));
      ++i;
    }
  }
  return out;
}

// The number of years `t` writes, or 0 (not all digits, or out of range).
int years_of(std::string_view t) {
  if (t.empty() || t.size() > 3) return 0;
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v >= kMinYears && v <= kMaxYears ? v : 0;
}

// "34-year-old": the years, with the age word after the first hyphen; else 0.
int hyphenated_age(std::string_view t, const std::unordered_set<std::string>& age_words,
                   std::string* word) {
  const size_t dash = t.find('-');
  if (dash == std::string_view::npos) return 0;
  const int years = years_of(t.substr(0, dash));
  if (years == 0 || !age_words.count(text::fold(t.substr(dash + 1)))) return 0;
  *word = std::string(t.substr(dash + 1));
  return years;
}

bool closes(std::string_view t) { return t == "," || t == "." || t == ")" || t == ";"; }

// The age written right after a name (`after`: the text that follows it); 0 when none.
int age_after(std::string_view after, const std::unordered_set<std::string>& age_words,
              std::string* word) {
  const auto t = tokens(after);
  auto at = [&](size_t i) { return i < t.size() ? t[i] : std::string_view(); };
  auto is_age_word = [&](std::string_view w) {
    return !w.empty() && age_words.count(text::fold(w));
  };
  if (at(0) == "(") {  // "Smith (45)"
    const int years = years_of(at(1));
    if (years && at(2) == ")") return years;
    if (years && is_age_word(at(2)) && at(3) == ")") return *word = std::string(at(2)), years;
    return 0;
  }
  if (at(0) != ",") return 0;
  if (int years = years_of(at(1))) {
    if (closes(at(2)) && at(2) != ".") return years;               // "Smith, 45, said"
    if (is_age_word(at(2)) && (closes(at(3)) || at(3).empty())) {  // "Fatna, 33 ans,"
      *word = std::string(at(2));
      return years;
    }
    if (is_age_word(at(2)) && text::fold(at(3)) == "old" && (closes(at(4)) || at(4).empty())) {
      *word = std::string(at(2)) + " old";  // "Smith, 45 years old."
      return years;
    }
    return 0;
  }
  if (int years = hyphenated_age(at(1), age_words, word); years && closes(at(2)))
    return years;  // "Smith, 45-year-old,"
  // ", la jeune femme de 34 ans", ", the 34-year-old", ", aged 45": words of a noun phrase
  // (no punctuation), the last one before the number a link ("de", "of", "aged").
  for (size_t i = 1; i <= kMaxLeadWords + 1 && i < t.size(); ++i) {
    if (!is_word_byte(static_cast<unsigned char>(t[i][0]))) return 0;
    if (int years = hyphenated_age(t[i], age_words, word)) return i >= 2 ? years : 0;
    if (int years = years_of(t[i])) {
      const std::string link = text::fold(t[i - 1]);
      const bool linked = link == "de" || link == "of" || link == "aged" || link == "age" ||
                          link == "agee" || link == "ages" || link == "agees";
      if (!linked || i < 2 || !is_age_word(at(i + 1))) return 0;
      *word = std::string(at(i + 1));
      return years;
    }
  }
  return 0;
}

// The age written right before a name ("the 34-year-old Smith"); 0 when none.
int age_before(std::string_view before, const std::unordered_set<std::string>& age_words,
               std::string* word) {
  const auto t = tokens(before);
  if (t.empty()) return 0;
  return hyphenated_age(t.back(), age_words, word);
}

// True when two names are one person's written two ways: equal once folded, or the same
// words but one, where the two forms have one letter each that differs ("Fatma" / "Fatna").
bool one_person(const std::string& a, const std::string& b) {
  const std::string fa = text::fold(a), fb = text::fold(b);
  const auto x = tokens(fa), y = tokens(fb);
  if (x == y) return true;
  if (x.size() != y.size()) return false;
  size_t differ = 0, at = 0;
  for (size_t i = 0; i < x.size(); ++i)
    if (x[i] != y[i]) ++differ, at = i;
  if (differ != 1) return false;
  const std::string_view u = x[at], v = y[at];
  if (u.size() != v.size() || u.size() < 4) return false;
  size_t changed = 0;
  for (size_t i = 0; i < u.size(); ++i) changed += u[i] != v[i];
  return changed == 1;
}

}  // namespace

std::vector<PersonAge> person_ages(const StoryEvidence& ev,
                                   const std::unordered_set<std::string>& age_words) {
  std::vector<PersonAge> out;
  if (age_words.empty()) return out;
  for (size_t e = 0; e < ev.entities.size(); ++e) {
    const EvidenceEntity& entity = ev.entities[e];
    if (entity.type != "person") continue;
    for (const EvidenceMention& m : entity.mentions) {
      if (m.article >= ev.articles.size()) continue;
      const std::string& text = ev.articles[m.article]->text;
      if (m.end > text.size() || m.begin >= m.end) continue;
      std::string word;
      const size_t from = m.begin > kWindow ? m.begin - kWindow : 0;
      int years = age_after(std::string_view(text).substr(m.end, kWindow), age_words, &word);
      // Before the name, only a full name: "the 39-year-old Troy man", "a 25-year-old
      // Boston woman" age the noun after a place.
      const bool full_name = text.substr(m.begin, m.end - m.begin).find(' ') != std::string::npos;
      if (!years && full_name)
        years = age_before(std::string_view(text).substr(from, m.begin - from), age_words, &word);
      if (years)
        out.push_back(
            {m.article, static_cast<int>(e), text.substr(m.begin, m.end - m.begin), years, word});
    }
  }
  return out;
}

std::vector<AgeRivals> age_rivals(const StoryEvidence& ev, const std::vector<PersonAge>& ages,
                                  const std::vector<int>& outlet_of, int max_years_apart) {
  // Persons: entities joined when a name of one is a name of the other, one letter apart.
  std::vector<int> entities;
  for (const PersonAge& a : ages) entities.push_back(a.entity);
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  std::vector<size_t> person(entities.size());
  std::iota(person.begin(), person.end(), 0);
  std::function<size_t(size_t)> find = [&](size_t i) {
    return person[i] == i ? i : person[i] = find(person[i]);
  };
  for (size_t i = 0; i < entities.size(); ++i)
    for (size_t j = i + 1; j < entities.size(); ++j)
      if (one_person(ev.entities[entities[i]].name, ev.entities[entities[j]].name))
        person[find(j)] = find(i);
  auto person_of = [&](int entity) {
    return find(
        size_t(std::lower_bound(entities.begin(), entities.end(), entity) - entities.begin()));
  };

  std::map<size_t, std::vector<const PersonAge*>> by_person;
  for (const PersonAge& a : ages) by_person[person_of(a.entity)].push_back(&a);
  std::vector<AgeRivals> out;
  for (const auto& [p, told] : by_person) {
    std::map<size_t, std::set<int>> years_of_article;
    std::set<int> years, outlets;
    for (const PersonAge* a : told) {
      years_of_article[a->article].insert(a->years);
      years.insert(a->years);
    }
    if (years.size() < 2 || *years.rbegin() - *years.begin() > max_years_apart) continue;
    bool ambiguous = false;
    for (const auto& [article, ys] : years_of_article) {
      ambiguous |= ys.size() > 1;
      outlets.insert(article < outlet_of.size() ? outlet_of[article] : int(article));
    }
    if (ambiguous || outlets.size() < 2) continue;
    // One version per age, named as most of its articles write the name (the longest on a
    // tie: "Jose Luis Orozco" over "Orozco"), so that a misspelt name shows beside its age;
    // the age word most of them write ("ans", "years"; "34-year-old" shows as "34").
    AgeRivals r;
    std::map<std::string, int> names, words;
    std::map<int, std::map<std::string, int>> names_of_age;
    std::map<int, std::set<size_t>> articles_of_age;
    for (const PersonAge* a : told) {
      ++names[a->name];
      ++names_of_age[a->years][a->name];
      articles_of_age[a->years].insert(a->article);
      if (!a->age_word.empty() && a->age_word.find('-') == std::string::npos) ++words[a->age_word];
    }
    auto most = [](const std::map<std::string, int>& counts) {
      return std::max_element(counts.begin(), counts.end(),
                              [](const auto& x, const auto& y) {
                                return x.second != y.second ? x.second < y.second
                                                            : x.first.size() < y.first.size();
                              })
          ->first;
    };
    if (!words.empty()) r.age_word = most(words);
    for (const auto& [years, arts] : articles_of_age) {
      std::string version = most(names_of_age[years]) + ", " + std::to_string(years);
      if (!r.age_word.empty()) version += " " + r.age_word;
      r.versions[version].assign(arts.begin(), arts.end());
    }
    r.name = most(names);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace recoupe::synth
