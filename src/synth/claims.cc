#include "synth/claims.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "synth/article_reading.h"
#include "synth/content_words.h"
#include "synth/contrast_words.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

std::string number_key(double v) { return fmt::format("{:g}", v); }

// The independent origin of an article: the wire agency it credits (two outlets running one
// AFP dispatch are one source, not two), else its outlet, else itself.
std::string outlet_key(const Article& a) {
  if (a.agency && !a.agency->empty())
    return "agency:" + text::collapse_spaces(text::fold(*a.agency));
  if (a.source && !a.source->empty()) return text::collapse_spaces(text::fold(*a.source));
  return "id:" + a.id;
}

// The article each article copies, following near-duplicate links (duplicate_of) to their
// original, at most 16 hops so that a cycle cannot hang the story.
std::vector<size_t> duplicate_roots(const StoryEvidence& ev) {
  const size_t n_articles = ev.articles.size();
  std::unordered_map<std::string, size_t> index_of_id;
  for (size_t a = 0; a < n_articles; ++a) index_of_id.emplace(ev.articles[a]->id, a);
  std::vector<size_t> root(n_articles);
  for (size_t a = 0; a < n_articles; ++a) {
    size_t r = a;
    for (int hops = 0; hops < 16; ++hops) {
      if (r >= ev.duplicate_of.size() || ev.duplicate_of[r].empty()) break;
      auto it = index_of_id.find(ev.duplicate_of[r]);
      if (it == index_of_id.end() || it->second == r) break;
      r = it->second;
    }
    root[a] = r;
  }
  return root;
}

// Fills cs.outlets and cs.outlet_of: the outlet of an article is the agency it credits, else
// its source, else its id; a near-duplicate takes its original's outlet, so a reprint does
// not count as corroboration.
void assign_outlets(const StoryEvidence& ev, ClaimSet& cs) {
  const size_t n_articles = ev.articles.size();
  const std::vector<size_t> root = duplicate_roots(ev);
  std::unordered_map<std::string, int> outlet_index;
  cs.outlet_of.assign(n_articles, 0);
  for (size_t a = 0; a < n_articles; ++a) {
    std::string key = outlet_key(*ev.articles[root[a]]);
    auto [it, fresh] = outlet_index.emplace(key, static_cast<int>(cs.outlets.size()));
    if (fresh) {
      const Article& ra = *ev.articles[root[a]];
      cs.outlets.push_back(ra.source && !ra.source->empty() ? *ra.source : ra.id);
    }
    cs.outlet_of[a] = it->second;
  }
}

// Entity mentions per article as (begin, entity), sorted by begin: the entities a claim names
// are then one range lookup.
using MentionIndex = std::vector<std::vector<std::pair<size_t, int>>>;

MentionIndex mentions_by_article(const StoryEvidence& ev) {
  const size_t n_articles = ev.articles.size();
  MentionIndex mentions(n_articles);  // (begin, entity)
  for (size_t e = 0; e < ev.entities.size(); ++e)
    for (const auto& m : ev.entities[e].mentions)
      if (m.article < n_articles) mentions[m.article].push_back({m.begin, static_cast<int>(e)});
  for (auto& v : mentions) std::sort(v.begin(), v.end());
  return mentions;
}

// Words the story writes mostly in lower case: a capitalized occurrence of one of them
// ("Cosmodrome" in an English-style name next to "au cosmodrome de …") is a common word,
// not a name, so it still counts as a predicate. Mostly: "Nord" of "Corée du Nord" stays a
// name though "au nord de" occurs once.
std::unordered_set<std::string> mostly_lowercase_words(const StoryReadings& readings,
                                                       size_t n_articles, const SynthConfig& cfg) {
  std::unordered_set<std::string> lowercase_words;
  std::unordered_map<std::string, std::pair<int, int>> uses;  // (lower case, capitalized)
  for (size_t a = 0; a < n_articles; ++a) {
    const std::vector<ContentWord>& words = readings[a].words;
    for (size_t k = 0; k < words.size(); ++k) {
      const auto& w = words[k];
      // A capitalized word right before another one is a title or part of a name
      // ("President Trump", "Foreign Minister"): it does not count either way.
      if (w.capitalized && k + 1 < words.size() && words[k + 1].capitalized &&
          words[k + 1].begin <= w.end + 1)
        continue;
      auto& u = uses[w.folded];
      ++(w.capitalized ? u.second : u.first);
    }
  }
  for (const auto& [w, u] : uses)
    if (u.first >= cfg.common_word_min_lowercase &&
        u.first >= cfg.common_word_min_lowercase * u.second)
      lowercase_words.insert(w);
  return lowercase_words;
}

