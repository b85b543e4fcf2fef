#include "synth/corroboration.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "synth/article_reading.h"
#include "synth/content_words.h"
#include "synth/pronoun_referents.h"
#include "synth/sentence_form.h"
#include "text/fold.h"
#include "text/stemmer.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// How much a claim carries as a stand-alone fact: names, numbers and dates, a little for
// coming early in its article (ledes state the facts), less for very long claims.
double fact_weight(const Claim& c) {
  double w = 0.5 * std::min<size_t>(c.entities.size() + c.names.size(), 4) +
             1.0 * std::min<size_t>(c.numbers.size(), 2) +
             1.0 * std::min<size_t>(c.dates.size(), 2);
  w += 1.0 / (1.0 + c.position);
  if (c.words > 45) w -= 0.5;
  return w;
}

// Claims indexed by their terms, to tell whether one of them has a cosine of at least a
// bar with a given claim without comparing the two claims term by term for each of them:
// only claims sharing a term can reach a bar above 0, and their dot products are summed
// through the postings of the claim's terms, in its term order as claim_similarity sums
// them, so the cosines are the same to the bit. Comparing each candidate with every claim
// was quadratic where a big story has thousands of candidates.
class ClaimPostings {
 public:
  explicit ClaimPostings(const ClaimSet& cs) : cs_(cs), dot_(cs.claims.size(), 0.0) {}

  void add(size_t k) {
    const Claim& cl = cs_.claims[k];
    if (cl.norm <= 0) return;  // claim_similarity is 0 with it
    for (size_t i = 0; i < cl.terms.size(); ++i) {
      if (cl.terms[i] >= postings_.size()) postings_.resize(cl.terms[i] + 1);
      postings_[cl.terms[i]].push_back({static_cast<uint32_t>(k), cl.weights[i]});
    }
  }

  // Whether a claim added, and accepted by `keep(index)`, has claim_similarity ≥ bar (> 0)
  // with claim c.
  template <typename Keep>
  bool any_close(size_t c, double bar, Keep keep) {
    const Claim& cl = cs_.claims[c];
    if (cl.norm <= 0) return false;
    touched_.clear();
    for (size_t i = 0; i < cl.terms.size(); ++i) {
      if (cl.terms[i] >= postings_.size()) continue;
      for (const Posting& p : postings_[cl.terms[i]]) {
        if (!keep(p.claim)) continue;
        if (dot_[p.claim] == 0.0) touched_.push_back(p.claim);
        dot_[p.claim] += static_cast<double>(cl.weights[i]) * p.weight;
      }
    }
    bool close = false;
    for (uint32_t k : touched_) {
      const double cosine = std::min(
          1.0, dot_[k] / (static_cast<double>(cl.norm) * static_cast<double>(cs_.claims[k].norm)));
      if (static_cast<float>(cosine) >= bar) close = true;
      dot_[k] = 0.0;
    }
    return close;
  }

 private:
  struct Posting {
    uint32_t claim;
    float weight;
  };
  const ClaimSet& cs_;
  std::vector<std::vector<Posting>> postings_;
  std::vector<double> dot_;
  std::vector<uint32_t> touched_;
};

// The claims a list has taken, and whether a candidate is redundant beside them: aligned
// with one, or a cosine of at least `dup` with one, found through their postings (a big
// story's single-source list hides thousands of candidates, and each one hidden is taken).
class TakenClaims {
 public:
  TakenClaims(const ClaimSet& cs, double dup)
      : cs_(cs), dup_(dup), taken_(cs.claims.size(), 0), postings_(cs) {}

  void add(size_t c) {
    taken_[c] = 1;
    ++count_;
    postings_.add(c);
  }

  bool redundant(size_t c) {
    if (count_ == 0) return false;
    for (const auto& al : cs_.aligned[c])
      if (taken_[al.other]) return true;
    if (dup_ <= 0) return true;  // every cosine, 0 included, reaches it
    return postings_.any_close(c, dup_, [](uint32_t) { return true; });
  }

 private:
  const ClaimSet& cs_;
  double dup_;
  std::vector<char> taken_;
  size_t count_ = 0;
  ClaimPostings postings_;
};

}  // namespace

std::vector<std::string> article_ids(const StoryEvidence& ev, const std::vector<size_t>& idx) {
  std::vector<size_t> sorted = idx;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::string> out;
  for (size_t a : sorted)
    if (a < ev.articles.size()) out.push_back(ev.articles[a]->id);
  return out;
}

