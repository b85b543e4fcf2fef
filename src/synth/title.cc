#include "synth/title.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <unordered_set>

#include "synth/article_reading.h"
#include "synth/content_words.h"
#include "synth/sentence_form.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// A title longer than this (words) is taken only when no candidate is shorter: a title is
// read at a glance (news headlines run 8–15 words).
constexpr size_t kTitleMaxWords = 18;

std::string fold_clean(std::string_view s) {
  std::string f = text::collapse_spaces(text::fold(s));
  while (!f.empty() && (f.back() == '.' || f.back() == ' ')) f.pop_back();
  return f;
}

bool boundary_at(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  // A colon or comma between digits is inside a number or a time ("8:00", "1,5").
  const bool in_number = i > 0 && i + 1 < s.size() &&
                         std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                         std::isdigit(static_cast<unsigned char>(s[i + 1]));
  if ((c == ',' || c == ':') && in_number) return false;
  if (c == ',' || c == ';' || c == ':' || c == '(') {
    *len = 1;
    return true;
  }
  if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') {
    *len = 1;
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
       static_cast<unsigned char>(s[i + 2]) == 0x94)) {
    *len = 3;
    return true;
  }
  return false;
}

// When `s[i]` is a comma opening a name in apposition that the clause goes on after (", Celeste,
// heard"): one to three capitalised words, a comma, then a word in lower case. Returns the
// position of the closing comma, else 0.
size_t apposed_name_end(std::string_view s, size_t i) {
  if (s[i] != ',') return 0;
  size_t k = i + 1, words = 0;
  for (;;) {
    while (k < s.size() && s[k] == ' ') ++k;
    if (k >= s.size() || !std::isupper(static_cast<unsigned char>(s[k]))) break;
    while (k < s.size() && s[k] != ' ' && s[k] != ',') ++k;
    ++words;
    if (k < s.size() && s[k] == ',') break;
  }
  if (words == 0 || words > 3 || k >= s.size() || s[k] != ',') return 0;
  size_t next = k + 1;
  while (next < s.size() && s[next] == ' ') ++next;
  return next < s.size() && std::islower(static_cast<unsigned char>(s[next])) ? k : 0;
}

bool opens_dependent(std::string_view t, const std::unordered_set<std::string>& openers,
                     const text::ElisionRules& elisions) {
  return openers.count(opening_word(t, elisions)) > 0;
}

// Letters of `t` mostly in capitals ("FRAUDE À LA SOCIÉTÉ GÉNÉRALE"): a rubric, not a title.
bool mostly_capitals(std::string_view t) {
  size_t upper = 0, letters = 0;
  for (unsigned char c : t) {
    if (!std::isalpha(c)) continue;
    ++letters;
    if (std::isupper(c)) ++upper;
  }
  return letters > 0 && upper * 10 > letters * 6;
}

bool has_quotation(std::string_view t) {
  for (std::string_view q : {"\"", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D"})
    if (t.find(q) != std::string_view::npos) return true;
  // A single quote opening a word ('Several die') quotes; inside a word it is an apostrophe.
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] == '\'' && (i == 0 || t[i - 1] == ' ')) return true;
  return false;
}

std::string trimmed_headline(std::string_view h) {
  std::string t = text::collapse_spaces(h);
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  return t;
}

// The stems of content words `words` that are no date word (weekday, month) and no reporting
// verb.
std::set<std::string> title_stems(std::span<const ContentWord> words,
                                  const std::unordered_set<std::string>& plain) {
  std::set<std::string> out;
  for (const auto& w : words)
    if (!plain.count(w.folded)) out.insert(w.stem);
  return out;
}

// The same of the text `t`.
std::set<std::string> title_stems(std::string_view t, const text::StopWords& stop,
                                  const text::Stemmer& stemmer,
                                  const std::unordered_set<std::string>& plain,
                                  const text::ElisionRules& elisions) {
  return title_stems(content_words(t, stop, stemmer, elisions), plain);
}

bool usable_headline(std::string_view t, const std::set<std::string>& stems,
                     const std::unordered_set<std::string>& openers,
                     const text::ElisionRules& elisions) {
  const size_t words = text::count_words(t, elisions);
  if (words < 4 || words > 16 || stems.size() < 3) return false;
  unsigned char c0 = static_cast<unsigned char>(t[0]);
  if (c0 < 0x80 && !std::isupper(c0) && !std::isdigit(c0)) return false;
  if (t.find('?') != std::string_view::npos || t.find('!') != std::string_view::npos) return false;
  return !mostly_capitals(t) && !has_quotation(t) && !opens_dependent(t, openers, elisions);
}