// Entities that are spelling variants of one another once common words are left out
// ("Vostochny Cosmodrome" and "Vostotchny"): one representative, so alignment sees them as
// the same name. Keys: transliteration-folded words of each surface form.
std::vector<int> entity_representatives(const StoryEvidence& ev,
                                        const std::unordered_set<std::string>& lowercase_words,
                                        const text::ElisionRules& elisions) {
  std::vector<int> entity_rep(ev.entities.size());
  std::unordered_map<std::string, int> key_owner;
  for (size_t e = 0; e < ev.entities.size(); ++e) {
    entity_rep[e] = static_cast<int>(e);
    std::vector<std::string> surfaces = ev.entities[e].aliases;
    surfaces.push_back(ev.entities[e].name);
    for (const auto& surface : surfaces) {
      // Only a last word is dropped ("Vostochny Cosmodrome"): a first one qualifies the
      // rest ("North Korea" is not "South Korea").
      std::string key;
      auto spans = text::word_spans(surface, elisions);
      for (size_t i = 0; i < spans.size(); ++i) {
        std::string_view w(surface.data() + spans[i].begin, spans[i].end - spans[i].begin);
        if (i > 0 && i + 1 == spans.size() && lowercase_words.count(text::fold(w))) continue;
        key += text::translit_key(w) + " ";
      }
      if (key.empty()) continue;
      auto [it, fresh] = key_owner.emplace(key, entity_rep[e]);
      if (!fresh && it->second != entity_rep[e] &&
          ev.entities[it->second].type == ev.entities[e].type)
        entity_rep[e] = it->second;
    }
  }
  return entity_rep;
}

// A claim's terms before idf: (term id, weight of the term's family).
using RawTerms = std::vector<std::pair<uint32_t, float>>;

