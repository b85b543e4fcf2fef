#include "synth/disagreements.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "synth/content_words.h"
#include "synth/contrast_words.h"
#include "synth/corroboration.h"
#include "synth/number_slots.h"
#include "synth/person_ages.h"
#include "synth/sentence_form.h"
#include "synth/sorted_words.h"
#include "text/edits.h"
#include "text/fold.h"
#include "text/stemmer.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// `text` cut to about `max_words` words at a word boundary, in guillemets, "…" when cut:
// the readable label of a disputed fact ("« Les deux hommes se sont serrés la main … »").
std::string quoted_label(std::string_view text, size_t max_words = 14) {
  size_t words = 0, i = 0;
  bool in_word = false;
  for (; i < text.size(); ++i) {
    bool space = text[i] == ' ';
    if (!space && !in_word && ++words > max_words) break;
    in_word = !space;
  }
  std::string cut(text.substr(0, i));
  while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',')) cut.pop_back();
  return "\xC2\xAB " + cut + (i < text.size() ? " \xE2\x80\xA6 \xC2\xBB" : " \xC2\xBB");
}

// The label of the fact two claims share: the shorter claim as written.
std::string shared_words(const Claim& a, const Claim& b) {
  return quoted_label(a.text.size() <= b.text.size() ? a.text : b.text);
}

bool contains_words(const std::string& hay, const std::string& needle,
                    const text::ElisionRules& elisions) {
  auto h = folded_words(hay, elisions), n = folded_words(needle, elisions);
  if (n.empty() || n.size() > h.size()) return false;
  for (size_t i = 0; i + n.size() <= h.size(); ++i)
    if (std::equal(n.begin(), n.end(), h.begin() + i)) return true;
  return false;
}

// True when `shorter` is `longer` with words left out and none changed: its words come in
// the same order in `longer` and make at least 70 % of it. An outlet that drops a few words
// of a quote ("… des nouvelles [de son fils]. Le problème…") prints it cut, not in other
// words.
bool omits_words(const std::string& longer, const std::string& shorter,
                 const text::ElisionRules& elisions) {
  auto l = folded_words(longer, elisions), s = folded_words(shorter, elisions);
  if (s.empty() || s.size() >= l.size() || s.size() * 10 < l.size() * 7) return false;
  size_t k = 0;
  for (size_t i = 0; i < l.size() && k < s.size(); ++i)
    if (l[i] == s[k]) ++k;
  return k == s.size();
}

// True when every word of `part` is a word of `whole` (folded).
bool contains_all_words(const std::string& whole, const std::string& part,
                        const text::ElisionRules& elisions) {
  auto w = folded_words(whole, elisions), p = folded_words(part, elisions);
  if (p.empty()) return false;
  for (const auto& x : p)
    if (std::find(w.begin(), w.end(), x) == w.end()) return false;
  return true;
}

// `s` folded, letters and digits only: "N'est-ce pas" and "N'est ce pas" are one wording.
std::string letters_only(const std::string& s, const text::ElisionRules& elisions) {
  std::string out;
  for (const auto& w : folded_words(s, elisions))
    for (char c : w)
      if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)))
        out += c;
  return out;
}

bool has_letter(const std::string& s) {
  for (unsigned char c : s)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) return true;
  return false;
}

// True when two names of persons could be one person's name told two ways, so that the
// claims setting them in one role disagree on who it was: the same number of words, all
// but one the same and that one beginning alike but more than two letters apart, and no
// short form of the other ("Jean-Luc Romero" / "Jean-Louis Romero"), or one word each, one
// letter apart ("Fatma" / "Fatna": nothing else says whose name it is). Two unrelated names
// ("Edvige" / "Créé", a place against a team) are two subjects, not two versions: on the
// dev stories every such pair the old rule listed was wrong (0 of 17).
bool rival_spellings(const std::string& a, const std::string& b,
                     const text::ElisionRules& elisions) {
  const auto x = folded_words(a, elisions), y = folded_words(b, elisions);
  if (x.size() != y.size() || x.empty() || x == y) return false;
  size_t differ = 0, at = 0;
  for (size_t i = 0; i < x.size(); ++i)
    if (x[i] != y[i]) ++differ, at = i;
  if (differ != 1) return false;
  const std::string &u = x[at], &v = y[at];
  // An initial ("James G." / "James Bodiford"), a courtesy title ("Ms" / "Mrs") or a plural
  // ("Tony Award" / "Tony Awards") is no other name.
  if (std::min(u.size(), v.size()) < 3 || std::max(u.size(), v.size()) < 4) return false;
  if (u + "s" == v || v + "s" == u) return false;
  // In a name of several words, the others tell whose it is: a word written a letter or two
  // apart is that person's name spelled two ways ("Ilene Wolfe" / "Ilene Wolff", "Giannis" /
  // "Yiannis Panagopoulos", "Betty Mae Page" / "Bettie Mae Page"), and a short form is the
  // same name ("Rob" / "Robert Jones"). Another first name altogether is another person of
  // the family ("Rob Jones" / "Nick Jones", two grandsons): only one that begins alike is
  // the same person's, misnamed ("Jean-Luc" / "Jean-Louis Romero").
  if (x.size() > 1)
    return text::edits_beyond(u, v, 2) && !u.starts_with(v) && !v.starts_with(u) &&
           u.front() == v.front();
  if (u.size() < 4 || v.size() < 4 || u.size() != v.size()) return false;
  size_t changed = 0;
  for (size_t i = 0; i < u.size(); ++i) changed += u[i] != v[i];
  return changed == 1;
}

// True when some claim names both entities: "Washington craint que Moscou…" shows that the
// two are actors of the story, not two answers to "where".
bool co_named(const ClaimSet& cs, int e1, int e2) {
  for (const auto& c : cs.claims) {
    bool a = false, b = false;
    for (int e : c.entities) {
      a |= e == e1;
      b |= e == e2;
    }
    if (a && b) return true;
  }
  return false;
}

bool names_in_article(const StoryEvidence& ev, int entity, size_t article) {
  for (const auto& m : ev.entities[entity].mentions)
    if (m.article == article) return true;
  return false;
}

