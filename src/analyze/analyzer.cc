#include "analyze/analyzer.h"

#include <algorithm>
#include <filesystem>

#include "analyze/person_names.h"
#include "analyze/tokens.h"
#include "text/data_dir.h"

namespace recoupe::analyze {
namespace {

std::shared_ptr<const LanguageResources> load_language(const std::string& dir,
                                                       const std::string& lang,
                                                       const text::StopWordCatalog& stop_words) {
  auto r = std::make_shared<LanguageResources>();
  r->sentences = text::load_sentence_rules(dir, lang);
  r->dates = load_date_rules(dir, lang);
  r->quantities = load_quantity_rules(dir, lang);
  r->quotes = load_quote_rules(dir, lang);
  for (const auto* list : {&stop_words.snowball(lang), &stop_words.broad(lang)})
    for (const auto& w : *list)
      for (const auto& t : tokenize(w)) r->not_names.insert(t.folded);
  for (const auto& [name, index] : r->dates.months) r->not_names.insert(name);
  for (const auto& [name, index] : r->dates.weekdays) r->not_names.insert(name);
  return r;
}

}  // namespace

AnalysisResources AnalysisResources::load(const std::string& dir,
                                          const text::StopWordCatalog& stop_words,
                                          std::shared_ptr<const EntityResources> entities) {
  AnalysisResources res;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_directory(ec)) continue;
    std::string lang = entry.path().filename().string();
    res.by_lang_[lang] = load_language(dir, lang, stop_words);
  }
  res.entities_ = std::move(entities);
  auto en = res.by_lang_.find("en");
  res.fallback_ = en != res.by_lang_.end() ? en->second : std::make_shared<LanguageResources>();
  return res;
}

const LanguageResources& AnalysisResources::for_language(const std::string& lang) const {
  auto it = by_lang_.find(lang);
  return it != by_lang_.end() ? *it->second : *fallback_;
}

ArticleAnalysis analyze_article(const Article& article, const AnalysisResources& resources,
                                std::optional<std::string> reference_date,
                                const QuoteConfig& quotes) {
  ArticleAnalysis a;
  a.article_id = article.id;
  a.language = article.language.value_or("en");
  const LanguageResources& r = resources.for_language(a.language);

  std::optional<CivilDate> ref;
  if (article.published_at) ref = article.published_at->date;
  if (!ref && reference_date) ref = parse_iso_date(*reference_date);
  if (ref) a.reference_date = format_iso(*ref);

  const std::string& text = article.text;
  a.sentences = text::split_sentences(text, r.sentences);
  std::vector<Token> tokens = tokenize(text);
  a.dates = find_dates(text, tokens, r.dates, ref);
  std::vector<std::pair<size_t, size_t>> date_spans;
  date_spans.reserve(a.dates.size());
  for (const auto& d : a.dates) date_spans.push_back({d.begin, d.end});
  a.quantities = find_quantities(text, tokens, r.quantities, date_spans);
  std::vector<NameSpan> names;
  if (const EntityResources* er = resources.entities()) {
    a.entities = find_entities(text, a.language, *er);
    std::vector<size_t> sentence_begins;
    sentence_begins.reserve(a.sentences.size());
    for (const auto& s : a.sentences) sentence_begins.push_back(s.begin);
    assign_sentences(a.entities, sentence_begins);
    // Speaker candidates: the capitalized names of the text (which include metonymies such as
    // "Washington a affirmé" and names the tagger mistypes), completed by the tagger's person
    // and organization mentions; where the two overlap, the longer span wins ("Ankit Panda"
    // over "Panda").
    names = guess_speaker_names(text, tokens, r.not_names);
    for (auto& e : a.entities) {
      e.articles = {article.id};
      if (e.type != EntityType::person && e.type != EntityType::organization) continue;
      for (const auto& m : e.mentions) {
        NameSpan span{m.begin, m.end,
                      1 + static_cast<int>(std::count(m.text.begin(), m.text.end(), ' '))};
        bool covered = false;
        for (NameSpan& n : names) {
          if (!(span.begin < n.end && n.begin < span.end)) continue;
          covered = true;
          if (span.end - span.begin > n.end - n.begin) n = span;
          break;
        }
        if (!covered) names.push_back(span);
      }
    }
    std::sort(names.begin(), names.end(),
              [](const NameSpan& x, const NameSpan& y) { return x.begin < y.begin; });
  } else {
    names = guess_speaker_names(text, tokens, r.not_names);
  }
  a.quotes = find_quotes(text, tokens, a.sentences, names, r.quotes, quotes);
  return a;
}

}  // namespace recoupe::analyze