// True when the comma at `i` separates two capitalised words ("WBA, IBF", "WBO, and IBF"):
// a list of names.
bool in_name_list(std::string_view s, size_t i) {
  size_t b = i;
  while (b > 0 && s[b - 1] != ' ') --b;
  size_t a = i + 1;
  while (a < s.size() && s[a] == ' ') ++a;
  auto capital = [&](size_t at) {
    return at < s.size() && std::isupper(static_cast<unsigned char>(s[at]));
  };
  if (b >= i || !capital(b)) return false;
  if (capital(a)) return true;
  // "WBO, and IBF": a short joining word ("and", "et", "or", "ou") before the next name.
  size_t e = a;
  while (e < s.size() && std::islower(static_cast<unsigned char>(s[e]))) ++e;
  if (e == a || e - a > 3 || e >= s.size() || s[e] != ' ') return false;
  return capital(e + 1);
}

// True when `t` ends inside an incise: it holds an odd number of commas that set words off
// (not those of a list of names), so that its end is the comma closing an incise and what
// the main clause said after it is lost ("The DNC is alleging, in a complaint filed in
// federal district court in Manhattan" [, that …]; "Kim Jong Un, North Korea's leader" [,
// said …]). A title opening on an introductory phrase ("In Paris, police arrested three
// men") is the caller's to keep.
bool ends_in_incise(std::string_view t) {
  size_t commas = 0;
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] == ',' && !in_name_list(t, i)) ++commas;
  return commas % 2 == 1;
}

// Folded names (canonical and aliases) of the story's key subject: the entity most origins
// name, then the most mentioned. Empty without entities.
std::vector<std::string> key_subject(const StoryEvidence& ev, const ClaimSet& cs) {
  size_t best = ev.entities.size(), best_origins = 0, best_mentions = 0;
  for (size_t e = 0; e < ev.entities.size(); ++e) {
    std::set<int> origins;
    for (const auto& m : ev.entities[e].mentions)
      origins.insert(m.article < cs.outlet_of.size() ? cs.outlet_of[m.article]
                                                     : static_cast<int>(m.article));
    const size_t mentions = ev.entities[e].mentions.size();
    if (origins.size() > best_origins ||
        (origins.size() == best_origins && mentions > best_mentions)) {
      best = e;
      best_origins = origins.size();
      best_mentions = mentions;
    }
  }
  std::vector<std::string> out;
  if (best == ev.entities.size()) return out;
  for (const std::string& name : ev.entities[best].aliases)
    if (std::string f = fold_clean(name); f.size() >= 3) out.push_back(f);
  if (std::string f = fold_clean(ev.entities[best].name); f.size() >= 3) out.push_back(f);
  return out;
}

}  // namespace

std::string compress_to_main_clause(std::string_view claim, const text::ElisionRules& elisions,
                                    const std::vector<std::pair<size_t, size_t>>& dates,
                                    int min_words) {
  // Blank out dates (and one short word right before them: "ce", "le", "on").
  std::string s(claim);
  for (auto [b, e] : dates) {
    if (e > s.size() || b >= e) continue;
    size_t wb = b;
    size_t k = b;
    while (k > 0 && s[k - 1] == ' ') --k;
    size_t ws = k;
    while (ws > 0 && s[ws - 1] != ' ' && s[ws - 1] != ',' && s[ws - 1] != '(') --ws;
    if (k > ws && k - ws <= 3) wb = ws;
    for (size_t i = wb; i < e; ++i) s[i] = '\x01';
  }
  std::string t;
  for (char c : s)
    if (c != '\x01') t += c;
  t = text::collapse_spaces(t);
  // Incises left empty (", ," or ", ce ,") collapse.
  for (;;) {
    bool changed = false;
    for (size_t i = 0; i + 2 < t.size(); ++i) {
      if (t[i] == ',' && t[i + 1] == ' ' && t[i + 2] == ',') {
        t.erase(i, 3);
        changed = true;
        break;
      }
      if (t[i] == ',' && t[i + 1] == ',') {
        t.erase(i, 1);
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  // A removed date leaves a space before the punctuation that followed it ("Iran , killing"),
  // or that punctuation first ("This morning, 41 years later, police…").
  for (size_t i; (i = t.find(" ,")) != std::string::npos;) t.erase(i, 1);
  t.erase(0, std::min(t.find_first_not_of(",;: "), t.size()));
  std::string_view v(t);
  size_t cut = v.size();
  int words = 0;
  auto spans = text::word_spans(v, elisions);
  size_t wi = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    while (wi < spans.size() && spans[wi].end <= i) {
      ++wi;
      ++words;
    }
    size_t len;
    // A comma inside a list of names ("his WBA, IBF and WBO titles") is no clause end.
    if (v[i] == ',' && in_name_list(v, i)) continue;
    // Nor the commas around a name in apposition inside a clause: "… when his wife, Celeste,
    // heard gun shots" cut at the first would end on "when his wife".
    if (const size_t after = apposed_name_end(v, i); after != 0) {
      i = after;
      continue;
    }
    if (boundary_at(v, i, &len) && words >= min_words) {
      cut = i;
      break;
    }
  }
  std::string out(text::collapse_spaces(v.substr(0, cut)));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == ','))
    out.pop_back();
  if (!out.empty() && out.front() >= 'a' && out.front() <= 'z')
    out.front() = static_cast<char>(out.front() - 32);
  return out;
}