// Collects the disagreements between aligned claims, one report per kind and set of values,
// and marks the claims that carry them.
struct Builder {
  const StoryEvidence& ev;
  const ClaimSet& cs;
  const SynthConfig& cfg;
  const text::ElisionRules& elisions;
  const ContrastLexicon& contrasts;
  std::vector<char>* disputed_claims;  // null when the caller does not ask
  std::vector<Disagreement> out;
  std::set<std::string> seen;     // kind + sorted values
  std::set<size_t> dated_claims;  // claims of a reported date disagreement
  // Contrast words of each article, read when first asked.
  std::vector<std::optional<std::vector<ContrastMention>>> article_contrasts{};

  // True when the versions make a disagreement (new or already reported).
  bool add(const std::string& kind, const std::string& about,
           std::map<std::string, std::vector<size_t>> versions) {
    if (versions.size() < 2) return false;
    std::string key = kind;
    for (const auto& [v, _] : versions) key += "|" + v;
    if (!seen.insert(key).second) return true;
    Disagreement d;
    d.kind = kind;
    d.about = about;
    std::set<int> outlets;
    for (const auto& [v, arts] : versions)
      for (size_t a : arts) outlets.insert(outlet(a));
    d.one_outlet = outlets.size() == 1;
    for (auto& [v, arts] : versions) d.versions.push_back({v, article_ids(ev, arts)});
    std::stable_sort(d.versions.begin(), d.versions.end(), [](const auto& x, const auto& y) {
      return x.articles.size() > y.articles.size();
    });
    out.push_back(std::move(d));
    return true;
  }

  int outlet(size_t article) const {
    return article < cs.outlet_of.size() ? cs.outlet_of[article] : static_cast<int>(article);
  }

  // Marks the claims that carry a reported disagreement.
  void mark(const std::vector<size_t>& carriers) {
    if (disputed_claims)
      for (size_t k : carriers) (*disputed_claims)[k] = 1;
  }

  // The claims that tell the fact of the pair (c, other): both, and those aligned closely
  // with either, so that every article giving a version is cited with it.
  std::vector<size_t> close(size_t c, size_t other) const {
    std::vector<size_t> v{c, other};
    for (size_t side : {c, other})
      for (const auto& al : cs.aligned[side])
        if (al.similarity >= cfg.disagreement_threshold &&
            std::find(v.begin(), v.end(), al.other) == v.end())
          v.push_back(al.other);
    return v;
  }

  // Dates: each claim has one date of the same precision, and they differ.
  void date_disagreement(size_t c, const Alignment& al) {
    const auto& claims = cs.claims;
    const Claim& a = claims[c];
    const Claim& o = claims[al.other];
    // A date resolved against a guessed or another article's day ("Tuesday", "Oct. 19"
    // without a year) is compared only with one resolved against the same day: set against
    // a date written in full, the difference is the guess's (4 of the 5 date disagreements
    // on the dev stories were such artifacts).
    if (a.dates.size() == 1 && o.dates.size() == 1 && dates_conflict(a.dates[0], o.dates[0]) &&
        a.dates[0].anchor == o.dates[0].anchor) {
      std::map<std::string, std::vector<size_t>> versions;
      std::vector<size_t> carriers;
      for (size_t k : close(c, al.other))
        for (const auto& d : claims[k].dates)
          // Only days told as the pair's are: "yesterday" in an article of unknown date has
          // no day, a weekday guessed from the story's last date compares only with another
          // guessed so, and a day to come only with another day to come.
          if (comparable_dates(d, a.dates[0])) {
            versions[d.value].push_back(claims[k].article);
            carriers.push_back(k);
          }
      // Every version from one article: two moments of one account ("postponed on April
      // 30 … until June 1"), not an article contradicting itself.
      std::set<size_t> articles;
      for (const auto& [value, arts] : versions) articles.insert(arts.begin(), arts.end());
      if (articles.size() < 2) return;
      if (add("date", shared_words(a, o), std::move(versions))) {
        mark(carriers);
        dated_claims.insert(carriers.begin(), carriers.end());
      }
    }
  }

  // Places and names: each claim names one the other lacks.
  void name_disagreements(size_t c, const Alignment& al) {
    const auto& claims = cs.claims;
    const Claim& a = claims[c];
    const Claim& o = claims[al.other];
    // Places and organizations named in two aligned claims of two outlets were, on the dev
    // stories, two subjects each time (a port and a ship, a team and a city; 0 of 10 right),
    // never two versions of one: a place is compared only within one outlet (a photo caption
    // placing the event elsewhere than its own text), persons by rival_spellings.
    for (const char* type : {"place", "person"}) {
      const bool place = std::string(type) == "place";
      if (place && outlet(a.article) != outlet(o.article)) continue;
      auto only = [&](const Claim& x, const Claim& y) {
        std::vector<int> v;
        for (int e : x.entities)
          if (ev.entities[e].type == type &&
              std::find(y.entities.begin(), y.entities.end(), e) == y.entities.end())
            v.push_back(e);
        return v;
      };
      auto xa = only(a, o), xo = only(o, a);
      if (xa.size() != 1 || xo.size() != 1) continue;
      const EvidenceEntity& ea = ev.entities[xa[0]];
      const EvidenceEntity& eo = ev.entities[xo[0]];
      // A name without letters ("2019") is a tagging error, not a place or a person.
      if (!has_letter(ea.name) || !has_letter(eo.name)) continue;
      // A name written shorter or longer is the same name ("Chohan", "Raj Chohan"; "Athens
      // Acropolis", "Athens Acropolis on Tuesday").
      if (contains_all_words(ea.name, eo.name, elisions) ||
          contains_all_words(eo.name, ea.name, elisions))
        continue;
      if (!place && !rival_spellings(ea.name, eo.name, elisions)) continue;
      // Two places one claim names together elsewhere in the story are not rivals.
      if (co_named(cs, xa[0], xo[0])) continue;
      // Across articles, an article that names the other place anywhere does not dispute it:
      // it tells two places. Two spellings of one person's name (rival_spellings) are not two
      // people: an article writing both contradicts itself (« Selon une cousine, Khaldia
      // Dussourt… », then « Selon Karine Dussourt… »), and the other outlets still disagree.
      if (place && a.article != o.article &&
          (names_in_article(ev, xa[0], o.article) || names_in_article(ev, xo[0], a.article)))
        continue;
      std::map<std::string, std::vector<size_t>> versions;
      std::vector<size_t> carriers;
      for (size_t k : close(c, al.other))
        for (int e : {xa[0], xo[0]})
          if (std::find(claims[k].entities.begin(), claims[k].entities.end(), e) !=
              claims[k].entities.end()) {
            versions[ev.entities[e].name].push_back(claims[k].article);
            carriers.push_back(k);
          }
      // An article that gives both places does not set them against each other ("the tremor
      // shook Oman" and, further on, "felt in Dubai"): not rivals, unless they are all the
      // story has of them (one outlet's caption against its own text: it contradicts itself).
      // Two spellings of one person's name are rivals all the same (above).
      std::set<int> outlets;
      for (const auto& [name, arts] : versions)
        for (size_t art : arts) outlets.insert(outlet(art));
      if (place && versions.size() == 2 && outlets.size() > 1) {
        const auto& x = versions.begin()->second;
        const auto& y = std::next(versions.begin())->second;
        if (std::any_of(x.begin(), x.end(),
                        [&](size_t art) { return std::find(y.begin(), y.end(), art) != y.end(); }))
          continue;
      }
      if (add(place ? "place" : "name", shared_words(a, o), std::move(versions))) mark(carriers);
    }
  }

