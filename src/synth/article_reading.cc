#include "synth/article_reading.h"

#include "text/stemmer.h"

namespace recoupe::synth {

ArticleReading read_article(const Article& article, const ArticleAnalysis* analysis,
                            const std::string& language, const SynthResources& resources,
                            const SynthConfig& cfg) {
  ArticleReading r;
  r.language = language;
  const text::StopWords& stop = resources.stop_words(language);
  const text::Stemmer stemmer(language);
  r.words = content_words(article.text, stop, stemmer, resources.elisions());
  if (article.title)
    r.title_words = content_words(*article.title, stop, stemmer, resources.elisions());
  if (article.title && !article.title->empty())
    r.headline = *article.title;
  else if (analysis && !analysis->sentences.empty())
    r.headline = analysis->sentences[0].text;
  const FramingWords words{stop, resources.plain_words(language), resources.link_words(language)};
  r.framing_terms = count_framing_terms(r.headline, article.text, words, resources.elisions());
  if (analysis) {
    r.numbers = article_number_mentions(article, *analysis, language, resources);
    r.clauses = claim_clauses(article, *analysis, cfg, resources.elisions());
  }
  return r;
}

StoryReadings::StoryReadings(const StoryEvidence& ev, const SynthResources& resources,
                             const SynthConfig& cfg) {
  const size_t n = ev.articles.size();
  bool given = true;
  for (size_t a = 0; given && a < n; ++a) given = given_reading(ev, a) != nullptr;
  if (given) {
    readings_ = ev.readings;
    return;
  }
  own_.reserve(n);
  for (size_t a = 0; a < n; ++a)
    own_.push_back(read_article(*ev.articles[a], a < ev.analyses.size() ? ev.analyses[a] : nullptr,
                                ev.language, resources, cfg));
  for (const ArticleReading& r : own_) readings_.push_back(&r);
}

}  // namespace recoupe::synth
