#include "analyze/analyzer.h"

#include <filesystem>

#include "analyze/person_names.h"
#include "analyze/tokens.h"
#include "text/data_dir.h"

namespace recoupe::analyze {
namespace {

std::shared_ptr<const LanguageResources> load_language(const std::string& dir,
                                                       const std::string& lang) {
  auto r = std::make_shared<LanguageResources>();
  r->sentences = text::load_sentence_rules(dir, lang);
  r->dates = load_date_rules(dir, lang);
  r->quantities = load_quantity_rules(dir, lang);
  r->quotes = load_quote_rules(dir, lang);
  for (const char* file : {"stopwords-snowball.txt", "stopwords.txt"})
    for (const auto& w : text::read_list(dir, lang, file))
      for (const auto& t : tokenize(w)) r->not_names.insert(t.folded);
  for (const auto& [name, index] : r->dates.months) r->not_names.insert(name);
  for (const auto& [name, index] : r->dates.weekdays) r->not_names.insert(name);
  return r;
}

}  // namespace

AnalysisResources AnalysisResources::load(const std::string& data_dir) {
  AnalysisResources res;
  std::string dir = text::find_data_dir(data_dir);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_directory(ec)) continue;
    std::string lang = entry.path().filename().string();
    res.by_lang_[lang] = load_language(dir, lang);
  }
  auto en = res.by_lang_.find("en");
  res.fallback_ = en != res.by_lang_.end() ? en->second : std::make_shared<LanguageResources>();
  return res;
}

const LanguageResources& AnalysisResources::for_language(const std::string& lang) const {
  auto it = by_lang_.find(lang);
  return it != by_lang_.end() ? *it->second : *fallback_;
}

ArticleAnalysis analyze_article(const Article& article, const AnalysisResources& resources,
                                std::optional<std::string> reference_date) {
  ArticleAnalysis a;
  a.article_id = article.id;
  a.language = article.language.value_or("en");
  const LanguageResources& r = resources.for_language(a.language);

  std::optional<CivilDate> ref;
  if (article.published) ref = parse_iso_date(*article.published);
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
  // Speaker candidates: the capitalized-sequence heuristic until the entity stage provides
  // person and organization mentions (replace this call with them).
  std::vector<NameSpan> names = guess_speaker_names(text, tokens, r.not_names);
  a.quotes = find_quotes(text, tokens, a.sentences, names, r.quotes);
  return a;
}

}  // namespace recoupe::analyze