  // True when article `a` writes `word`'s value anywhere.
  bool article_writes(size_t a, const ContrastWord& word) {
    article_contrasts.resize(ev.articles.size());
    if (!article_contrasts[a])
      article_contrasts[a] = contrast_mentions(ev.articles[a]->text, contrasts, elisions);
    for (const ContrastMention& m : *article_contrasts[a])
      if (m.word->set == word.set && m.word->value == word.value) return true;
    return false;
  }
};

// How alike two articles of the story are: the cosine of their content (the sum of their
// claims' term vectors), against the story's median pair of articles. Rival values from two
// articles less alike than a typical pair come from two parts of the story (a glued second
// event, a past event told as background), not from two versions of one fact. The median,
// not the mean: a few near-copies of one dispatch would raise a mean above most pairs.
class ArticleCloseness {
 public:
  ArticleCloseness(const ClaimSet& cs, size_t articles) : vectors_(articles) {
    for (const Claim& c : cs.claims)
      if (c.article < articles)
        for (size_t k = 0; k < c.terms.size() && k < c.weights.size(); ++k)
          vectors_[c.article][c.terms[k]] += c.weights[k];
    for (auto& v : vectors_) {
      double norm = 0;
      for (const auto& [t, w] : v) norm += w * w;
      if (norm > 0)
        for (auto& [t, w] : v) w /= std::sqrt(norm);
    }
  }

  double cosine(size_t a, size_t b) const {
    if (a >= vectors_.size() || b >= vectors_.size()) return 0;
    const auto &x = vectors_[a], &y = vectors_[b];
    double dot = 0;
    for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end();) {
      if (i->first < j->first) {
        ++i;
      } else if (j->first < i->first) {
        ++j;
      } else {
        dot += i->second * j->second;
        ++i;
        ++j;
      }
    }
    return dot;
  }

  // True when some two articles of two different versions are at least `closeness` times
  // as alike as the story's median pair.
  bool rivals_close(const std::vector<std::vector<size_t>>& versions, double closeness) const {
    const double bar = closeness * median();
    for (size_t i = 0; i < versions.size(); ++i)
      for (size_t j = i + 1; j < versions.size(); ++j)
        for (size_t a : versions[i])
          for (size_t b : versions[j])
            if (a != b && cosine(a, b) >= bar) return true;
    return false;
  }

 private:
  // The median cosine over pairs of articles, computed once, on at most kSampled articles
  // spread over the story (a big story's median is read well enough from 2,000 pairs).
  double median() const {
    if (median_ >= 0) return median_;
    constexpr size_t kSampled = 64;
    std::vector<size_t> sample;
    const size_t n = vectors_.size();
    for (size_t k = 0; k < std::min(n, kSampled); ++k)
      sample.push_back(k * n / std::min(n, kSampled));
    std::vector<double> pairs;
    for (size_t i = 0; i < sample.size(); ++i)
      for (size_t j = i + 1; j < sample.size(); ++j) pairs.push_back(cosine(sample[i], sample[j]));
    median_ = 0;
    if (!pairs.empty()) {
      std::nth_element(pairs.begin(), pairs.begin() + pairs.size() / 2, pairs.end());
      median_ = pairs[pairs.size() / 2];
    }
    return median_;
  }

  std::vector<std::map<uint32_t, double>> vectors_;
  mutable double median_ = -1;
};

// The mentions without those whose article gives two or more other values of the same unit
// that could be confused with theirs (different, not ten times apart): "404 yards rushing",
// "440 yards receiving", "269 yards" in one game report count several things of one kind,
// and the few words around each rarely tell which one another outlet's figure is. On the
// dev stories this removed 21 of the 64 wrong number disagreements left and none of the 12
// right ones a reader found; one other value is allowed ("123 délégations" that paraded before,
// "205 délégations en tout"), as a story often holds two counts of one thing.
// Cost: O(Σ mentions of an article²): number_mentions lists them article by article.
std::vector<NumberMention> without_confusable(std::vector<NumberMention> mentions) {
  constexpr size_t kConfusableValues = 2;
  std::vector<char> keep(mentions.size(), 0);
  for (size_t first = 0, end = 0; first < mentions.size(); first = end) {
    end = first;
    while (end < mentions.size() && mentions[end].article == mentions[first].article) ++end;
    for (size_t i = first; i < end; ++i) {
      std::set<double> others;
      for (size_t j = first; j < end; ++j)
        if (j != i && mentions[j].unit == mentions[i].unit &&
            mentions[j].value != mentions[i].value &&
            !far_apart(mentions[i].value, mentions[j].value))
          others.insert(mentions[j].value);
      keep[i] = others.size() < kConfusableValues;
    }
  }
  std::vector<NumberMention> kept;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (keep[i]) kept.push_back(std::move(mentions[i]));
  return kept;
}