// Byte spans of one article (its quantities, dates or quotes) sorted by begin, so that the
// spans meeting a claim are found by a binary search instead of a scan of the article's
// spans: reading an article's claims stays linear in the article, not quadratic.
class SpanIndex {
 public:
  template <class T>
  explicit SpanIndex(const std::vector<T>& items) {
    spans_.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i)
      spans_.push_back({items[i].begin, items[i].end, static_cast<uint32_t>(i)});
    std::sort(spans_.begin(), spans_.end(),
              [](const Span& x, const Span& y) { return x.begin < y.begin; });
    max_end_.reserve(spans_.size());
    for (const Span& sp : spans_)
      max_end_.push_back(max_end_.empty() ? sp.end : std::max(max_end_.back(), sp.end));
  }

  // Indices (into the items given) of the spans that overlap [begin, end) or touch it, in
  // increasing order: a superset of the spans inside it and of those containing a part of it.
  // Cost: those spans, plus the ones a long earlier span reaches over (quantities and dates
  // are a few words long).
  std::vector<uint32_t> meeting(size_t begin, size_t end) const {
    std::vector<uint32_t> out;
    auto first_after = std::upper_bound(spans_.begin(), spans_.end(), end,
                                        [](size_t e, const Span& sp) { return e < sp.begin; });
    // Walk back while some earlier span may still reach `begin`.
    for (size_t k = static_cast<size_t>(first_after - spans_.begin()); k-- > 0;) {
      if (max_end_[k] < begin) break;
      if (spans_[k].end >= begin) out.push_back(spans_[k].index);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // Indices of the spans inside [begin, end), in increasing order. Cost: the spans that begin
  // inside it, whatever the length of the others.
  std::vector<uint32_t> inside(size_t begin, size_t end) const {
    std::vector<uint32_t> out;
    auto it = std::lower_bound(spans_.begin(), spans_.end(), begin,
                               [](const Span& sp, size_t b) { return sp.begin < b; });
    for (; it != spans_.end() && it->begin < end; ++it)
      if (it->end <= end) out.push_back(it->index);
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  struct Span {
    size_t begin, end;
    uint32_t index;
  };
  std::vector<Span> spans_;
  std::vector<size_t> max_end_;  // max_end_[k]: largest end among spans_[0..k]
};

// The spans of one article's analysis, indexed for claim lookups.
struct ArticleSpans {
  explicit ArticleSpans(const ArticleAnalysis& an)
      : quantities(an.quantities), dates(an.dates), quotes(an.quotes) {}
  SpanIndex quantities, dates, quotes;
};

// Cuts the story's articles into claims and gives each its raw terms. Term keys carry their
// family as a prefix: "w:" predicate word, "n:" name, "s:" capitalized first word (undecided),
// "x:" word of a quantity or date, "p:" stem prefix, "e:" entity, "q:" number, "d:" day
// date, "t:" week or month. One reader per story: term ids are shared by all its claims.
class ClaimReader {
 public:
  ClaimReader(const StoryEvidence& ev, const StoryReadings& readings, const SynthConfig& cfg,
              const text::ElisionRules& elisions, const std::unordered_set<std::string>& time_words)
      : ev(ev),
        cfg(cfg),
        elisions(elisions),
        time_words(time_words),
        mentions(mentions_by_article(ev)),
        have_entities(!ev.entities.empty()),
        readings(readings),
        lowercase_words(mostly_lowercase_words(readings, ev.articles.size(), cfg)),
        entity_rep(entity_representatives(ev, lowercase_words, elisions)) {}

  // Appends the claims of every article to cs (claims, claims_of_article) and their raw terms
  // to `raw`, in the same order.
  void read_all(ClaimSet& cs) {
    cs.claims_of_article.resize(ev.articles.size());
    for (size_t a = 0; a < ev.articles.size(); ++a) read_article(a, cs);
  }

  // Settles the "s:" terms once every claim is read: a capitalized first word is a name when
  // the story also writes it capitalized inside a sentence ("n:"), else a predicate ("w:").
  void resolve_initial_capitals() {
    std::vector<std::pair<uint32_t, std::string>> initial;
    for (const auto& [key, id] : term_id)
      if (key[0] == 's') initial.push_back({id, key.substr(2)});
    std::unordered_map<uint32_t, std::pair<uint32_t, float>> remap;
    for (const auto& [id, stem] : initial) {
      bool name = term_id.count("n:" + stem) > 0;
      float w = name && !have_entities ? static_cast<float>(cfg.entity_weight) : 1.0f;
      remap[id] = {term((name ? "n:" : "w:") + stem), w};
    }
    for (auto& feats : raw)
      for (auto& f : feats)
        if (auto it = remap.find(f.first); it != remap.end()) f = it->second;
  }

  std::unordered_map<std::string, uint32_t> term_id;  // key → id, ids dense in order of use
  std::vector<RawTerms> raw;                          // per claim

 private:
  // The id of a term key, a new one on first use.
  uint32_t term(const std::string& key) {
    auto [it, fresh] = term_id.emplace(key, static_cast<uint32_t>(term_id.size()));
    return it->second;
  }

  // One article's sentences, cut into clauses; each clause long and sentence-like enough
  // becomes a claim.
  void read_article(size_t a, ClaimSet& cs) {
    const Article& art = *ev.articles[a];
    const ArticleAnalysis* an = a < ev.analyses.size() ? ev.analyses[a] : nullptr;
    if (!an) return;
    const ArticleSpans spans(*an);
    for (const ClaimClause& clause : readings[a].clauses) {
      Claim c;
      c.article = a;
      c.sentence = clause.sentence;
      c.position = static_cast<int>(cs.claims_of_article[a].size());
      c.begin = clause.begin;
      c.end = clause.end;
      c.text = art.text.substr(clause.begin, clause.end - clause.begin);
      c.words = clause.words;
      RawTerms feats;
      const std::vector<uint32_t> quantities = spans.quantities.meeting(c.begin, c.end);
      const std::vector<uint32_t> dates = spans.dates.meeting(c.begin, c.end);
      add_word_terms(an, quantities, dates, c, feats);
      add_entity_terms(c, feats);
      add_number_and_date_terms(an, quantities, dates, c, feats);
      c.quote_only = is_quote_only(*an, spans.quotes.inside(c.begin, c.end), c);
      cs.claims_of_article[a].push_back(cs.claims.size());
      cs.claims.push_back(std::move(c));
      raw.push_back(std::move(feats));
    }
  }

  // Content words of the claim: predicates ("w:"), names ("n:", also listed in c.names),
  // undecided first words ("s:"), words of quantities and dates ("x:") and stem prefixes.
  // `quantities` and `dates`: indices of the analysis' spans meeting the claim.
  // A content word of a claim: the article's word, and where it is in the claim.
  struct ClauseWord {
    const ContentWord* word;
    size_t begin, end;  // bytes from the claim's start
  };

  // The claim's content words, taken from its article's reading: the words that lie
  // wholly inside the claim, as content_words of the claim's text would give them.
  std::vector<ClauseWord> clause_words(const Claim& c) const {
    std::vector<ClauseWord> out;
    for (const ContentWord& w : words_within(readings[c.article].words, c.begin, c.end))
      out.push_back({&w, w.begin - c.begin, w.end - c.begin});
    return out;
  }

  void add_word_terms(const ArticleAnalysis* an, const std::vector<uint32_t>& quantities,
                      const std::vector<uint32_t>& dates, Claim& c, RawTerms& feats) {
    const std::vector<ClauseWord> cws = clause_words(c);
    // Words inside a quantity ("deux hommes") or a date count as words (family "x:") but
    // not as predicates: a shared "two men" does not make two sentences one fact.
    auto in_quantity = [&](const ClauseWord& w) {
      for (uint32_t i : quantities) {
        const Quantity& q = an->quantities[i];
        if (q.begin <= c.begin + w.begin && c.begin + w.end <= q.end && !q.unit.empty())
          return true;
      }
      // Date words ("mercredi") too: the date's own term carries them.
      for (uint32_t i : dates) {
        const DateMention& d = an->dates[i];
        if (d.begin <= c.begin + w.begin && c.begin + w.end <= d.end) return true;
      }
      return false;
    };
    for (size_t k = 0; k < cws.size(); ++k) {
      if (in_quantity(cws[k])) {
        feats.push_back({term("x:" + cws[k].word->stem), 1.0f});
        continue;
      }
      // A capitalized word inside the sentence is a name: its own family, so that the
      // "same predicate" test below is not met by names alone.
      // "Cosmodrome" after "Vostochny", written lower case elsewhere in the story, is a
      // common word; "President" before "Trump" stays a title of the name.
      const bool common = cws[k].word->capitalized && lowercase_words.count(cws[k].word->folded) &&
                          k > 0 && cws[k - 1].word->capitalized &&
                          cws[k].begin <= cws[k - 1].end + 1 &&
                          !(k + 1 < cws.size() && cws[k + 1].word->capitalized &&
                            cws[k + 1].begin <= cws[k].end + 1);
      if (common) c.names.push_back(cws[k].word->folded);  // still part of a name
      if (cws[k].word->capitalized && cws[k].begin > 0 && !common) {
        c.names.push_back(cws[k].word->folded);
        feats.push_back({term("n:" + cws[k].word->stem),
                         have_entities ? 1.0f : static_cast<float>(cfg.entity_weight)});
        continue;
      }
      // A capitalized first word is a name when the story writes it capitalized inside a
      // sentence too ("Vladimir Poutine et …"); decided once every claim is read ("s:").
      const bool initial_cap = cws[k].word->capitalized && cws[k].begin == 0;
      feats.push_back({term((initial_cap ? "s:" : "w:") + cws[k].word->stem), 1.0f});
      if (initial_cap) continue;
      // Derivations the stemmer keeps apart ("construction" / "construire") share a
      // prefix: a weaker term of their own.
      if (cfg.prefix_length > 0 &&
          cws[k].word->stem.size() > static_cast<size_t>(cfg.prefix_length))
        feats.push_back({term("p:" + cws[k].word->stem.substr(0, cfg.prefix_length)),
                         static_cast<float>(cfg.prefix_weight)});
    }
  }

  // Entities named in the claim (c.entities), one "e:" term per spelling representative.
  void add_entity_terms(Claim& c, RawTerms& feats) {
    const auto& ms = mentions[c.article];
    auto it = std::lower_bound(ms.begin(), ms.end(), std::make_pair(c.begin, -1));
    for (; it != ms.end() && it->first < c.end; ++it) {
      if (std::find(c.entities.begin(), c.entities.end(), it->second) == c.entities.end()) {
        c.entities.push_back(it->second);
        feats.push_back({term("e:" + std::to_string(entity_rep[it->second])),
                         static_cast<float>(cfg.entity_weight)});
      }
    }
  }

  // Quantities with a unit (c.numbers, "q:") and fully resolved dates (c.dates, "d:"/"t:")
  // inside the claim: what claims_conflict compares.
  void add_number_and_date_terms(const ArticleAnalysis* an, const std::vector<uint32_t>& quantities,
                                 const std::vector<uint32_t>& dates, Claim& c, RawTerms& feats) {
    for (uint32_t i : quantities) {
      const Quantity& q = an->quantities[i];
      if (q.begin < c.begin || q.end > c.end || q.unit.empty()) continue;
      c.numbers.push_back({q.value, q.unit});
      feats.push_back(
          {term("q:" + q.unit + "=" + number_key(q.value)), static_cast<float>(cfg.number_weight)});
    }
    for (uint32_t i : dates) {
      const DateMention& d = an->dates[i];
      if (d.begin < c.begin || d.end > c.end || d.value.empty() ||
          d.value.find('X') != std::string::npos)
        continue;
      ClaimDate date{d.value, to_string(d.precision), d.relative ? d.anchor : "", false};
      // "today", "hier" in an article without a date of its own were resolved against a day
      // guessed for the whole story: the day they name is not known. A weekday or a month
      // written out still is ("lundi", "le 2 juillet").
      if (d.relative && !ev.articles[c.article]->published_at) {
        bool named = false;
        for (const std::string& w : text::words(d.text, elisions))
          named = named || time_words.count(text::fold(w)) > 0;
        date.unknown_day = !named;
        date.guessed_day = named && d.text.find_first_of("0123456789") == std::string::npos;
      }
      c.dates.push_back(std::move(date));
      // A week or a month ("this week") is shared by any two articles of the same days:
      // weighted like a date, but no evidence of the same predicate (family "t:").
      const bool loose =
          d.precision == DatePrecision::kWeek || d.precision == DatePrecision::kMonth;
      feats.push_back({term((loose ? "t:" : "d:") + d.value), static_cast<float>(cfg.date_weight)});
    }
  }

  // A claim at least 60% inside quotation marks reports what someone said.
  // `quotes`: indices of the analysis' quotes meeting the claim.
  static bool is_quote_only(const ArticleAnalysis& analysis, const std::vector<uint32_t>& quotes,
                            const Claim& c) {
    size_t quoted = 0;
    for (uint32_t i : quotes) {
      const Quote& q = analysis.quotes[i];
      if (q.begin >= c.begin && q.end <= c.end) quoted += q.end - q.begin;
    }
    return quoted * 10 >= (c.end - c.begin) * 6;
  }

  const StoryEvidence& ev;
  const SynthConfig& cfg;
  const text::ElisionRules& elisions;
  const std::unordered_set<std::string>& time_words;  // folded weekday and month names
  const MentionIndex mentions;
  const bool have_entities;
  const StoryReadings& readings;  // each article's content words
  const std::unordered_set<std::string> lowercase_words;
  const std::vector<int> entity_rep;
};

// Turns raw terms into each claim's sparse vector (terms, weights, norm), weighted by idf
// within the story: a word every claim uses says little about which fact it states.
void weigh_terms(std::vector<RawTerms>& raw, size_t n_terms, ClaimSet& cs) {
  const size_t n = cs.claims.size();
  std::vector<uint32_t> df(n_terms, 0);
  for (auto& feats : raw) {
    std::sort(feats.begin(), feats.end());
    feats.erase(std::unique(feats.begin(), feats.end(),
                            [](const auto& x, const auto& y) { return x.first == y.first; }),
                feats.end());
    for (const auto& f : feats) ++df[f.first];
  }
  for (size_t c = 0; c < n; ++c) {
    Claim& cl = cs.claims[c];
    double norm2 = 0;
    for (const auto& [t, fw] : raw[c]) {
      float w = static_cast<float>(fw * std::log(1.0 + static_cast<double>(n) / df[t]));
      cl.terms.push_back(t);
      cl.weights.push_back(w);
      norm2 += static_cast<double>(w) * w;
    }
    cl.norm = static_cast<float>(std::sqrt(norm2));
  }
}

// What alignment needs to know of each term id, from its key's family.
struct TermKinds {
  // Predicate terms: content words that are not names nor counted, and dates.
  std::vector<uint8_t> predicate;
  // Day dates, and entity terms by type ('p' person, 'l' place), for anchored alignment.
  std::vector<uint8_t> day_term;
  std::vector<char> entity_term;
  // A figure of kSpecificFigure or more with its unit ("29.000 feux"): two claims giving it
  // tell the same thing counted, as an anchor does.
  std::vector<uint8_t> specific_figure;
};

TermKinds term_kinds(const std::unordered_map<std::string, uint32_t>& term_id,
                     const StoryEvidence& ev) {
  TermKinds kinds;
  std::vector<uint8_t>& predicate = kinds.predicate;
  predicate.assign(term_id.size(), 0);
  for (const auto& [key, id] : term_id) predicate[id] = key[0] == 'w' || key[0] == 'd';
  std::vector<uint8_t>& day_term = kinds.day_term;
  std::vector<char>& entity_term = kinds.entity_term;
  day_term.assign(term_id.size(), 0);
  entity_term.assign(term_id.size(), 0);
  kinds.specific_figure.assign(term_id.size(), 0);
  for (const auto& [key, id] : term_id) {
    if (key[0] == 'd' && key.size() == 2 + 10) day_term[id] = 1;  // d:YYYY-MM-DD
    if (key[0] == 'q')                                            // q:<unit>=<value>
      kinds.specific_figure[id] =
          std::fabs(std::strtod(key.c_str() + key.rfind('=') + 1, nullptr)) >= kSpecificFigure;
    if (key[0] == 'e') {
      const std::string& type = ev.entities[std::stoul(key.substr(2))].type;
      entity_term[id] = type == "person" ? 'p' : type == "place" ? 'l' : 0;
    }
  }
  return kinds;
}

// Claims after c that share a term rare enough (in at most max_df claims) with it: the only
// pairs worth an exact cosine. `stamp` (one slot per claim) marks those already listed.
void alignment_candidates(const ClaimSet& cs, const std::vector<std::vector<uint32_t>>& postings,
                          size_t max_df, size_t c, std::vector<uint32_t>& stamp,
                          std::vector<uint32_t>& cand) {
  cand.clear();
  for (uint32_t t : cs.claims[c].terms) {
    const std::vector<uint32_t>& claims = postings[t];  // ascending
    if (claims.size() > max_df) continue;
    for (auto o = std::upper_bound(claims.begin(), claims.end(), c); o != claims.end(); ++o)
      if (stamp[*o] != c) {
        stamp[*o] = static_cast<uint32_t>(c);
        cand.push_back(*o);
      }
  }
}

// Aligns claims x (index c) and y (index o) when they state the same fact, by shared
// predicate words or by shared anchors, and records the alignment both ways.
void align_pair(ClaimSet& cs, const TermKinds& kinds, const SynthConfig& cfg, size_t c,
                uint32_t o) {
  const std::vector<uint8_t>& predicate = kinds.predicate;
  const std::vector<uint8_t>& day_term = kinds.day_term;
  const std::vector<char>& entity_term = kinds.entity_term;
  auto shared_terms = [](const Claim& x, const Claim& y) {
    std::vector<uint32_t> out;
    std::set_intersection(x.terms.begin(), x.terms.end(), y.terms.begin(), y.terms.end(),
                          std::back_inserter(out));
    return out;
  };
  const Claim& x = cs.claims[c];
  const Claim& y = cs.claims[o];
  if (x.norm <= 0 || y.norm <= 0) return;
  double dot = 0, shared_x = 0, shared_y = 0;
  int predicates = 0;
  for (size_t i = 0, j = 0; i < x.terms.size() && j < y.terms.size();) {
    if (x.terms[i] < y.terms[j]) {
      ++i;
    } else if (x.terms[i] > y.terms[j]) {
      ++j;
    } else {
      dot += static_cast<double>(x.weights[i]) * y.weights[j];
      shared_x += static_cast<double>(x.weights[i]) * x.weights[i];
      shared_y += static_cast<double>(y.weights[j]) * y.weights[j];
      predicates += predicate[x.terms[i]];
      ++i;
      ++j;
    }
  }
  float sim = static_cast<float>(std::min(1.0, dot / (static_cast<double>(x.norm) * y.norm)));
  float cov_x = static_cast<float>(shared_x / (static_cast<double>(x.norm) * x.norm));
  float cov_y = static_cast<float>(shared_y / (static_cast<double>(y.norm) * y.norm));
  bool by_words =
      predicates >= cfg.min_shared_predicate_terms &&
      (sim >= cfg.align_threshold || cov_x >= cfg.cover_threshold || cov_y >= cfg.cover_threshold);
  // Same people at the same place (and the same day, or the same predicates): told in
  // other words ("se sont retrouvés" / "se sont rencontrés"), a weaker overlap suffices; so
  // does one specific figure both give ("29.000 feux d'artifice").
  bool anchored = false, by_figure = false;
  if (!by_words && sim >= cfg.anchored_align_threshold && predicates >= 1) {
    bool day = false, person = false, place = false, figure = false;
    for (uint32_t t : shared_terms(x, y)) {
      if (day_term[t]) day = true;
      if (entity_term[t] == 'p') person = true;
      if (entity_term[t] == 'l') place = true;
      if (kinds.specific_figure[t]) figure = true;
    }
    const bool people = person && place && (day || predicates >= cfg.min_shared_predicate_terms);
    anchored = people || figure;
    by_figure = !people && figure;
  }
  if (!by_words && !anchored) return;
  bool conflict = claims_conflict(x, y, cfg);
  cs.aligned[c].push_back({o, sim, cov_x, conflict, anchored, by_figure});
  cs.aligned[o].push_back({static_cast<uint32_t>(c), sim, cov_y, conflict, anchored, by_figure});
}

// Fills cs.aligned and prepares cs.centrality: candidate pairs from the rarer terms, then
// the exact test of align_pair.
void align_claims(ClaimSet& cs, const TermKinds& kinds, size_t n_terms, const SynthConfig& cfg) {
  const size_t n = cs.claims.size();
  std::vector<std::vector<uint32_t>> postings(n_terms);
  for (size_t c = 0; c < n; ++c)
    for (uint32_t t : cs.claims[c].terms) postings[t].push_back(static_cast<uint32_t>(c));
  const size_t max_df = std::max<size_t>(8, static_cast<size_t>(cfg.candidate_max_df * n));
  cs.aligned.assign(n, {});
  cs.centrality.assign(n, 0.0f);
  std::vector<uint32_t> stamp(n, UINT32_MAX);
  std::vector<uint32_t> cand;
  // align_pair aligns no pair with fewer than min_shared_predicate_terms shared predicate
  // terms, unless anchored, which needs one and a person and a place (or a specific figure)
  // shared: tests on those few terms spare the full comparison to most candidates of a big
  // story (on a 280-article story, 880,000 candidates gave 1,100 alignments).
  const size_t by_words = size_t(std::max(0, cfg.min_shared_predicate_terms));
  std::vector<std::vector<uint32_t>> predicates(n);
  std::vector<uint8_t> has_anchors(n, 0);  // a person and a place, or a specific figure
  for (size_t c = 0; c < n; ++c) {
    bool person = false, place = false, figure = false;
    for (uint32_t t : cs.claims[c].terms) {
      if (kinds.predicate[t]) predicates[c].push_back(t);
      person |= kinds.entity_term[t] == 'p';
      place |= kinds.entity_term[t] == 'l';
      figure |= kinds.specific_figure[t] != 0;
    }
    has_anchors[c] = (person && place) || figure;
  }
  // Whether claims c and o can align: o's predicate terms among c's (marked in `of_c`),
  // counted up to what is needed.
  std::vector<uint8_t> of_c(n_terms, 0);
  auto may_align = [&](size_t c, size_t o) {
    const size_t needed =
        has_anchors[c] && has_anchors[o] ? std::min<size_t>(1, by_words) : by_words;
    if (needed == 0) return true;
    size_t shared = 0;
    for (uint32_t t : predicates[o])
      if ((shared += of_c[t]) == needed) return true;
    return false;
  };
  for (size_t c = 0; c < n; ++c) {
    if (by_words > 0 && predicates[c].empty()) continue;
    alignment_candidates(cs, postings, max_df, c, stamp, cand);
    for (uint32_t t : predicates[c]) of_c[t] = 1;
    for (uint32_t o : cand)
      if (may_align(c, o)) align_pair(cs, kinds, cfg, c, o);
    for (uint32_t t : predicates[c]) of_c[t] = 0;
  }
}

// The weekdays each claim names, one bit a weekday value: "on Tuesday", « mercredi soir ».
std::vector<uint32_t> weekdays_named(const ClaimSet& cs, const ContrastLexicon& lexicon,
                                     const text::ElisionRules& elisions) {
  std::vector<uint32_t> out(cs.claims.size(), 0);
  std::unordered_map<std::string, uint32_t> bit;
  for (size_t c = 0; c < cs.claims.size(); ++c)
    for (const ContrastMention& m : contrast_mentions(cs.claims[c].text, lexicon, elisions))
      if (m.word->set == "weekday") {
        auto [it, fresh] = bit.emplace(m.word->value, 0u);
        if (fresh) it->second = 1u << std::min<size_t>(bit.size() - 1, 31);
        out[c] |= it->second;
      }
  return out;
}

// Fills cs.support, cs.support_outlets and cs.centrality from the alignments: which
// articles (and how many independent outlets) state each claim without conflict. Two claims
// naming weekdays, none in common, tell two moments ("jurors heard Tuesday" / "testimony
// continued … on Wednesday"): neither supports the other, even where no date is resolved (an
// article without a publication date).
void count_support(ClaimSet& cs, const std::vector<uint32_t>& weekdays, const SynthConfig& cfg) {
  const size_t n = cs.claims.size();
  cs.support.assign(n, {});
  cs.support_outlets.assign(n, 0);
  cs.telling_outlets.assign(n, 0);
  auto distinct_outlets = [&](const std::vector<size_t>& articles) {
    std::vector<int> outs;
    for (size_t a : articles) outs.push_back(cs.outlet_of[a]);
    std::sort(outs.begin(), outs.end());
    return static_cast<int>(std::unique(outs.begin(), outs.end()) - outs.begin());
  };
  for (size_t c = 0; c < n; ++c) {
    auto& al = cs.aligned[c];
    std::sort(al.begin(), al.end(),
              [](const Alignment& x, const Alignment& y) { return x.other < y.other; });
    std::vector<size_t>& sup = cs.support[c];
    sup.push_back(cs.claims[c].article);
    std::vector<size_t> telling = sup;
    for (const auto& x : al) {
      const Claim& o = cs.claims[x.other];
      if (o.article == cs.claims[c].article || x.conflict) continue;
      // A claim of one or two terms ("Les mineurs sont déjà assez fichés") is covered by any
      // sentence using its words: only its cosine can tell the same fact.
      const bool covered =
          x.covered >= cfg.cover_threshold && cs.claims[c].terms.size() >= cfg.cover_min_terms;
      if (x.similarity < cfg.align_threshold && !covered && !x.anchored) continue;
      if (weekdays[c] && weekdays[x.other] && !(weekdays[c] & weekdays[x.other])) continue;
      sup.push_back(o.article);
      if (!x.by_figure) telling.push_back(o.article);
      cs.centrality[c] += x.similarity;
    }
    std::sort(sup.begin(), sup.end());
    sup.erase(std::unique(sup.begin(), sup.end()), sup.end());
    cs.support_outlets[c] = distinct_outlets(sup);
    cs.telling_outlets[c] = distinct_outlets(telling);
  }
}

}  // namespace

namespace {

// The dot product of two claims' sparse vectors over the terms `keep` accepts.
template <typename Keep>
double sparse_dot(const Claim& a, const Claim& b, Keep keep) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.terms.size() && j < b.terms.size()) {
    if (a.terms[i] < b.terms[j]) {
      ++i;
    } else if (a.terms[i] > b.terms[j]) {
      ++j;
    } else {
      if (keep(a.terms[i])) dot += static_cast<double>(a.weights[i]) * b.weights[j];
      ++i;
      ++j;
    }
  }
  return dot;
}

}  // namespace

