#include "synth/analyzed_story.h"

#include <map>

namespace recoupe::synth {

StoryEvidence AnalyzedStory::evidence() const {
  StoryEvidence ev;
  ev.story_id = id;
  ev.language = language;
  for (const auto& a : articles) ev.articles.push_back(&a);
  for (const auto& a : analyses) ev.analyses.push_back(&a);
  ev.duplicate_of = duplicate_of;
  ev.duplicate_of.resize(articles.size());
  ev.entities = entities;
  ev.reference_date = reference_date;
  return ev;
}

AnalyzedStory analyze_story(std::string id, std::vector<Article> articles,
                            const analyze::AnalysisResources& resources,
                            const analyze::EntityResources* entities,
                            const analyze::QuoteConfig& quotes, const AnalyzeArticle& analyze_one) {
  AnalyzedStory s;
  s.id = std::move(id);
  std::map<std::string, int> langs;
  std::string latest;
  for (const auto& a : articles) {
    if (a.language) ++langs[*a.language];
    if (a.published_at && format_iso(a.published_at->date) > latest)
      latest = format_iso(a.published_at->date);
  }
  s.language = "en";
  int best = 0;
  for (const auto& [l, n] : langs)
    if (n > best) {
      best = n;
      s.language = l;
    }
  if (!latest.empty()) s.reference_date = latest;
  s.articles = std::move(articles);
  for (const auto& a : s.articles)
    s.analyses.push_back(analyze_one
                             ? analyze_one(a, s.reference_date)
                             : analyze::analyze_article(a, resources, s.reference_date, quotes));
  s.duplicate_of.assign(s.articles.size(), "");
  if (entities) {
    std::vector<std::vector<Entity>> per_article;
    for (size_t i = 0; i < s.articles.size(); ++i) {
      const Article& a = s.articles[i];
      // analyze_article already found them when its resources hold the entity finder.
      std::vector<Entity> ents =
          resources.entities()
              ? s.analyses[i].entities
              : analyze::find_entities(a.text, a.language.value_or(s.language), *entities);
      for (auto& e : ents) e.articles = {a.id};
      per_article.push_back(std::move(ents));
    }
    auto merged = analyze::merge_entities(std::move(per_article), entities->aliases());
    std::vector<const Article*> ptrs;
    for (const auto& a : s.articles) ptrs.push_back(&a);
    s.entities = evidence_entities(merged, ptrs);
  }
  return s;
}

}  // namespace recoupe::synth