// The mentions without those of a statistics line: a sentence whose subject is one person
// (it opens with a person's name or a pronoun for one) and that counts three or more kinds
// of things: "He finished with 269 yards and two touchdowns rushing and caught 29 passes for
// 201 yards", "Echenique scored all 11 points, grabbed 11 rebounds and blocked six shots".
// Such a line is a player's record over a span (a game, a season, a stretch of games); two
// outlets' lines are rarely of the same player and the same span, and the words around
// each figure do not tell which ("29 passes" in one running back's season, "52 passes" in
// another's). An event's lede counts several kinds too ("A 5.9 magnitude earthquake has
// leveled seven villages…, killing 10 persons"), and its figures are compared: its subject
// is the event, not a person. An article's other figures of the kinds its line counts go
// with it: they are of the same record, whatever opens their sentence.
// Cost: linear in the story's quantities and sentences (a binary search each).
std::vector<NumberMention> without_statistics_lines(const StoryEvidence& ev,
                                                    const SynthResources& resources,
                                                    std::vector<NumberMention> mentions) {
  constexpr size_t kKindsOfAStatisticsLine = 3;
  const PersonPronouns& pronouns = resources.person_pronouns(ev.language);
  // The names the story gives its persons, folded: a name typed otherwise in one article
  // ("Bush" read as a place) is still a person's when the story names a person so.
  std::set<std::string> person_names;
  for (const EvidenceEntity& e : ev.entities)
    if (e.type == "person")
      for (const std::string& alias : e.aliases) person_names.insert(text::fold(alias));
  // Whether sentence `s` of article `a` opens on a person: a pronoun for one, or a name.
  auto opens_on_a_person = [&](size_t a, const Sentence& s) {
    const auto spans = text::word_spans(s.text, resources.elisions());
    if (spans.empty()) return false;
    if (pronouns.pronouns.count(opening_word(s.text, resources.elisions()))) return true;
    const size_t start = s.begin + spans.front().begin;
    for (const EvidenceEntity& e : ev.entities)
      for (const EvidenceMention& m : e.mentions)
        if (m.article == a && m.begin == start &&
            (e.type == "person" ||
             person_names.count(text::fold(
                 std::string_view(ev.articles[a]->text).substr(m.begin, m.end - m.begin)))))
          return true;
    return false;
  };
  // The kinds each article counts in a statistics line: its other figures of those kinds
  // are of the same record ("… and had only 269 yards and two touchdowns on 83 carries",
  // after "He had 793 yards and six touchdowns on 147 carries…"), whatever opens their
  // sentence.
  std::set<std::pair<size_t, std::string>> record_kinds;
  for (size_t a = 0; a < ev.analyses.size(); ++a) {
    const ArticleAnalysis* analysis = ev.analyses[a];
    if (!analysis) continue;
    const auto& sentences = analysis->sentences;
    std::vector<std::set<std::string>> kinds(sentences.size());
    for (const Quantity& q : analysis->quantities) {
      // The last sentence beginning at or before it (sentences are in text order).
      auto after = std::upper_bound(sentences.begin(), sentences.end(), q.begin,
                                    [](size_t at, const Sentence& s) { return at < s.begin; });
      if (q.unit.empty() || after == sentences.begin()) continue;
      const size_t k = size_t(after - sentences.begin()) - 1;
      if (q.begin < sentences[k].end) kinds[k].emplace(in_common_unit(q.unit, q.value).unit);
    }
    for (size_t k = 0; k < sentences.size(); ++k)
      if (kinds[k].size() >= kKindsOfAStatisticsLine && opens_on_a_person(a, sentences[k]))
        for (const std::string& kind : kinds[k]) record_kinds.insert({a, kind});
  }
  std::vector<NumberMention> kept;
  for (NumberMention& m : mentions)
    if (!record_kinds.count({m.article, m.unit})) kept.push_back(std::move(m));
  return kept;
}

// The claims of article `a` that hold the byte `at` of its text: those a number mention
// is part of.
std::vector<size_t> claims_holding(const ClaimSet& cs, size_t a, size_t at) {
  std::vector<size_t> out;
  if (a >= cs.claims_of_article.size()) return out;
  for (size_t c : cs.claims_of_article[a])
    if (cs.claims[c].begin <= at && at < cs.claims[c].end) out.push_back(c);
  return out;
}

// True when two versions of a number slot are told, by two outlets, in claims alike at
// least `min_similarity` beside their numbers (similarity_beside_figures): the same fact with
// another value, as for a date or a name. A unit and a few words in common make a slot; they do not
// make one fact: in a season's report "52 catches" and "29 catches" are two players', "404 yards"
// and "716 yards" two seasons', and the sentences around them tell it by having little else in
// common.
// Rival values within `close_ratio` of each other need only `close_min_similarity`: close
// counts of one unit are more often one count told two ways (synth_config.h). Two rivals
// that describe one named thing alike (describe_one_thing: "Qeshm island, home to 120,000
// people" / "… Qeshm Island, home to 200,000 people") tell one fact whatever their sentences
// say besides.
bool rivals_tell_one_fact(const ClaimSet& cs, const std::vector<NumberMention>& mentions,
                          const std::vector<size_t>& slot, const std::vector<double>& values,
                          double min_similarity, double close_ratio, double close_min_similarity) {
  auto is_version = [&](size_t k) {
    return std::find(values.begin(), values.end(), mentions[k].value) != values.end();
  };
  for (size_t i : slot)
    for (size_t j : slot)
      if (mentions[i].value != mentions[j].value && is_version(i) && is_version(j) &&
          cs.outlet_of[mentions[i].article] != cs.outlet_of[mentions[j].article] &&
          describe_one_thing(mentions[i], mentions[j]))
        return true;
  std::vector<std::vector<size_t>> carriers(values.size());  // the claims giving each value
  for (size_t k : slot) {
    const auto v = std::find(values.begin(), values.end(), mentions[k].value);
    if (v == values.end()) continue;
    for (size_t c : claims_holding(cs, mentions[k].article, mentions[k].begin))
      carriers[v - values.begin()].push_back(c);
  }
  for (size_t i = 0; i < carriers.size(); ++i)
    for (size_t j = i + 1; j < carriers.size(); ++j) {
      const double lo = std::min(std::fabs(values[i]), std::fabs(values[j]));
      const double hi = std::max(std::fabs(values[i]), std::fabs(values[j]));
      const double needed = hi <= close_ratio * lo ? close_min_similarity : min_similarity;
      for (size_t x : carriers[i])
        for (size_t y : carriers[j])
          if (cs.outlet_of[cs.claims[x].article] != cs.outlet_of[cs.claims[y].article] &&
              similarity_beside_figures(cs, x, y) >= needed)
            return true;
    }
  return false;
}