std::string headline_title(const StoryEvidence& ev, const ClaimSet& cs,
                           const SynthResources& resources, double min_share, double min_score) {
  const text::StopWords& stop = resources.stop_words(ev.language);
  const auto& plain = resources.plain_words(ev.language);
  const auto& openers = resources.dependent_openers(ev.language);
  const text::ElisionRules& elisions = resources.elisions();
  text::Stemmer stemmer(ev.language);
  // Stems each origin uses in its headlines and ledes.
  std::map<int, std::set<std::string>> origin_stems;
  std::vector<std::set<std::string>> headline_stems(ev.articles.size());
  for (size_t a = 0; a < ev.articles.size(); ++a) {
    const int origin = a < cs.outlet_of.size() ? cs.outlet_of[a] : static_cast<int>(a);
    auto& mine = origin_stems[origin];
    const Article& art = *ev.articles[a];
    // The kept reading's words when there is one: the same words, not read again.
    const ArticleReading* reading = given_reading(ev, a);
    if (art.title) {
      headline_stems[a] = reading ? title_stems(reading->title_words, plain)
                                  : title_stems(*art.title, stop, stemmer, plain, elisions);
      mine.insert(headline_stems[a].begin(), headline_stems[a].end());
    }
    const ArticleAnalysis* an = a < ev.analyses.size() ? ev.analyses[a] : nullptr;
    if (an && !an->sentences.empty()) {
      const size_t lede_end = an->sentences[std::min<size_t>(1, an->sentences.size() - 1)].end;
      auto lede = reading ? title_stems(words_within(reading->words, 0, lede_end), plain)
                          : title_stems(std::string_view(art.text).substr(0, lede_end), stop,
                                        stemmer, plain, elisions);
      mine.insert(lede.begin(), lede.end());
    }
  }
  std::map<std::string, int> origins_using;
  for (const auto& [origin, stems] : origin_stems)
    for (const auto& st : stems) ++origins_using[st];
  const double n = static_cast<double>(origin_stems.size());
  std::string best;
  double best_score = min_score;
  for (size_t a = 0; a < ev.articles.size(); ++a) {
    if (!ev.articles[a]->title) continue;
    std::string t = trimmed_headline(*ev.articles[a]->title);
    if (t.empty() || !usable_headline(t, headline_stems[a], openers, elisions)) continue;
    double score = 0;
    for (const auto& st : headline_stems[a]) score += origins_using[st] / n - min_share;
    if (score > best_score + 1e-9 || (best.empty() && score >= best_score)) {
      best = std::move(t);
      best_score = score;
    }
  }
  return best;
}

std::string neutral_title(const StoryEvidence& ev, const ClaimSet& cs, const SynthConfig& cfg,
                          const SynthResources& resources) {
  double share = 0.0;
  std::string from_claim = claim_title(ev, cs, cfg, resources, &share);
  if (!from_claim.empty() && share >= cfg.title_claim_min_share) return from_claim;
  std::string t = headline_title(ev, cs, resources);
  return t.empty() ? from_claim : t;
}

