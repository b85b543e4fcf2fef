#include "analyze/person_roles.h"

#include "text/data_dir.h"
#include "text/fold.h"

namespace recoupe::analyze {
namespace {

// Lead words between the comma and the role: "ancien", "the company's".
constexpr int kMaxLeads = 3;
// Ages above this are no person's ("Tchernobyl, 200 ans"…).
constexpr int kMaxAge = 120;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool is_possessive(const NerToken& t) {
  return t.lower == "'s" || t.lower == "\xE2\x80\x99s" || t.lower == "'" ||
         t.lower == "\xE2\x80\x99";
}

bool closes(const NerToken& t) { return t.text == "," || t.text == "." || t.text == ")"; }

// The years of a token made of 1–3 digits only, else -1.
int years(const NerToken& t) {
  if (t.text.empty() || t.text.size() > 3) return -1;
  int v = 0;
  for (char c : t.text) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

PersonRoles PersonRoles::load(const std::string& data_dir, const std::string& lang) {
  PersonRoles roles;
  for (const auto& line : text::read_list(data_dir, lang, "person_roles.txt")) {
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    roles.add(trim(std::string_view(line).substr(0, colon)),
              trim(std::string_view(line).substr(colon + 1)));
  }
  return roles;
}

bool PersonRoles::add(std::string_view kind, std::string_view word) {
  std::string w = text::lower_case(word);
  if (w.empty()) return false;
  if (kind == "role")
    roles_.insert(std::move(w));
  else if (kind == "lead")
    leads_.insert(std::move(w));
  else if (kind == "article")
    articles_.insert(std::move(w));
  else if (kind == "age")
    ages_.insert(std::move(w));
  else
    return false;
  return true;
}

bool PersonRoles::age_after(const std::vector<NerToken>& toks, size_t k) const {
  int y = years(toks[k]);
  if (y <= 0 || y > kMaxAge || k + 1 >= toks.size()) return false;
  // A bare number ("Smith, 45, said") is not enough: addresses read the same ("Paris, 15,
  // rue de Rivoli").
  return ages_.count(toks[k + 1].lower) > 0 && (k + 2 >= toks.size() || closes(toks[k + 2]));
}

bool PersonRoles::apposition_after(const std::vector<NerToken>& toks, size_t b, size_t e,
                                   bool announced) const {
  if (empty() || e + 1 >= toks.size() || toks[e].text != ",") return false;
  size_t k = e + 1;
  if (age_after(toks, k)) return true;
  bool article = false;
  for (int leads = 0; leads <= kMaxLeads && k < toks.size(); ++leads) {
    const NerToken& t = toks[k];
    if (t.sent_start || t.punct) return false;
    if (roles_.count(t.lower)) {
      if (!article) return true;
      bool opens_sentence = b == 0 || toks[b].sent_start;
      return !announced && (!opens_sentence || e - b >= 2);
    }
    if (leads == kMaxLeads) break;
    if (articles_.count(t.lower)) {
      article = true;
      ++k;
    } else if (leads_.count(t.lower)) {
      ++k;
    } else if (k + 1 < toks.size() && t.alpha && !t.cap && is_possessive(toks[k + 1])) {
      article = true;  // "the company's": as open as an article
      k += 2;
    } else {
      return false;
    }
  }
  return false;
}

}  // namespace recoupe::analyze