// Numbers: each slot (number_slots.h) where two outlets give values that cannot both be right.
// Versions are the values as written (the most common wording of each value), each with
// every article that gives it.
void number_disagreements(const StoryEvidence& ev, const ClaimSet& cs,
                          const SynthResources& resources, const SynthConfig& cfg, Builder& b) {
  const ArticleCloseness closeness(cs, ev.articles.size());
  std::vector<NumberMention> mentions = number_mentions(ev, resources);
  if (mentions.size() > cfg.max_number_mentions) mentions.resize(cfg.max_number_mentions);
  mentions = without_confusable(std::move(mentions));
  mentions = without_statistics_lines(ev, resources, std::move(mentions));
  auto origin = [&](size_t a) {
    return a < cs.outlet_of.size() ? cs.outlet_of[a] : static_cast<int>(a);
  };
  // The articles stating each value, by unit: when any article of the story gives both
  // values of a pair ("500 euros au départ, 200 euros au retour"), they count two things,
  // or one figure and its revision ("600 millions (réévaluées depuis à 751 millions)"):
  // other outlets giving one or the other do not disagree. Every quantity counts here, a
  // revised one too.
  // A specific figure (kSpecificFigure) is recognised without its unit: "une perte de 948
  // millions d'euros au premier semestre et de 234 millions au troisième trimestre" states
  // both 948 and 234 millions of euros.
  std::map<std::pair<std::string, double>, std::set<size_t>> stated_by;  // "" unit: any unit
  for (size_t a = 0; a < ev.analyses.size(); ++a)
    if (ev.analyses[a])
      for (const Quantity& q : ev.analyses[a]->quantities) {
        const CommonMeasure measure = in_common_unit(q.unit, q.value);
        if (!q.unit.empty()) stated_by[{std::string(measure.unit), measure.value}].insert(a);
        if (std::fabs(measure.value) >= kSpecificFigure) stated_by[{"", measure.value}].insert(a);
      }
  auto told_together = [&](const NumberMention& x, const NumberMention& y) {
    const bool specific =
        std::fabs(x.value) >= kSpecificFigure && std::fabs(y.value) >= kSpecificFigure;
    const auto& xs = stated_by[{specific ? "" : x.unit, x.value}];
    const auto& ys = stated_by[{specific ? "" : y.unit, y.value}];
    for (size_t a : xs)
      if (ys.count(a)) return true;
    return false;
  };
  for (const auto& slot : number_slots(mentions)) {
    bool disputed = false;
    for (size_t i = 0; i < slot.size() && !disputed; ++i)
      for (size_t j = i + 1; j < slot.size() && !disputed; ++j) {
        const NumberMention& x = mentions[slot[i]];
        const NumberMention& y = mentions[slot[j]];
        disputed = origin(x.article) != origin(y.article) &&
                   !compatible_values(x, y, cfg.number_tolerance) && !told_together(x, y);
      }
    if (!disputed) continue;
    // The value most articles give anchors the versions: a value more than ten times apart
    // from it counts another thing (a past disaster's toll beside this one's), as
    // compatible_values says, and is no version of this fact; a bound the anchor lies
    // within ("more than 50 percent" beside "93.87 percent") is none either.
    std::map<double, std::set<size_t>> articles_of_value;
    for (size_t k : slot) articles_of_value[mentions[k].value].insert(mentions[k].article);
    double anchor = articles_of_value.begin()->first;
    size_t anchor_articles = 0;
    for (const auto& [value, arts] : articles_of_value)
      if (arts.size() > anchor_articles) {
        anchor = value;
        anchor_articles = arts.size();
      }
    const NumberMention* anchor_mention = nullptr;
    for (size_t k : slot)
      if (mentions[k].value == anchor) anchor_mention = &mentions[k];
    std::map<double, std::map<std::string, std::vector<size_t>>>
        by_value;  // value → wording → articles
    for (size_t k : slot)
      if (!within_bound(mentions[k], anchor) || same_bound(mentions[k], *anchor_mention))
        by_value[mentions[k].value][mentions[k].text].push_back(mentions[k].article);
    std::map<std::string, std::vector<size_t>> versions;
    std::vector<double> version_values;
    for (auto& [value, wordings] : by_value) {
      if (far_apart(value, anchor)) continue;
      version_values.push_back(value);
      const std::string* best = nullptr;
      std::vector<size_t> articles;
      for (auto& [wording, arts] : wordings) {
        if (!best || arts.size() > wordings.at(*best).size()) best = &wording;
        articles.insert(articles.end(), arts.begin(), arts.end());
      }
      std::sort(articles.begin(), articles.end());
      articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
      versions[*best] = std::move(articles);
    }
    // An article that gives two of the versions itself ("269 yards" and "150 yards" in one
    // game report) shows that the slot's words do not tell one quantity from another: the
    // other outlets' values may be any of them. No disagreement can be read from it.
    std::map<size_t, size_t> versions_of_article;
    bool ambiguous = false;
    for (const auto& [wording, arts] : versions)
      for (size_t a : arts) ambiguous |= ++versions_of_article[a] > 1;
    if (ambiguous) continue;
    std::vector<std::vector<size_t>> rivals;
    for (const auto& [wording, arts] : versions) rivals.push_back(arts);
    if (!closeness.rivals_close(rivals, cfg.rival_articles_min_closeness)) continue;
    if (!rivals_tell_one_fact(cs, mentions, slot, version_values, cfg.number_rivals_min_similarity,
                              cfg.number_rivals_close_ratio,
                              cfg.number_rivals_close_min_similarity))
      continue;
    const NumberMention& first = mentions[slot.front()];
    const std::string_view text = ev.articles[first.article]->text;
    const std::string about =
        first.unit + ": " +
        quoted_label(text.substr(first.clause_begin, first.clause_end - first.clause_begin));
    if (!b.add("number", about, std::move(versions))) continue;
    std::vector<size_t> carriers;
    for (size_t k : slot)
      for (size_t c : claims_holding(cs, mentions[k].article, mentions[k].begin))
        carriers.push_back(c);
    b.mark(carriers);
  }
}

// One contrast word of a claim (contrast_words.h) and what it is said of: the stems of the
// content words around it in the claim.
struct DetailMention {
  size_t claim = 0;
  const ContrastWord* word = nullptr;
  std::string wording;               // folded, as written
  std::vector<std::string> context;  // sorted stems
  // The stem of the lower-case content word right before it, moment words skipped: for a
  // day, the verb of what happened then (« diffusées lundi », « a diffusé mardi »).
  std::string anchor;
  // A word of its clause before it denies the clause (« n'était toujours pas enregistrée
  // mercredi »): a day of what did not happen dates no act.
  bool denied = false;
};