std::string claim_title(const StoryEvidence& ev, const ClaimSet& cs, const SynthConfig& cfg,
                        const SynthResources& resources, double* outlet_share) {
  if (outlet_share) *outlet_share = 0.0;
  const text::StopWords* stop_words = &resources.stop_words(ev.language);
  const auto& openers = resources.dependent_openers(ev.language);
  const text::ElisionRules& elisions = resources.elisions();
  const auto& claims = cs.claims;
  if (claims.empty()) return "";
  std::set<std::string> headlines;
  for (const Article* a : ev.articles)
    if (a->title) headlines.insert(fold_clean(*a->title));
  std::vector<size_t> order;
  for (size_t c = 0; c < claims.size(); ++c)
    if (!claims[c].quote_only && claims[c].words >= 6) order.push_back(c);
  // A title states the story's main event: ledes (first claims of an article) that most
  // outlets carry. A claim opening on an incise ("Kim, qui …,") compresses badly.
  auto score = [&](size_t c) {
    const Claim& cl = claims[c];
    double s = 3.0 * cs.telling_outlets[c] + 4.0 / (1.0 + cl.position) +
               0.5 * std::min<size_t>(cl.entities.size() + cl.names.size(), 4) +
               0.5 * cs.centrality[c];
    size_t comma = cl.text.find(',');
    if (comma != std::string::npos &&
        text::count_words(std::string_view(cl.text).substr(0, comma), elisions) < 5)
      s -= 3.0;
    return s;
  };
  std::vector<double> scores(claims.size(), 0.0);  // each scored once, not at every comparison
  for (size_t c : order) scores[c] = score(c);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return scores[x] > scores[y]; });
  const std::vector<std::string> subject = key_subject(ev, cs);
  auto names_subject = [&](const std::string& folded_title) {
    for (const auto& alias : subject)
      if (folded_title.find(alias) != std::string::npos) return true;
    return subject.empty();
  };
  for (bool need_subject : {true, false})
    for (size_t max_words : {kTitleMaxWords, SIZE_MAX})
      for (size_t c : order) {
        const Claim& cl = claims[c];
        const ArticleAnalysis* whole = ev.analyses[cl.article];
        char cut = whole && cl.sentence < whole->sentences.size()
                       ? clause_cut(whole->sentences[cl.sentence].text, cl.text)
                       : '\0';
        if (!reads_as_sentence(cl.text, cut == ',' ? ';' : cut))
          continue;  // a lede's first half is fine
        const size_t skip = rubric_end(cl.text);
        std::vector<std::pair<size_t, size_t>> dates;
        const ArticleAnalysis* an = ev.analyses[cl.article];
        for (const auto& d : an->dates)
          if (d.begin >= cl.begin + skip && d.end <= cl.end && d.precision == DatePrecision::kDay)
            dates.push_back({d.begin - cl.begin - skip, d.end - cl.begin - skip});
        std::string t =
            compress_to_main_clause(std::string_view(cl.text).substr(skip), elisions, dates);
        if (text::count_words(t, elisions) < 4 || text::count_words(t, elisions) > max_words)
          continue;
        // Nor a clause opening on a preposition: "Selon le déroulement …", "A l'issue d'un …".
        if (opens_dependent(t, openers, elisions) ||
            opens_dependent(t, resources.link_words(ev.language), elisions))
          continue;
        // Nor a main clause cut after an incise, its verb or object left behind.
        if (ends_in_incise(t)) continue;
        // Nor a sentence under a label ("Summary: MWEB has managed…", "Update: …").
        if (const size_t colon = t.find(':');
            colon != std::string::npos && text::count_words(t.substr(0, colon), elisions) <= 2)
          continue;
        // Nor what came before the event: "Mohamed avait été trouvé seul…" is backstory.
        if (tells_backstory(t, resources.clause_words(ev.language), elisions)) continue;
        // A quotation is a speaker's words, not what happened.
        if (t.starts_with("\"") || t.starts_with("\xC2\xAB") || t.starts_with("\xE2\x80\x9C"))
          continue;
        if (stop_words) {
          auto spans = text::word_spans(t, elisions);
          // Written in lower case: "May" ending "Theresa May" is a name, not the modal.
          if (!spans.empty() && t[spans.back().begin] >= 'a' && t[spans.back().begin] <= 'z' &&
              stop_words->contains(text::fold(std::string_view(t).substr(
                  spans.back().begin, spans.back().end - spans.back().begin))))
            continue;
        }
        // Never an outlet's headline, nor its opening words.
        std::string ft = fold_clean(t);
        bool headline = false;
        for (const auto& h : headlines)
          if (h.compare(0, ft.size(), ft) == 0) headline = true;
        if (headline) continue;
        // First the titles that name the story's key subject ("Klitschko", "Marseille").
        if (need_subject && !names_subject(ft)) continue;
        if (outlet_share && !cs.outlets.empty())
          *outlet_share = static_cast<double>(cs.telling_outlets[c]) / cs.outlets.size();
        return t;
      }
  return "";
}

}  // namespace recoupe::synth
