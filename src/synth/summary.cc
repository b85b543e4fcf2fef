#include "synth/summary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "synth/corroboration.h"
#include "synth/sentence_form.h"
#include "text/words.h"

namespace recoupe::synth {
namespace {

// Cosine between a claim and the story centroid (term → summed normalized weight).
double centroid_cosine(const Claim& c, const std::unordered_map<uint32_t, double>& centroid,
                       double centroid_norm) {
  if (c.norm <= 0 || centroid_norm <= 0) return 0;
  double dot = 0;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    auto it = centroid.find(c.terms[i]);
    if (it != centroid.end()) dot += c.weights[i] * it->second;
  }
  return dot / (c.norm * centroid_norm);
}

std::string sort_date(const StoryEvidence& ev, const Claim& c) {
  for (const auto& d : c.dates)
    if (d.precision == "day") return d.value;
  const Article& a = *ev.articles[c.article];
  if (a.published_at) return format_iso(a.published_at->date);
  return ev.reference_date.value_or("");
}

}  // namespace

std::vector<SummarySentence> summarize(const StoryEvidence& ev, const ClaimSet& cs,
                                       const SynthConfig& cfg, const text::ElisionRules& elisions,
                                       int max_words, const std::vector<char>* disputed) {
  const auto& claims = cs.claims;
  if (claims.empty()) return {};
  std::unordered_map<uint32_t, double> centroid;
  for (const auto& c : claims)
    for (size_t i = 0; i < c.terms.size(); ++i)
      if (c.norm > 0) centroid[c.terms[i]] += c.weights[i] / c.norm;
  double cnorm = 0;
  for (const auto& [t, w] : centroid) cnorm += w * w;
  cnorm = std::sqrt(cnorm);
  int max_outlets = 1;
  for (int o : cs.telling_outlets) max_outlets = std::max(max_outlets, o);

  std::vector<double> score(claims.size());
  for (size_t c = 0; c < claims.size(); ++c) {
    double support = max_outlets > 1 ? (cs.telling_outlets[c] - 1.0) / (max_outlets - 1.0) : 0.0;
    score[c] = cfg.support_weight * support +
               cfg.centroid_weight * centroid_cosine(claims[c], centroid, cnorm) +
               cfg.position_weight / (1.0 + claims[c].position);
  }
  auto cut_of = [&](const Claim& cl) {
    const ArticleAnalysis* an = cl.article < ev.analyses.size() ? ev.analyses[cl.article] : nullptr;
    if (!an || cl.sentence >= an->sentences.size()) return '\0';
    return clause_cut(an->sentences[cl.sentence].text, cl.text);
  };
  // A clause cut at a comma is no sentence on its own ("Si les États-Unis craignent …"): the
  // summary shows its whole sentence instead.
  auto shown = [&](size_t c) -> std::string {
    const Claim& cl = claims[c];
    std::string_view t = cl.text;
    if (cut_of(cl) == ',') t = ev.analyses[cl.article]->sentences[cl.sentence].text;
    return std::string(t.substr(rubric_end(t)));
  };
  // Whether a claim reads as a summary sentence on its own: judged once per claim, not at
  // every pick. A rubric or dateline opening the claim is left out ("WASHINGTON — "); what
  // is left must still be a sentence ("INTERNATIONAL - Premières images…" is a kicker), and
  // not the tail of one, opening in lower case ("ainsi que des personnes exerçant …").
  std::vector<char> sentence_like(claims.size());
  for (size_t c = 0; c < claims.size(); ++c) {
    const Claim& cl = claims[c];
    if (cl.quote_only) continue;
    std::string body = shown(c);
    int words = static_cast<int>(text::count_words(body, elisions));
    char cut = cut_of(cl);
    sentence_like[c] = words >= cfg.summary_min_words && words <= cfg.summary_max_sentence_words &&
                       reads_as_sentence(body, cut == ',' ? '\0' : cut) && !starts_lowercase(body);
  }
  auto eligible = [&](size_t c, bool strict) {
    if (disputed && c < disputed->size() && (*disputed)[c]) return false;
    return !strict || sentence_like[c];
  };
  std::vector<size_t> chosen;
  int words = 0;
  for (bool strict : {true, false}) {
    while (static_cast<int>(chosen.size()) < cfg.summary_max_sentences &&
           (max_words <= 0 || words < max_words)) {
      if (!strict && static_cast<int>(chosen.size()) >= cfg.summary_min_sentences) break;
      double best = -1e18;
      size_t pick = SIZE_MAX;
      for (size_t c = 0; c < claims.size(); ++c) {
        if (!eligible(c, strict) || std::find(chosen.begin(), chosen.end(), c) != chosen.end())
          continue;
        double red = 0;
        for (size_t k : chosen)
          red = std::max(red, static_cast<double>(claim_similarity(claims[c], claims[k])));
        if (red >= cfg.duplicate_threshold) continue;
        // One sentence of an article is shown once, whichever of its clauses was picked.
        bool same_sentence = false;
        for (size_t k : chosen)
          same_sentence |=
              claims[k].article == claims[c].article && claims[k].sentence == claims[c].sentence;
        if (same_sentence) continue;
        // The same fact told by another article (aligned claims) is a duplicate too.
        bool same_fact = false;
        for (const auto& al : cs.aligned[c])
          if (std::find(chosen.begin(), chosen.end(), al.other) != chosen.end() &&
              (al.similarity >= cfg.align_threshold || al.covered >= cfg.cover_threshold ||
               al.anchored))
            same_fact = true;
        if (same_fact) continue;
        double mmr = score[c] - cfg.redundancy_weight * red;
        if (mmr > best) {
          best = mmr;
          pick = c;
        }
      }
      if (pick == SIZE_MAX) break;
      chosen.push_back(pick);
      words += static_cast<int>(text::count_words(shown(pick), elisions));
    }
  }
  if (chosen.empty()) return {};
  std::vector<size_t> rest(chosen.begin() + 1, chosen.end());
  std::stable_sort(rest.begin(), rest.end(), [&](size_t x, size_t y) {
    return sort_date(ev, claims[x]) < sort_date(ev, claims[y]);
  });
  std::vector<SummarySentence> out;
  out.push_back({shown(chosen[0]), article_ids(ev, cs.support[chosen[0]])});
  for (size_t c : rest) out.push_back({shown(c), article_ids(ev, cs.support[c])});
  return out;
}

std::vector<SummarySentence> lead_summary(const StoryEvidence& ev,
                                          const text::ElisionRules& elisions, int max_words) {
  std::vector<SummarySentence> out;
  for (size_t a = 0; a < ev.articles.size(); ++a) {
    const ArticleAnalysis* an = a < ev.analyses.size() ? ev.analyses[a] : nullptr;
    if (!an || an->sentences.empty()) continue;
    int words = 0;
    for (const auto& s : an->sentences) {
      if (max_words > 0 && words >= max_words) break;
      out.push_back({s.text, {ev.articles[a]->id}});
      words += static_cast<int>(text::count_words(s.text, elisions));
    }
    break;
  }
  return out;
}

}  // namespace recoupe::synth