// True when a word of `before` (the claim up to a contrast word) after its last clause break
// denies the clause (ClauseWords::negation, or an English word ending in "n't").
bool denied_clause(std::string_view before, const ClauseWords& clause_words,
                   const text::ElisionRules& elisions) {
  const size_t cut = before.find_last_of(",;:(");
  if (cut != std::string_view::npos) before.remove_prefix(cut + 1);
  for (const std::string& w : text::words(before, elisions)) {
    const std::string lower = text::lower_case(w);
    if (clause_words.negation.count(lower) ||
        (lower.size() > 3 && lower.compare(lower.size() - 3, 3, "n't") == 0))
      return true;
  }
  return false;
}

// The contrast words of every claim, each with the stems of up to `window` content words on
// each side. Left out of the context: words that only place a moment (« soir », "last",
// weekdays, months) or report speech, which two different days share; a contrast word of
// another set counts by its value (« blanche » as « blanc »).
std::vector<DetailMention> detail_mentions(const StoryEvidence& ev, const ClaimSet& cs,
                                           const SynthResources& resources, size_t window,
                                           size_t max_mentions) {
  const ContrastLexicon& lexicon = resources.contrast_words(ev.language);
  const text::StopWords& stop = resources.stop_words(ev.language);
  const auto& plain = resources.plain_words(ev.language);
  const auto& moments = resources.moment_words(ev.language);
  const ClauseWords& clause_words = resources.clause_words(ev.language);
  const text::Stemmer stemmer(ev.language);
  std::vector<DetailMention> out;
  for (size_t c = 0; c < cs.claims.size() && out.size() < max_mentions; ++c) {
    const std::string& text = cs.claims[c].text;
    const auto mentions = contrast_mentions(text, lexicon, resources.elisions());
    if (mentions.empty()) continue;
    const auto words = content_words(text, stop, stemmer, resources.elisions());
    for (const ContrastMention& m : mentions) {
      DetailMention d{
          c, m.word, text::fold(std::string_view(text).substr(m.begin, m.end - m.begin)), {}};
      d.denied =
          m.word->set == "weekday" && denied_clause(std::string_view(text).substr(0, m.begin),
                                                    clause_words, resources.elisions());
      auto take = [&](const ContentWord& w) {
        if (plain.count(w.folded) || moments.count(w.folded)) return false;
        if (auto it = lexicon.find(w.folded); it != lexicon.end()) {
          // Its own value is no context; another value of its set is: « blanc » beside
          // « orange » and beside « rouge » says both colour the same thing.
          if (it->second.set == m.word->set && it->second.value == m.word->value) return false;
          d.context.push_back(it->second.set + ":" + it->second.value);
        } else {
          d.context.push_back(w.stem);
        }
        return true;
      };
      size_t at = 0;
      while (at < words.size() && words[at].end <= m.begin) ++at;  // first word after it
      for (size_t k = at; k-- > 0;) {
        if (moments.count(words[k].folded) || lexicon.count(words[k].folded)) continue;
        if (!words[k].capitalized && words[k].end + 24 > m.begin) d.anchor = words[k].stem;
        break;
      }
      size_t taken = 0;
      for (size_t k = at; k-- > 0 && taken < window;) taken += take(words[k]);
      taken = 0;
      for (size_t k = at; k < words.size() && taken < window; ++k)
        if (words[k].begin >= m.end) taken += take(words[k]);
      sort_unique(d.context);
      out.push_back(std::move(d));
    }
  }
  return out;
}

// Details: two claims of two articles, alike (claim_similarity ≥ detail_min_similarity),
// each with a contrast word of one set said of the same thing (detail_min_shared_context
// context stems in common) but of two values: « diffusées lundi soir » / « diffusé mardi
// soir », « peints en blanc et en orange » / « peinture blanche et rouge ». An article that
// writes both values anywhere tells two days or two things, not a dispute: neither article
// may write the other's value. Each version gathers every article saying its value of the
// same thing.
void detail_disagreements(const StoryEvidence& ev, const ClaimSet& cs,
                          const SynthResources& resources, const SynthConfig& cfg, Builder& b) {
  if (b.contrasts.empty()) return;
  const std::vector<DetailMention> mentions =
      detail_mentions(ev, cs, resources, cfg.detail_context_words, cfg.max_detail_mentions);
  // A day dates an act: the same verb must come before it. Other details qualify a thing:
  // the words around must name the same one.
  auto said_of_same = [&](const DetailMention& x, const DetailMention& y) {
    if (x.word->set == "weekday") {
      // One stem the prefix of the other: the stemmer cuts « diffusées » to "diffuse" and
      // « diffusé » to "diffus".
      const std::string& s = x.anchor.size() <= y.anchor.size() ? x.anchor : y.anchor;
      const std::string& l = x.anchor.size() <= y.anchor.size() ? y.anchor : x.anchor;
      return s.size() >= 4 && l.compare(0, s.size(), s) == 0;
    }
    return shared_count(x.context, y.context) >= cfg.detail_min_shared_context;
  };
  // Both values listed beside one same value of their set (« en blanc et en orange », « blanche
  // et rouge »): the same thing described, however unlike the two sentences are otherwise.
  auto same_companion = [&](const DetailMention& x, const DetailMention& y) {
    const std::string prefix = x.word->set + ":";
    for (const std::string& w : x.context)
      if (w.compare(0, prefix.size(), prefix) == 0 &&
          std::binary_search(y.context.begin(), y.context.end(), w))
        return true;
    return false;
  };
  for (size_t i = 0; i < mentions.size(); ++i)
    for (size_t j = i + 1; j < mentions.size(); ++j) {
      const DetailMention &x = mentions[i], &y = mentions[j];
      const Claim &cx = cs.claims[x.claim], &cy = cs.claims[y.claim];
      if (x.word->set != y.word->set || x.word->value == y.word->value || x.denied || y.denied ||
          cx.article == cy.article || !said_of_same(x, y) ||
          (x.word->set == "weekday" &&
           (b.dated_claims.count(x.claim) || b.dated_claims.count(y.claim))) ||
          (claim_similarity(cx, cy) < cfg.detail_min_similarity && !same_companion(x, y)) ||
          b.article_writes(cx.article, *y.word) || b.article_writes(cy.article, *x.word))
        continue;
      std::map<std::string, std::pair<std::string, std::set<size_t>>> by_value;
      std::vector<size_t> carriers;
      for (const DetailMention& z : mentions) {
        if (z.word->set != x.word->set) continue;
        const bool is_x = z.word->value == x.word->value, is_y = z.word->value == y.word->value;
        if (!is_x && !is_y) continue;
        if (&z != &x && &z != &y && !said_of_same(z, is_x ? x : y)) continue;
        auto& [wording, articles] = by_value[z.word->value];
        if (wording.empty()) wording = z.wording;
        articles.insert(cs.claims[z.claim].article);
        carriers.push_back(z.claim);
      }
      std::map<std::string, std::vector<size_t>> versions;
      std::map<size_t, int> sides;
      bool both = false;
      for (const auto& [value, wording_articles] : by_value) {
        for (size_t art : wording_articles.second) both |= ++sides[art] > 1;
        versions[wording_articles.first].assign(wording_articles.second.begin(),
                                                wording_articles.second.end());
      }
      if (both) continue;
      if (b.add(x.word->set == "weekday" ? "date" : "detail", shared_words(cx, cy),
                std::move(versions)))
        b.mark(carriers);
    }
}