float claim_similarity(const Claim& a, const Claim& b) {
  if (a.norm <= 0 || b.norm <= 0) return 0.0f;
  const double dot = sparse_dot(a, b, [](uint32_t) { return true; });
  return static_cast<float>(std::min(1.0, dot / (static_cast<double>(a.norm) * b.norm)));
}

float similarity_beside_figures(const ClaimSet& cs, size_t x, size_t y) {
  const Claim& a = cs.claims[x];
  const Claim& b = cs.claims[y];
  auto word = [&](uint32_t t) { return t >= cs.figure_term.size() || !cs.figure_term[t]; };
  double na = 0, nb = 0;
  for (size_t i = 0; i < a.terms.size(); ++i)
    if (word(a.terms[i])) na += static_cast<double>(a.weights[i]) * a.weights[i];
  for (size_t j = 0; j < b.terms.size(); ++j)
    if (word(b.terms[j])) nb += static_cast<double>(b.weights[j]) * b.weights[j];
  if (na <= 0 || nb <= 0) return 0.0f;
  return static_cast<float>(std::min(1.0, sparse_dot(a, b, word) / std::sqrt(na * nb)));
}

bool claims_conflict(const Claim& a, const Claim& b, const SynthConfig& config) {
  // Numbers: a unit both claims count, with no value in common within tolerance. A value of
  // that unit in common is enough: "948 millions d'euros au premier semestre et 234 millions
  // au troisième trimestre" does state "une perte de 234 millions d'euros au troisième
  // trimestre, contre un bénéfice de 437 millions".
  auto same_value = [&](const ClaimNumber& x, const ClaimNumber& y) {
    const double lo = std::min(std::fabs(x.value), std::fabs(y.value));
    const double hi = std::max(std::fabs(x.value), std::fabs(y.value));
    return hi == 0 || (lo > 0 && hi / lo <= config.number_tolerance);
  };
  // True when b counts `unit` too and no value of it is one of a's.
  auto disputed = [&](const std::string& unit) {
    bool counted = false;
    for (const auto& nb : b.numbers) {
      if (nb.unit != unit) continue;
      counted = true;
      for (const auto& na : a.numbers)
        if (na.unit == unit && same_value(na, nb)) return false;
    }
    return counted;
  };
  for (const auto& na : a.numbers)
    if (disputed(na.unit)) return true;
  if (a.dates.size() == 1 && b.dates.size() == 1 && dates_conflict(a.dates[0], b.dates[0]))
    return true;
  return false;
}