namespace {

// True when `cl` is the first part of a sentence cut at a comma ("l'un des deux émissaires
// chargés par la France" of "…par la France, la Suisse et l'Espagne d'établir des
// contacts"): no whole fact on its own, as the summary judges it (reads_as_sentence).
bool cut_at_comma(const StoryEvidence& ev, const Claim& cl) {
  const ArticleAnalysis* an = cl.article < ev.analyses.size() ? ev.analyses[cl.article] : nullptr;
  return an && cl.sentence < an->sentences.size() &&
         clause_cut(an->sentences[cl.sentence].text, cl.text) == ',';
}

bool quote_fragment(std::string_view text);  // below, with the single-source tests

// The claims corroborated_claims() lists, by index, in its order. A wording that does not
// stand alone is left out, as another outlet's wording of the fact may: the tail of a
// sentence, or its head cut at a comma before the main verb ("Le septuple vainqueur du Tour
// de France, qui a annoncé son retour…"). A head cut at a comma after its main verb ("La cour
// d'appel doit décider mardi si…") states the fact and stays. A piece of a quotation without
// its speaker ('"I think the jury did everything it could…', « Cela s'apparente à un
// incendie volontaire ») or a sentence announcing what follows it (« …, Poutine a répondu : »)
// comes after every other wording: another outlet's, which names the speaker or says the
// thing, stands for the fact when there is one, and the piece is listed only when room is
// left (left out, a fact of the dev gold was lost).
std::vector<size_t> corroborated_indices(const StoryEvidence& ev, const ClaimSet& cs,
                                         const SynthResources& resources, const SynthConfig& cfg) {
  const ClauseWords& clause_words = resources.clause_words(ev.language);
  std::vector<size_t> cand;
  for (size_t c = 0; c < cs.claims.size(); ++c) {
    const Claim& cl = cs.claims[c];
    if (cs.support_outlets[c] < 2 || cl.quote_only || starts_lowercase(cl.text)) continue;
    if (cut_at_comma(ev, cl) &&
        head_without_main_clause(cl.text, clause_words, resources.elisions()))
      continue;
    cand.push_back(c);
  }
  auto score = [&](size_t c) {
    return 3.0 * cs.support_outlets[c] + cs.centrality[c] + fact_weight(cs.claims[c]);
  };
  std::vector<bool> fragment(cs.claims.size());
  for (size_t c : cand)
    fragment[c] = quote_fragment(cs.claims[c].text) || announces_what_follows(cs.claims[c].text);
  std::stable_sort(cand.begin(), cand.end(), [&](size_t x, size_t y) {
    if (fragment[x] != fragment[y]) return static_cast<bool>(fragment[y]);
    return score(x) > score(y);
  });
  std::vector<size_t> chosen;
  TakenClaims taken(cs, cfg.duplicate_threshold);
  for (size_t c : cand) {
    if (chosen.size() >= cfg.max_corroborated) break;
    if (taken.redundant(c)) continue;
    chosen.push_back(c);
    taken.add(c);
  }
  return chosen;
}

}  // namespace

std::vector<CorroboratedClaim> corroborated_claims(const StoryEvidence& ev, const ClaimSet& cs,
                                                   const SynthResources& resources,
                                                   const SynthConfig& cfg) {
  std::vector<CorroboratedClaim> out;
  for (size_t c : corroborated_indices(ev, cs, resources, cfg)) {
    CorroboratedClaim cc;
    cc.claim = cs.claims[c].text;
    cc.articles = article_ids(ev, cs.support[c]);
    cc.outlets = cs.support_outlets[c];
    out.push_back(std::move(cc));
  }
  return out;
}

namespace {

// The outlets that state each number (with its unit) of a story: built once, so that asking
// whether a claim's number is told elsewhere is a lookup, not a scan of every claim.
class NumberOutlets {
 public:
  explicit NumberOutlets(const ClaimSet& cs) {
    for (const Claim& cl : cs.claims)
      for (const ClaimNumber& n : cl.numbers)
        if (!n.unit.empty()) {
          const int mine = cs.outlet_of[cl.article];
          auto [it, fresh] = outlet_.emplace(std::make_pair(n.unit, n.value), mine);
          if (!fresh && it->second != mine) it->second = kSeveral;
        }
  }
  // True when `n` is stated by an outlet other than `outlet`: the same value, or for an
  // amount of 1,000 or more one within 5 %, as print rounds it ("4,9 milliards" is the "5
  // milliards" of another outlet; compatible_values in number_slots.h says the same).
  bool elsewhere(const ClaimNumber& n, int outlet) const {
    auto it = outlet_.find({n.unit, n.value});
    if (it != outlet_.end() && it->second != outlet) return true;
    const double v = std::fabs(n.value);
    if (v < 1000.0) return false;
    for (auto near = outlet_.lower_bound({n.unit, std::copysign(v / 1.05, n.value)});
         near != outlet_.end() && near->first.first == n.unit &&
         std::fabs(near->first.second) <= v * 1.05 && std::fabs(near->first.second) >= v / 1.05;
         ++near)
      if (near->second != outlet) return true;
    return false;
  }
  // True when claim `c` carries a number (with its unit) that no other outlet states. Units
  // must match: "40 secondes" is not "40 km". A bare count is too weak to call a fact.
  bool has_exclusive(const ClaimSet& cs, size_t c) const {
    const Claim& cl = cs.claims[c];
    for (const ClaimNumber& n : cl.numbers)
      if (!n.unit.empty() && !elsewhere(n, cs.outlet_of[cl.article])) return true;
    return false;
  }
  // True when claim `c` carries a number (with its unit) that another outlet states too.
  // "One" or "two" of something ("les deux hommes") is a phrase, not a figure: left out.
  bool has_shared(const ClaimSet& cs, size_t c) const {
    const Claim& cl = cs.claims[c];
    for (const ClaimNumber& n : cl.numbers)
      if (!n.unit.empty() && std::fabs(n.value) > 2.0 && elsewhere(n, cs.outlet_of[cl.article]))
        return true;
    return false;
  }