// The wordings of a quote that are not trims of another one: a wording that another one
// contains ("the right thing"), or that another one gives with a few more words
// (omits_words), is a trim, not a version.
std::vector<const QuoteVariant*> distinct_wordings(const MergedQuote& q,
                                                   const text::ElisionRules& elisions) {
  std::vector<const QuoteVariant*> kept;
  for (size_t i = 0; i < q.variants.size(); ++i) {
    bool trim = false;
    const std::string mine = letters_only(q.variants[i].text, elisions);
    for (size_t j = 0; j < q.variants.size() && !trim; ++j) {
      if (i == j) continue;
      // The same words with other punctuation or hyphens: one wording.
      const std::string other = letters_only(q.variants[j].text, elisions);
      if (other.find(mine) != std::string::npos && (other != mine || j < i)) trim = true;
      trim = trim || (contains_words(q.variants[j].text, q.variants[i].text, elisions) &&
                      (!contains_words(q.variants[i].text, q.variants[j].text, elisions) || j < i));
      trim = trim || omits_words(q.variants[j].text, q.variants[i].text, elisions);
    }
    if (!trim) kept.push_back(&q.variants[i]);
  }
  return kept;
}

// True when `speaker` is a person of the story (its name or an alias): a quote's wording
// is compared only for someone the reader can hold to it; "Greece" or a verb read as a
// name is no speaker.
bool is_story_person(const StoryEvidence& ev, const std::string& speaker) {
  if (speaker.empty()) return false;
  for (const EvidenceEntity& e : ev.entities) {
    if (e.type != "person") continue;
    if (e.name == speaker) return true;
    for (const std::string& a : e.aliases)
      if (a == speaker) return true;
  }
  return false;
}

// True when a and b are one word spelled two ways ("neighborhood" / "neighbourhood"): long
// enough, and one letter added, dropped or changed.
bool spelling_variant(const std::string& a, const std::string& b) {
  if (a.size() < 5 || b.size() < 5 || a == b) return a == b;
  const std::string& s = a.size() <= b.size() ? a : b;
  const std::string& l = a.size() <= b.size() ? b : a;
  if (l.size() - s.size() > 1) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  if (s.size() == l.size()) return s.substr(i + 1) == l.substr(i + 1);
  return s.substr(i) == l.substr(i + 1);
}

