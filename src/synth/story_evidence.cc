#include "synth/story_evidence.h"

#include <unordered_map>

#include "synth/article_reading.h"

namespace recoupe::synth {

std::vector<EvidenceEntity> evidence_entities(const std::vector<Entity>& merged,
                                              const std::vector<const Article*>& articles) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i]->id, i);
  std::vector<EvidenceEntity> out;
  for (const auto& e : merged) {
    EvidenceEntity ee;
    ee.name = e.name;
    // A name that runs across a line break is a tagging slip ("Peskov.\n\nSelon X"): the
    // longest alias on one line speaks for the entity.
    if (ee.name.find('\n') != std::string::npos) {
      std::string best;
      for (const auto& a : e.aliases)
        if (a.find('\n') == std::string::npos && a.size() > best.size()) best = a;
      if (!best.empty()) ee.name = best;
    }
    ee.type = std::string(to_string(e.type));
    for (const auto& a : e.aliases)
      if (a.find('\n') == std::string::npos) ee.aliases.push_back(a);
    for (const auto& m : e.mentions) {
      auto it = index.find(m.article);
      if (it == index.end()) continue;
      ee.mentions.push_back({it->second, m.begin, m.end});
    }
    if (!ee.mentions.empty()) out.push_back(std::move(ee));
  }
  return out;
}

const ArticleReading* given_reading(const StoryEvidence& ev, size_t a) {
  if (ev.readings.size() != ev.articles.size() || a >= ev.readings.size()) return nullptr;
  const ArticleReading* r = ev.readings[a];
  return r && r->language == ev.language ? r : nullptr;
}

}  // namespace recoupe::synth
