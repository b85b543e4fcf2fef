#include "synth/cross_check.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "synth/article_reading.h"
#include "synth/corroboration.h"
#include "synth/disagreements.h"
#include "synth/event_date.h"
#include "synth/framing.h"
#include "synth/quotes.h"
#include "synth/summary.h"
#include "synth/timeline.h"
#include "synth/title.h"

namespace recoupe::synth {

namespace {

// A name the tagger gives once, as one word that is no acronym and no place, is its least
// reliable guess: a capitalised sentence opener ("Interrogé"), or a piece of a longer name
// it split ("Maison" of "Maison Blanche"). A name told twice or in two words is kept.
bool low_confidence(const EvidenceEntity& e) {
  if (e.mentions.size() != 1 || e.type == "place") return false;
  if (e.name.find(' ') != std::string::npos) return false;
  bool letters = false, all_upper = true;
  for (unsigned char c : e.name) {
    if (c >= 'a' && c <= 'z') all_upper = false;
    letters |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return !(letters && all_upper && e.name.size() >= 2);
}

// A name made of other entities' names joined by lower-case words ("Kim et Poutine") is
// two entities the tagger ran together.
bool joins_other_names(const EvidenceEntity& e, const std::set<std::string>& other_names) {
  std::vector<std::string> parts(1);
  bool link = false;
  size_t start = 0;
  const std::string& n = e.name;
  for (size_t i = 0; i <= n.size(); ++i) {
    if (i < n.size() && n[i] != ' ') continue;
    std::string w = n.substr(start, i - start);
    start = i + 1;
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') {
      link = true;
      parts.emplace_back();
    } else if (!w.empty()) {
      if (!parts.back().empty()) parts.back() += ' ';
      parts.back() += w;
    }
  }
  if (!link || parts.size() < 2) return false;
  for (const auto& p : parts)
    if (p.empty() || !other_names.count(p)) return false;
  return true;
}

}  // namespace

std::vector<StoryEntity> story_entities(const StoryEvidence& ev, const SynthConfig& cfg) {
  std::vector<StoryEntity> out;
  std::set<std::string> names;
  for (const auto& e : ev.entities)
    for (const auto& a : e.aliases) names.insert(a);
  for (const auto& e : ev.entities) {
    if (low_confidence(e) || joins_other_names(e, names)) continue;
    StoryEntity se;
    se.name = e.name;
    se.type = e.type.empty() ? "other" : e.type;
    se.aliases = e.aliases;
    se.mentions = static_cast<int>(e.mentions.size());
    std::vector<size_t> arts;
    for (const auto& m : e.mentions) arts.push_back(m.article);
    se.articles = article_ids(ev, arts);
    out.push_back(std::move(se));
  }
  std::stable_sort(out.begin(), out.end(), [](const StoryEntity& x, const StoryEntity& y) {
    if (x.articles.size() != y.articles.size()) return x.articles.size() > y.articles.size();
    return x.mentions > y.mentions;
  });
  if (out.size() > cfg.max_entities) out.resize(cfg.max_entities);
  return out;
}

namespace {

// Keeps the first `limit` items of a section and records how many it left out.
template <class T>
void keep_first(std::vector<T>& items, size_t limit, const char* section, CrossCheck& cc) {
  if (items.size() <= limit) return;
  cc.more[section] = items.size() - limit;
  items.resize(limit);
}

}  // namespace

CrossCheck cross_check(const StoryEvidence& given, const SynthResources& resources,
                       const SynthConfig& cfg) {
  // Each article read once for every section that reads it (claims, framing), unless the
  // caller kept the readings of an earlier cross-check.
  const StoryReadings readings(given, resources, cfg);
  StoryEvidence ev_with_readings;
  if (given.readings != readings.all()) {
    ev_with_readings = given;
    ev_with_readings.readings = readings.all();
  }
  const StoryEvidence& ev = given.readings == readings.all() ? given : ev_with_readings;
  CrossCheck cc;
  // The sections are built past their limits (each selection's first items do not depend
  // on its limit), then cut: the cut counts what a reader does not see.
  SynthConfig wide = cfg;
  for (size_t* limit :
       {&wide.max_corroborated, &wide.max_single_source, &wide.max_quotes, &wide.max_entities})
    *limit += kMoreCounted;
  ClaimSet claims = build_claims(ev, resources, cfg);
  cc.title = neutral_title(ev, claims, cfg, resources);
  cc.event_date = story_event_date(ev, claims);
  size_t quotes_found = 0;
  cc.quotes = merge_quotes(ev, resources, wide, &quotes_found);
  keep_first(cc.quotes, cfg.max_quotes, "quotes", cc);
  if (quotes_found > cfg.max_quotes_merged)
    cc.notices.push_back(
        fmt::format("cross-check merged the first {} quotes of the story; +{} more were not merged "
                    "(synth.max_quotes_merged)",
                    cfg.max_quotes_merged, quotes_found - cfg.max_quotes_merged));
  std::vector<char> disputed;
  size_t disagreements_left_out = 0;
  cc.disagreements =
      find_disagreements(ev, claims, cc.quotes, resources, cfg, &disputed, &disagreements_left_out);
  if (disagreements_left_out > 0) cc.more["disagreements"] = disagreements_left_out;
  cc.summary = summarize(ev, claims, cfg, resources.elisions(), cfg.summary_max_words, &disputed);
  cc.corroborated = corroborated_claims(ev, claims, resources, wide);
  keep_first(cc.corroborated, cfg.max_corroborated, "corroborated", cc);
  size_t single_source_shown = 0;
  cc.single_source = single_source_claims(ev, claims, resources, wide, cfg.max_single_source,
                                          &single_source_shown);
  keep_first(cc.single_source, single_source_shown, "single_source", cc);
  cc.entities = story_entities(ev, wide);
  keep_first(cc.entities, cfg.max_entities, "entities", cc);
  size_t timeline_left_out = 0;
  cc.timeline = build_timeline(ev, resources, cfg, &timeline_left_out);
  if (timeline_left_out > 0) cc.more["timeline"] = timeline_left_out;
  cc.framing = article_framing(ev, resources, cfg);
  return cc;
}

}  // namespace recoupe::synth