// Sorted content stems of a wording, without what the writer inserted in brackets ("to
// her (Tara Reid) and", "[the Act]"): that is not the speaker's wording; without figures,
// in digits or as ordinal words (`ordinals`).
std::vector<std::string> wording_stems(const std::string& wording, const text::StopWords& stop,
                                       const text::Stemmer& stemmer,
                                       const text::ElisionRules& elisions,
                                       const std::unordered_map<std::string, int>& ordinals) {
  std::string spoken;
  int depth = 0;
  for (char c : wording) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0) spoken += c;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  std::vector<std::string> out;
  // Figures are left out: "6:41pm PST" and "18:41" are one time written two ways, as are
  // "eleventh-hour" and "11th hour", and a figure an outlet changes is compared as a number
  // (number_slots.h), not as wording.
  auto figure = [&](const std::string& folded) {
    return folded.find_first_of("0123456789") != std::string::npos || ordinals.count(folded);
  };
  // A short word in capitals right after a figure is part of how it is written: a time
  // zone ("6:41pm PST"), a unit ("40 KM").
  auto abbreviation = [&](const ContentWord& w) {
    if (w.end - w.begin < 2 || w.end - w.begin > 4) return false;
    for (size_t i = w.begin; i < w.end; ++i)
      if (spoken[i] < 'A' || spoken[i] > 'Z') return false;
    return true;
  };
  size_t figure_end = std::string::npos;  // where the last figure ended
  for (const ContentWord& w : content_words(spoken, stop, stemmer, elisions)) {
    if (figure(w.folded)) {
      figure_end = w.end;
      continue;
    }
    if (figure_end != std::string::npos && abbreviation(w) &&
        spoken.find_first_not_of(' ', figure_end) == w.begin)
      continue;
    // "eleventh-hour": the word after the figure.
    if (const size_t dash = w.folded.find('-');
        dash != std::string::npos && figure(w.folded.substr(0, dash))) {
      if (dash + 1 < w.folded.size()) out.push_back(stemmer.stem(w.folded.substr(dash + 1)));
      continue;
    }
    out.push_back(w.stem);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Quotes of a named person printed in wordings that are not trims of each other
// (translations), appended to `out` until it holds max_disagreements. A wording is a
// version of the statement when another outlet's wording shares at least
// cfg.quote_version_min_overlap of the smaller one's content words and
// cfg.quote_version_min_shared of them (the same statement, not two passages: a shared name
// is not enough) and cfg.quote_version_min_overlap_larger of the larger one's, and differs
// from it in a content word (not only in "of" or punctuation).
// A wording much shorter than another and inside it is a cut, not a version.
void quote_disagreements(const StoryEvidence& ev, const ClaimSet& cs,
                         const std::vector<MergedQuote>& quotes, const SynthResources& resources,
                         const SynthConfig& cfg, std::vector<Disagreement>& out) {
  const text::StopWords& stop = resources.stop_words(ev.language);
  const text::Stemmer stemmer(ev.language);
  auto origin_of = [&](const std::string& id) {
    for (size_t a = 0; a < ev.articles.size(); ++a)
      if (ev.articles[a]->id == id)
        return a < cs.outlet_of.size() ? cs.outlet_of[a] : static_cast<int>(a);
    return -1;
  };
  for (const auto& q : quotes) {
    if (out.size() >= cfg.max_disagreements) break;
    if (q.variants.size() < 2 || !is_story_person(ev, q.speaker)) continue;
    std::vector<const QuoteVariant*> kept = distinct_wordings(q, resources.elisions());
    if (kept.size() < 2) continue;
    std::vector<std::vector<std::string>> stems;
    std::vector<std::set<int>> origins;
    for (const QuoteVariant* v : kept) {
      stems.push_back(wording_stems(v->text, stop, stemmer, resources.elisions(),
                                    resources.ordinal_words(ev.language)));
      origins.emplace_back();
      for (const auto& id : v->articles) origins.back().insert(origin_of(id));
    }
    // Content words of wording i found in wording j, spelling variants included.
    auto common_count = [&](size_t i, size_t j) {
      size_t n = 0;
      for (const std::string& w : stems[i])
        for (const std::string& x : stems[j])
          if (spelling_variant(w, x)) {
            ++n;
            break;
          }
      return n;
    };
    auto same_words = [&](size_t i, size_t j) {
      const size_t c = common_count(i, j);
      return c == stems[i].size() && common_count(j, i) == stems[j].size();
    };
    // A much shorter wording inside a longer one ("le fruit d'une réflexion commune" in the
    // whole sentence) is a cut of it, not another version.
    auto is_cut = [&](size_t i) {
      for (size_t j = 0; j < kept.size(); ++j)
        if (j != i && stems[i].size() * 10 <= stems[j].size() * 6 &&
            common_count(i, j) * 10 >= stems[i].size() * 9)
          return true;
      return false;
    };
    std::vector<const QuoteVariant*> versions;
    std::set<int> outlets;
    for (size_t i = 0; i < kept.size(); ++i) {
      if (is_cut(i)) continue;
      bool version = false;
      for (size_t j = 0; j < kept.size() && !version; ++j) {
        if (i == j) continue;
        bool other_outlet = false;
        for (int o : origins[j]) other_outlet |= !origins[i].count(o);
        if (!other_outlet) continue;
        const size_t common = common_count(i, j);
        const size_t smaller = std::min(stems[i].size(), stems[j].size());
        const size_t larger = std::max(stems[i].size(), stems[j].size());
        version = !is_cut(j) && common >= cfg.quote_version_min_shared && !same_words(i, j) &&
                  static_cast<double>(common) >=
                      cfg.quote_version_min_overlap * static_cast<double>(smaller) &&
                  static_cast<double>(common) >=
                      cfg.quote_version_min_overlap_larger * static_cast<double>(larger);
      }
      if (!version) continue;
      versions.push_back(kept[i]);
      outlets.insert(origins[i].begin(), origins[i].end());
    }
    // Two wordings printed by one outlet are two passages it quotes, not a disagreement
    // between outlets: the versions must come from at least two outlets.
    if (versions.size() < 2 || outlets.size() < 2) continue;
    // An article printing two of the versions quotes two passages of the speaker, so the
    // other outlets' wordings may be of either: no disagreement can be read from them (as
    // for a number, number_disagreements).
    std::map<std::string, size_t> versions_of_article;
    bool ambiguous = false;
    for (const QuoteVariant* v : versions)
      for (const auto& id : v->articles) ambiguous |= ++versions_of_article[id] > 1;
    if (ambiguous) continue;
    Disagreement d;
    d.kind = "quote";
    d.about = q.speaker;
    for (const QuoteVariant* v : versions) d.versions.push_back({v->text, v->articles});
    out.push_back(std::move(d));
  }
}

}  // namespace

std::vector<Disagreement> find_disagreements(const StoryEvidence& ev, const ClaimSet& cs,
                                             const std::vector<MergedQuote>& quotes,
                                             const SynthResources& resources,
                                             const SynthConfig& cfg,
                                             std::vector<char>* disputed_claims, size_t* left_out) {
  Builder b{
      ev, cs, cfg, resources.elisions(), resources.contrast_words(ev.language), disputed_claims,
      {}, {}};
  const auto& claims = cs.claims;
  if (disputed_claims) disputed_claims->assign(claims.size(), 0);
  number_disagreements(ev, cs, resources, cfg, b);
  // Ages beside names: told in claims too unlike to align ("a déclaré Fatna, 33 ans" /
  // "Fatma, la jeune femme de 34 ans, a été inculpée").
  for (AgeRivals& r : age_rivals(ev, person_ages(ev, resources.age_words(ev.language)),
                                 cs.outlet_of, cfg.person_age_max_years_apart))
    b.add("number", (r.age_word.empty() ? r.name : r.age_word + ": " + r.name),
          std::move(r.versions));
  for (size_t c = 0; c < claims.size(); ++c) {
    for (const auto& al : cs.aligned[c]) {
      if (al.other <= c || al.similarity < cfg.disagreement_threshold) continue;
      if (al.conflict) b.date_disagreement(c, al);
      b.name_disagreements(c, al);
    }
  }
  // After the dates: a day the dates already compare is not told twice.
  detail_disagreements(ev, cs, resources, cfg, b);
  std::stable_sort(b.out.begin(), b.out.end(), [](const Disagreement& x, const Disagreement& y) {
    size_t nx = 0, ny = 0;
    for (const auto& v : x.versions) nx += v.articles.size();
    for (const auto& v : y.versions) ny += v.articles.size();
    return nx > ny;
  });
  size_t dropped = 0;
  if (b.out.size() > cfg.max_disagreements) {
    dropped = b.out.size() - cfg.max_disagreements;
    b.out.resize(cfg.max_disagreements);
  }
  // Quote disagreements fill what room is left; past it they are counted as left out.
  SynthConfig wide = cfg;
  wide.max_disagreements += kMoreCounted;
  quote_disagreements(ev, cs, quotes, resources, wide, b.out);
  if (b.out.size() > cfg.max_disagreements) {
    dropped += b.out.size() - cfg.max_disagreements;
    b.out.resize(cfg.max_disagreements);
  }
  if (left_out) *left_out = std::min(dropped, kMoreCounted);
  return b.out;
}

}  // namespace recoupe::synth