// True when a relative day lies after the day it was resolved against: told as to come.
static bool ahead_of_anchor(const ClaimDate& d) {
  // ISO dates of one precision sort as strings.
  return !d.anchor.empty() && d.precision == "day" && d.value > d.anchor;
}

bool comparable_dates(const ClaimDate& a, const ClaimDate& b) {
  return a.precision == b.precision && !a.unknown_day && !b.unknown_day &&
         a.guessed_day == b.guessed_day && ahead_of_anchor(a) == ahead_of_anchor(b);
}

bool dates_conflict(const ClaimDate& a, const ClaimDate& b) {
  if (a.value == b.value || !comparable_dates(a, b)) return false;
  return a.anchor.empty() || b.anchor.empty() || a.anchor == b.anchor;
}

ClaimSet build_claims(const StoryEvidence& ev, const SynthResources& resources,
                      const SynthConfig& cfg) {
  ClaimSet cs;
  const StoryReadings readings(ev, resources, cfg);
  assign_outlets(ev, cs);
  ClaimReader reader(ev, readings, cfg, resources.elisions(), resources.time_words(ev.language));
  reader.read_all(cs);
  reader.resolve_initial_capitals();
  const size_t n_terms = reader.term_id.size();
  weigh_terms(reader.raw, n_terms, cs);
  cs.figure_term.assign(n_terms, 0);
  for (const auto& [key, id] : reader.term_id) cs.figure_term[id] = key[0] == 'q';
  align_claims(cs, term_kinds(reader.term_id, ev), n_terms, cfg);
  count_support(cs, weekdays_named(cs, resources.contrast_words(ev.language), resources.elisions()),
                cfg);
  return cs;
}

}  // namespace recoupe::synth
