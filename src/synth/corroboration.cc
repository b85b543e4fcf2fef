#include "synth/corroboration.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

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

bool redundant(const ClaimSet& cs, size_t c, const std::vector<size_t>& chosen, double dup) {
  for (size_t k : chosen) {
    for (const auto& al : cs.aligned[c])
      if (al.other == k) return true;
    if (claim_similarity(cs.claims[c], cs.claims[k]) >= dup) return true;
  }
  return false;
}

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

std::vector<CorroboratedClaim> corroborated_claims(const StoryEvidence& ev, const ClaimSet& cs,
                                                   const SynthConfig& cfg) {
  std::vector<size_t> cand;
  for (size_t c = 0; c < cs.claims.size(); ++c)
    if (cs.support_outlets[c] >= 2 && !cs.claims[c].quote_only) cand.push_back(c);
  auto score = [&](size_t c) {
    return 3.0 * cs.support_outlets[c] + cs.centrality[c] + fact_weight(cs.claims[c]);
  };
  std::stable_sort(cand.begin(), cand.end(),
                   [&](size_t x, size_t y) { return score(x) > score(y); });
  std::vector<size_t> chosen;
  std::vector<CorroboratedClaim> out;
  for (size_t c : cand) {
    if (out.size() >= cfg.max_corroborated) break;
    if (redundant(cs, c, chosen, cfg.duplicate_threshold)) continue;
    chosen.push_back(c);
    CorroboratedClaim cc;
    cc.claim = cs.claims[c].text;
    cc.articles = article_ids(ev, cs.support[c]);
    cc.outlets = cs.support_outlets[c];
    out.push_back(std::move(cc));
  }
  return out;
}

// The outlets stating each number with its unit, as its first two distinct outlets (-1 for
// none): whether another outlet than a given one states it is then one lookup, not a scan
// of the story's claims.
using NumberOutlets = std::map<std::pair<std::string, double>, std::pair<int, int>>;

static NumberOutlets number_outlets(const ClaimSet& cs) {
  NumberOutlets out;
  for (const Claim& cl : cs.claims) {
    const int outlet = cs.outlet_of[cl.article];
    for (const ClaimNumber& m : cl.numbers) {
      auto [it, fresh] = out.try_emplace({m.unit, m.value}, outlet, -1);
      if (!fresh && it->second.first != outlet && it->second.second < 0) it->second.second = outlet;
    }
  }
  return out;
}

// True when claim `c` carries a number (with its unit) that no claim of another outlet
// states. Units must match: "40 secondes" is not "40 km".
static bool has_exclusive_number(const ClaimSet& cs, const NumberOutlets& stated, size_t c) {
  const Claim& cl = cs.claims[c];
  const int own = cs.outlet_of[cl.article];
  for (const ClaimNumber& n : cl.numbers) {
    if (n.unit.empty()) continue;  // a bare count is too weak to call a fact of its own
    auto it = stated.find({n.unit, n.value});
    bool stated_elsewhere =
        it != stated.end() &&
        (it->second.first != own || (it->second.second >= 0 && it->second.second != own));
    if (!stated_elsewhere) return true;
  }
  return false;
}

// True when an alignment of `c` with another outlet differs in a number or date: then the
// claim is a disagreement, not a single-source fact.
static bool aligned_conflict(const ClaimSet& cs, size_t c) {
  for (const auto& al : cs.aligned[c])
    if (al.conflict &&
        cs.outlet_of[cs.claims[al.other].article] != cs.outlet_of[cs.claims[c].article])
      return true;
  return false;
}

std::vector<SingleSourceClaim> single_source_claims(const StoryEvidence& ev, const ClaimSet& cs,
                                                    const SynthConfig& cfg) {
  const NumberOutlets stated = number_outlets(cs);
  std::vector<size_t> cand;
  for (size_t c = 0; c < cs.claims.size(); ++c) {
    const Claim& cl = cs.claims[c];
    if (cs.support_outlets[c] != 1 || cl.quote_only || !cl.informative()) continue;
    bool elsewhere = false;
    // Said elsewhere, even with another number or date (then it is a disagreement), or
    // containing what another outlet says (then its own part is not told apart).
    for (const auto& al : cs.aligned[c])
      if (cs.outlet_of[cs.claims[al.other].article] != cs.outlet_of[cl.article]) elsewhere = true;
    // The event may be told elsewhere while a measured detail is not: "they shook hands for
    // 40 seconds" next to outlets saying only "they shook hands". A number with its unit that
    // no other outlet states anywhere in the story is this outlet's own fact.
    if (elsewhere && !cl.numbers.empty() && !aligned_conflict(cs, c) &&
        has_exclusive_number(cs, stated, c))
      elsewhere = false;
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
               (has_exclusive_number(cs, stated, c) ? cfg.exclusive_number_bonus : 0.0);
  }
  std::stable_sort(cand.begin(), cand.end(),
                   [&](size_t x, size_t y) { return score[x] > score[y]; });
  std::vector<size_t> chosen;
  std::vector<size_t> per_article(ev.articles.size(), 0);
  std::vector<SingleSourceClaim> out;
  for (size_t c : cand) {
    if (out.size() >= cfg.max_single_source) break;
    const Claim& cl = cs.claims[c];
    if (per_article[cl.article] >= cfg.max_single_source_per_article) continue;
    if (redundant(cs, c, chosen, cfg.duplicate_threshold)) continue;
    // Close to what another outlet says, though not aligned: part of it is corroborated, so
    // the claim as a whole is not "said by one outlet only".
    // A claim mostly made of its own outlet's details (novelty ≥ 0.4) stays listed.
    bool related = false;
    for (size_t o = 0; novelty[c] < 0.4 && o < cs.claims.size() && !related; ++o)
      if (cs.outlet_of[cs.claims[o].article] != cs.outlet_of[cl.article] &&
          claim_similarity(cl, cs.claims[o]) >= cfg.single_source_max_similarity)
        related = true;
    if (related) continue;
    chosen.push_back(c);
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