 private:
  static constexpr int kSeveral = -1;  // outlet ids are ≥ 0
  std::map<std::pair<std::string, double>, int> outlet_;
};

// Terms two claims have in common (both term lists are sorted).
size_t shared_terms(const Claim& a, const Claim& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.terms.size() && j < b.terms.size();) {
    if (a.terms[i] == b.terms[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a.terms[i] < b.terms[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

// Entities that a minority of a story's outlets name (at least two, fewer than half): a
// detail such a name carries ("the Chopard theft in Cannes", "Marfin Bank") is told by those
// outlets in their own words, which claim alignment often misses. Claims naming such an entity
// are indexed so that a candidate single-source claim can be checked against them.
class RareNames {
 public:
  explicit RareNames(const StoryEvidence& ev, const ClaimSet& cs)
      : claims_with_(ev.entities.size()) {
    const size_t outlets = cs.outlets.size();
    rare_.assign(ev.entities.size(), false);
    for (size_t e = 0; e < ev.entities.size(); ++e) {
      std::set<int> named_by;
      for (const auto& m : ev.entities[e].mentions)
        if (m.article < cs.outlet_of.size()) named_by.insert(cs.outlet_of[m.article]);
      rare_[e] = named_by.size() >= 2 && named_by.size() * 2 < outlets;
    }
    for (size_t c = 0; c < cs.claims.size(); ++c)
      for (int e : cs.claims[c].entities)
        if (e >= 0 && static_cast<size_t>(e) < rare_.size() && rare_[e])
          claims_with_[e].push_back(c);
  }

  // True when a claim of another outlet names one of claim c's rare entities and shares at
  // least `min_terms` of its terms: the same detail, told elsewhere.
  bool told_elsewhere(const ClaimSet& cs, size_t c, size_t min_terms) const {
    const Claim& cl = cs.claims[c];
    for (int e : cl.entities) {
      if (e < 0 || static_cast<size_t>(e) >= rare_.size() || !rare_[e]) continue;
      for (size_t o : claims_with_[e])
        if (cs.outlet_of[cs.claims[o].article] != cs.outlet_of[cl.article] &&
            shared_terms(cl, cs.claims[o]) >= min_terms)
          return true;
    }
    return false;
  }

 private:
  std::vector<bool> rare_;
  std::vector<std::vector<size_t>> claims_with_;
};

// The figures written in digits in a claim ("40-year-old", "58-3", "11 rounds", "2008",
// "4,9 milliards"), as normalized strings: thousands separators dropped, a decimal comma
// made a dot. Values of 0, 1 and 2 are left out: "2 juillet" or "1 of 2" are too common to
// tie two sentences together.
std::vector<std::string> written_figures(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::string digits;
    size_t j = i;
    while (j < text.size()) {
      const char c = text[j];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits += c;
        ++j;
      } else if ((c == ',' || c == '.') && j + 1 < text.size() &&
                 std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        // "10,000" / "10.000": a group of exactly three digits follows; else a decimal.
        size_t k = j + 1;
        while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
        if (k - (j + 1) != 3) digits += '.';
        ++j;
      } else {
        break;
      }
    }
    const bool letter_before = i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]));
    if (!letter_before && digits != "0" && digits != "1" && digits != "2") out.push_back(digits);
    i = j;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A number as written_figures() writes it: "3", "68000", "4.9".
std::string figure_key(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return std::to_string(static_cast<long long>(value));
  std::string s = std::to_string(value);  // "4.900000"
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

// The claims of a story by their figures: in digits, counted in words, or as ordinals
// ("sixth", « sixième »). A candidate single-source claim that writes a figure which another
// outlet's claim writes too, with at least `min_terms` terms in common, tells that outlet's
// fact ("Klitschko, 36, stopped the 40-year-old Thompson" beside "the 40-year-old American";
// "a sixth-round stoppage" beside "stopped in the 6th round"), whatever detail it adds.
// One or two of something counts only with its counted noun ("two helicopters" against
// "Two helicopters"): alone, "2" or "the two men" ties too many sentences together.
class SharedFigures {
 public:
  SharedFigures(const ClaimSet& cs, const std::unordered_map<std::string, int>& ordinals,
                const text::ElisionRules& elisions)
      : figures_(cs.claims.size()) {
    for (size_t c = 0; c < cs.claims.size(); ++c) {
      figures_[c] = written_figures(cs.claims[c].text);
      for (const ClaimNumber& n : cs.claims[c].numbers) {
        if (std::fabs(n.value) > 2.0)
          figures_[c].push_back(figure_key(n.value));
        else if (!n.unit.empty() && n.value > 0.0)
          figures_[c].push_back(n.unit + ":" + figure_key(n.value));
      }
      if (!ordinals.empty())
        for (const std::string& word : text::words(cs.claims[c].text, elisions)) {
          // Each part of a compound too: "sixth-round".
          const std::string w = text::fold(word);
          for (size_t b = 0, e; b <= w.size(); b = e + 1) {
            e = std::min(w.find('-', b), w.size());
            const auto it = ordinals.find(w.substr(b, e - b));
            if (it != ordinals.end()) figures_[c].push_back(figure_key(it->second));
          }
        }
      std::sort(figures_[c].begin(), figures_[c].end());
      figures_[c].erase(std::unique(figures_[c].begin(), figures_[c].end()), figures_[c].end());
      for (const std::string& f : figures_[c]) claims_with_[f].push_back(c);
    }
  }
  // `small_counts`: whether "two helicopters" counts; the caller leaves it out for a claim
  // with a measured detail of its own ("les deux dirigeants … pendant 40 secondes": the two
  // leaders are everyone's, the 40 seconds this outlet's).
  bool told_elsewhere(const ClaimSet& cs, size_t c, size_t min_terms, bool small_counts) const {
    const int mine = cs.outlet_of[cs.claims[c].article];
    for (const std::string& f : figures_[c]) {
      if (!small_counts && f.find(':') != std::string::npos) continue;
      const auto it = claims_with_.find(f);
      if (it == claims_with_.end()) continue;
      for (size_t o : it->second)
        if (cs.outlet_of[cs.claims[o].article] != mine &&
            shared_terms(cs.claims[c], cs.claims[o]) >= min_terms)
          return true;
    }
    return false;
  }

 private:
  std::vector<std::vector<std::string>> figures_;
  std::unordered_map<std::string, std::vector<size_t>> claims_with_;
};

// The sentences (and headlines) of a story's articles as sets of word starts, indexed so
// that the sentence of another outlet holding most of a claim's words is found by a walk of
// the claim's words' postings. Within one story the words every outlet uses weigh almost
// nothing in claim similarity, so a retelling ("A woman died Wednesday night after being
// struck by a hit-and-run driver outside a store in Bloomington, according to WCCO") looks
// unlike "A woman hit and killed by a motorist Wednesday night outside a Sam's Club store in
// Bloomington"; counted unweighted, most of its words are in that one sentence.
class OtherOutletSentences {
 public:
  OtherOutletSentences(const StoryEvidence& ev, const ClaimSet& cs, const SynthResources& resources)
      : ev_(ev),
        cs_(cs),
        stop_(resources.stop_words(ev.language)),
        stemmer_(ev.language),
        elisions_(resources.elisions()) {}

  // The most words of claim `c` that one sentence of another outlet holds, and their share of
  // its words.
  std::pair<size_t, double> best_cover(size_t c) const {
    if (!built_) build();
    const Claim& cl = cs_.claims[c];
    const int outlet = cs_.outlet_of[cl.article];
    // The claim's words are sliced from its article's reading when there is one, as
    // content_words of its text would give them.
    const ArticleReading* reading = given_reading(ev_, cl.article);
    const std::vector<uint64_t> words =
        reading ? word_keys(words_within(reading->words, cl.begin, cl.end)) : keys(cl.text);
    if (words.empty()) return {0, 0.0};
    size_t best = 0;
    for (uint64_t w : words) {
      const auto it = postings_.find(w);
      if (it == postings_.end()) continue;
      for (uint32_t sentence : it->second) {
        if (outlet_of_sentence_[sentence] == outlet) continue;
        if (shared_[sentence]++ == 0) touched_.push_back(sentence);
        best = std::max<size_t>(best, shared_[sentence]);
      }
    }
    for (uint32_t sentence : touched_) shared_[sentence] = 0;
    touched_.clear();
    return {best, static_cast<double>(best) / static_cast<double>(words.size())};
  }

 private:
  // Built on the first question: most stories have no candidate that comes to it.
  void build() const {
    built_ = true;
    for (size_t a = 0; a < ev_.articles.size(); ++a) {
      const int outlet = a < cs_.outlet_of.size() ? cs_.outlet_of[a] : static_cast<int>(a);
      const ArticleReading* reading = given_reading(ev_, a);
      if (ev_.articles[a]->title)
        add(reading ? word_keys(reading->title_words) : keys(*ev_.articles[a]->title), outlet);
      if (a >= ev_.analyses.size() || !ev_.analyses[a]) continue;
      // A sentence's words are sliced from the article's reading (read once per article and
      // kept between cross-checks), not read again: this index covers every sentence of the
      // story, and reading them here was 14 % of a served POST's CPU.
      const std::vector<ContentWord>* words =
          a < ev_.readings.size() && ev_.readings[a] ? &ev_.readings[a]->words : nullptr;
      for (const Sentence& s : ev_.analyses[a]->sentences)
        add(words ? word_keys(words_within(*words, s.begin, s.end)) : keys(s.text), outlet);
    }
    shared_.assign(outlet_of_sentence_.size(), 0);
  }

  // A word start: the first five bytes of a folded content word, so that "killed" and
  // "killing", « placé » and « placée » meet; packed in an integer (bytes past the word's
  // end are zero, and a folded word holds no zero byte).
  static uint64_t key(const std::string& folded) {
    uint64_t k = 0;
    const size_t n = std::min<size_t>(folded.size(), 5);
    for (size_t i = 0; i < n; ++i) k |= uint64_t(static_cast<unsigned char>(folded[i])) << (8 * i);
    return k;
  }

  // Distinct word starts of `text`'s content words.
  std::vector<uint64_t> keys(std::string_view text) const {
    return word_keys(content_words(text, stop_, stemmer_, elisions_));
  }

  // The same of `words`.
  template <typename Words>
  static std::vector<uint64_t> word_keys(const Words& words) {
    std::vector<uint64_t> out;
    for (const ContentWord& w : words) out.push_back(key(w.folded));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void add(const std::vector<uint64_t>& keys, int outlet) const {
    const auto id = static_cast<uint32_t>(outlet_of_sentence_.size());
    outlet_of_sentence_.push_back(outlet);
    for (uint64_t w : keys) postings_[w].push_back(id);
  }

  const StoryEvidence& ev_;
  const ClaimSet& cs_;
  const text::StopWords& stop_;
  const text::Stemmer stemmer_;
  const text::ElisionRules& elisions_;
  mutable bool built_ = false;
  mutable std::vector<int> outlet_of_sentence_;
  mutable std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;
  mutable std::vector<uint32_t> shared_;   // best_cover: words held, per sentence (zero between)
  mutable std::vector<uint32_t> touched_;  // best_cover: the sentences counted
};

}  // namespace

// True when an alignment of `c` with another outlet differs in a number or date: then the
// claim is a disagreement, not a single-source fact.
static bool aligned_conflict(const ClaimSet& cs, size_t c) {
  for (const auto& al : cs.aligned[c])
    if (al.conflict &&
        cs.outlet_of[cs.claims[al.other].article] != cs.outlet_of[cs.claims[c].article])
      return true;
  return false;
}

namespace {

// True when the folded `word` is one of `first_person`, or starts with one before an
// apostrophe, with or without it: "j'ai" (an elided pronoun read with its verb), "I'm",
// "we’re".
bool first_person_form(const std::string& word,
                       const std::unordered_set<std::string>& first_person) {
  if (first_person.count(word)) return true;
  const size_t apostrophe = word.find_first_of("'\xE2");
  return apostrophe != std::string::npos && apostrophe > 0 &&
         (first_person.count(word.substr(0, apostrophe)) ||
          first_person.count(word.substr(0, apostrophe) + "'"));
}

// True when `text` opens, outside quotation marks, with a word its speaker uses of
// themselves (« Nous exigeons que… », "I can't tell you which…"): speech whose speaker the
// sentence does not name, the rest of a quote or an interview's answer, not a fact to list
// as one outlet's. A quoted opening ("“We are shocked,” said her nephew") names its speaker.
bool unattributed_speech(std::string_view text, const std::unordered_set<std::string>& first_person,
                         const text::ElisionRules& elisions) {
  const auto spans = text::word_spans(text, elisions);
  if (spans.empty() || first_person.empty()) return false;
  // Anything but spaces before the first word (a quotation mark, a dash) is no plain opening.
  if (text.substr(0, spans[0].begin).find_first_not_of(" \t") != std::string_view::npos)
    return false;
  return first_person_form(opening_word(text, elisions), first_person);
}

// True when claim `cl` opens with a word pointing back at the sentence before it (« Cette
// confirmation, c'est… », "This includes…", « D'autant qu'elle… »): alone, it does not say
// what it is about. A demonstrative opening a date (« Cette semaine », "This week") is none.
bool leans_on_previous(const StoryEvidence& ev, const Claim& cl,
                       const std::unordered_set<std::string>& openers,
                       const text::ElisionRules& elisions) {
  if (!opens_with_back_reference(cl.text, openers, elisions)) return false;
  const ArticleAnalysis* an = cl.article < ev.analyses.size() ? ev.analyses[cl.article] : nullptr;
  if (an)
    for (const DateMention& d : an->dates)
      if (d.begin <= cl.begin + 1 && d.end > cl.begin) return false;
  return true;
}

// A quotation mark at byte `i` of `text`: its length in bytes (0 when none) and whether it
// opens or closes a quote (*opens). “ and « open, ” and » close; a straight double quote
// closes when a quote is open (`depth` > 0) or when punctuation or the end follows it
// ('dégoûté ", s'indignait'), else opens.
size_t quote_mark_at(std::string_view text, size_t i, int depth, bool* opens) {
  if (text[i] == '"') {
    const bool closes = depth > 0 || i + 1 == text.size() ||
                        std::string_view(",.;:!?").find(text[i + 1]) != std::string_view::npos;
    *opens = !closes;
    return 1;
  }
  if (text.substr(i, 3) == "\xE2\x80\x9C" || text.substr(i, 2) == "\xC2\xAB") {
    *opens = true;
    return text[i] == '\xC2' ? 2 : 3;
  }
  if (text.substr(i, 3) == "\xE2\x80\x9D" || text.substr(i, 2) == "\xC2\xBB") {
    *opens = false;
    return text[i] == '\xC2' ? 2 : 3;
  }
  return 0;
}

// `text` with its quoted parts (and the marks) blanked with spaces: what the writer says in
// their own voice. A quote closing with none open began in an earlier sentence: everything
// before it is blanked too ("Franchement je suis dégoûté ", s'indignait…").
std::string outside_quotes(std::string_view text) {
  std::string out(text);
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool opens = false;
    const size_t mark = quote_mark_at(text, i, depth, &opens);
    if (!mark) {
      if (depth > 0) out[i] = ' ';
      continue;
    }
    if (opens) {
      ++depth;
    } else if (depth > 0) {
      --depth;
    } else {
      std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(i), ' ');
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(i),
              out.begin() + static_cast<std::ptrdiff_t>(i + mark), ' ');
    i += mark - 1;
  }
  return out;
}

// True when `text` is a piece of a quotation that does not name its speaker: it opens with a
// quotation mark that does not close within it ('"There's a lot of guys who get frustrated
// when…': the speaker comes in a later sentence), or it is all inside a quote begun in an
// earlier sentence (« Mohamed était là. […] ce n'était pas l'idéal." »). Or it breaks off
// inside a quotation, without a sentence's end ('John Kerry said on Twitter, "It's worth
// remembering that the early 2000's': cut at the dash the quote goes on after).
bool quote_fragment(std::string_view text) {
  size_t first = 0;
  while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
  int depth = 0;
  bool opened_first = false;
  for (size_t i = first; i < text.size(); ++i) {
    bool opens = false;
    const size_t mark = quote_mark_at(text, i, depth, &opens);
    if (!mark) continue;
    if (i == first) opened_first = opens;
    if (opens) {
      ++depth;
    } else if (depth > 0) {
      --depth;
    } else {  // closes a quote begun before: a fragment unless something follows
      const std::string_view rest = text.substr(i + mark);
      return rest.find_first_not_of(" .,;:!?\t") == std::string_view::npos;
    }
    i += mark - 1;
  }
  if (depth == 0) return false;
  size_t last = text.find_last_not_of(" \t\n");
  const bool ends_sentence = last != std::string_view::npos &&
                             std::string_view(".!?").find(text[last]) != std::string_view::npos;
  return opened_first || !ends_sentence;
}

// True when a sentence ends on an exclamation mark of its writer's, outside quotation marks
// ("… causing a lot of problems!", « … introduit en novembre 2006, à 19,55 € ! »): the
// writer's voice, not a reported fact. A capitalised word closed by one is a name ("on E!",
// "Yahoo!"), no exclamation. `outside`: the sentence's outside_quotes.
bool exclaims(std::string_view outside) {
  const size_t last = outside.find_last_not_of(" \t\n");
  if (last == std::string::npos || outside[last] != '!') return false;
  size_t word = last;  // the word the mark closes
  while (word > 0 && outside[word - 1] != ' ') --word;
  return word == last || !std::isupper(static_cast<unsigned char>(outside[word]));
}

// True when one person speaks of themselves outside quotation marks, anywhere in a sentence
// ("Like you, I did a Scooby-Doo", « A mon grand désespoir, j'y crois »): a columnist's
// or an unnamed speaker's voice, not a reported fact. `outside`: the sentence's
// outside_quotes.
bool speaks_of_oneself(std::string_view outside, const std::unordered_set<std::string>& singular,
                       const text::ElisionRules& elisions) {
  if (singular.empty()) return false;
  for (const auto& span : text::word_spans(outside, elisions))
    if (first_person_form(text::fold(outside.substr(span.begin, span.end - span.begin)), singular))
      return true;
  return false;
}

// True when every content word of claim `cl` is capitalised ("Saturday, Jan. 15 at the
// Georgia Dome."): a dateline, a caption or a list of names, without a word saying what
// happened. The words come from the article's kept reading, else from the claim's text.
bool names_only(const StoryEvidence& ev, const Claim& cl, const SynthResources& resources) {
  auto capitalized = [](const ContentWord& w) { return w.capitalized; };
  if (const ArticleReading* reading = given_reading(ev, cl.article)) {
    const auto words = words_within(reading->words, cl.begin, cl.end);
    return !words.empty() && std::all_of(words.begin(), words.end(), capitalized);
  }
  const auto words = content_words(cl.text, resources.stop_words(ev.language),
                                   text::Stemmer(ev.language), resources.elisions());
  return !words.empty() && std::all_of(words.begin(), words.end(), capitalized);
}

}  // namespace

std::vector<SingleSourceClaim> single_source_claims(const StoryEvidence& ev, const ClaimSet& cs,
                                                    const SynthResources& resources,
                                                    const SynthConfig& cfg, size_t visible_ranks,
                                                    size_t* visible_items) {
  const NumberOutlets numbers(cs);
  const RareNames rare_names(ev, cs);
  const SharedFigures figures(cs, resources.ordinal_words(ev.language), resources.elisions());
  const auto& first_person = resources.first_person_words(ev.language);
  const auto& back_references = resources.back_reference_openers(ev.language);
  const auto& first_person_singular = resources.first_person_singular(ev.language);
  const PronounReferents referents(ev, resources.person_pronouns(ev.language),
                                   resources.elisions());
  const OtherOutletSentences sentences(ev, cs, resources);
  std::vector<size_t> cand;
  for (size_t c = 0; c < cs.claims.size(); ++c) {
    const Claim& cl = cs.claims[c];
    if (cs.support_outlets[c] != 1 || cl.quote_only || !cl.informative() ||
        starts_lowercase(cl.text) || cut_at_comma(ev, cl) ||
        unattributed_speech(cl.text, first_person, resources.elisions()) ||
        leans_on_previous(ev, cl, back_references, resources.elisions()))
      continue;
    bool elsewhere = false;
    // Said elsewhere, even with another number or date (then it is a disagreement), or
    // containing what another outlet says (then its own part is not told apart).
    for (const auto& al : cs.aligned[c])
      if (cs.outlet_of[cs.claims[al.other].article] != cs.outlet_of[cl.article]) elsewhere = true;
    // The event may be told elsewhere while a measured detail is not: "they shook hands for
    // 40 seconds" next to outlets saying only "they shook hands". A number with its unit that
    // no other outlet states anywhere in the story is this outlet's own fact.
    if (elsewhere && !cl.numbers.empty() && !aligned_conflict(cs, c) &&
        numbers.has_exclusive(cs, c))
      elsewhere = false;
    // A number another outlet states too ("the 40-year-old Thompson", "killing 10 people"):
    // the claim tells a shared fact, whatever else it adds; not "said by one outlet only".
    if (!elsewhere && numbers.has_shared(cs, c)) elsewhere = true;
    // A detail about a name few outlets use, told by another of them in its own words.
    if (!elsewhere && rare_names.told_elsewhere(cs, c, cfg.single_source_shared_terms))
      elsewhere = true;
    // A figure another outlet writes in a sentence on the same subject.
    if (!elsewhere && figures.told_elsewhere(cs, c, cfg.single_source_figure_terms,
                                             !numbers.has_exclusive(cs, c)))
      elsewhere = true;
    if (!elsewhere) cand.push_back(c);
  }
  // Novelty: the share of a claim's weight carried by terms no other outlet uses. What only
  // one outlet reports is what a reader of the others would miss.
  std::unordered_map<uint32_t, int> term_outlet;  // term → its one outlet, or -1 for several
  for (const auto& cl : cs.claims) {
    int o = cs.outlet_of[cl.article];
    for (uint32_t t : cl.terms) {
      auto [it, fresh] = term_outlet.emplace(t, o);
      if (!fresh && it->second != o) it->second = -1;
    }
  }
  std::vector<double> score(cs.claims.size(), 0.0), novelty(cs.claims.size(), 0.0);
  for (size_t c : cand) {
    const Claim& cl = cs.claims[c];
    double own = 0;
    for (size_t i = 0; i < cl.terms.size(); ++i)
      if (term_outlet[cl.terms[i]] >= 0) own += static_cast<double>(cl.weights[i]) * cl.weights[i];
    novelty[c] = cl.norm > 0 ? own / (static_cast<double>(cl.norm) * cl.norm) : 0.0;
    score[c] = fact_weight(cl) + cfg.novelty_weight * novelty[c] +
               (numbers.has_exclusive(cs, c) ? cfg.exclusive_number_bonus : 0.0);
  }
  std::stable_sort(cand.begin(), cand.end(),
                   [&](size_t x, size_t y) { return score[x] > score[y]; });
  // Whether another outlet's claim has a cosine of at least single_source_max_similarity
  // with claim c (ClaimPostings of every claim, built on first use).
  std::optional<ClaimPostings> every_claim;
  auto related_elsewhere = [&](size_t c) {
    const int outlet = cs.outlet_of[cs.claims[c].article];
    auto elsewhere = [&](uint32_t k) { return cs.outlet_of[cs.claims[k].article] != outlet; };
    if (cfg.single_source_max_similarity <= 0) {  // every cosine reaches it: any other outlet's
      for (size_t k = 0; k < cs.claims.size(); ++k)
        if (elsewhere(static_cast<uint32_t>(k))) return true;
      return false;
    }
    if (!every_claim) {
      every_claim.emplace(cs);
      for (size_t k = 0; k < cs.claims.size(); ++k) every_claim->add(k);
    }
    return every_claim->any_close(c, cfg.single_source_max_similarity, elsewhere);
  };
  TakenClaims chosen(cs, cfg.duplicate_threshold);
  std::vector<size_t> per_article(ev.articles.size(), 0);
  std::vector<SingleSourceClaim> out;
  size_t hidden = 0;  // candidates that keep their rank but are not shown
  if (visible_items) *visible_items = 0;
  for (size_t c : cand) {
    if (out.size() >= cfg.max_single_source) break;
    const Claim& cl = cs.claims[c];
    if (per_article[cl.article] >= cfg.max_single_source_per_article) continue;
    if (chosen.redundant(c)) continue;
    // Close to what another outlet says, though not aligned: part of it is corroborated, so
    // the claim as a whole is not "said by one outlet only".
    // A claim mostly made of its own outlet's details (novelty ≥ 0.4) stays listed.
    if (novelty[c] < 0.4 && related_elsewhere(c)) continue;
    // Nor a sentence that does not stand alone: one person's voice outside quotation marks,
    // the writer's exclamation, a colon announcing what follows, a piece of a quotation without its
    // speaker, a dateline or caption, a pronoun whose person the article leaves open. Like a
    // retelling below, it keeps its rank, hidden: on two judged samples the candidates that moved
    // up in its place were mostly facts other outlets give in other words.
    const std::string own_voice = outside_quotes(cl.text);
    const bool stands_alone =
        !speaks_of_oneself(own_voice, first_person_singular, resources.elisions()) &&
        !exclaims(own_voice) && !announces_what_follows(cl.text) && !quote_fragment(cl.text) &&
        !names_only(ev, cl, resources) && !referents.unsettled(cl.article, cl.sentence, cl.text);
    if (!stands_alone) {
      ++hidden;
      chosen.add(c);
      continue;
    }
    // Most of its words (or a good part of many) in one sentence of another outlet: told
    // there in other words, unless it gives a figure with its unit that no other outlet
    // gives: the measured detail is its own, as for an aligned claim above ("se sont serrés
    // la main pendant 40 secondes", "1,009 species are listed as endangered"). On two judged
    // samples, sparing those kept 5 right items and let back 13 wrong ones of 133.
    if (const auto [words, share] = sentences.best_cover(c);
        ((words >= cfg.single_source_cover_min_words && share >= cfg.single_source_max_cover) ||
         (words >= cfg.single_source_wide_cover_words && share >= cfg.single_source_wide_cover)) &&
        !numbers.has_exclusive(cs, c)) {
      // It keeps its rank, empty: no lower candidate moves up into view. Those lie mostly
      // retellings this test misses (on the dev gold, each one it let up was a fact other
      // outlets give). And it still stands for its fact: another wording of it by the same
      // outlet (redundant) is told elsewhere too.
      ++hidden;
      chosen.add(c);
      continue;
    }
    if (visible_items && out.size() + hidden < visible_ranks) ++*visible_items;
    chosen.add(c);
    ++per_article[cl.article];
    SingleSourceClaim s;
    s.claim = cl.text;
    s.article = ev.articles[cl.article]->id;
    s.articles = article_ids(ev, cs.support[c]);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace recoupe::synth
