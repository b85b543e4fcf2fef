// The analyze stage: Article → ArticleAnalysis (sentences, dates, quantities, quotes).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "analyze/dates.h"
#include "analyze/entities.h"
#include "analyze/quantities.h"
#include "analyze/quotes.h"
#include "core/analysis.h"
#include "core/article.h"
#include "text/sentences.h"
#include "text/stopwords.h"

namespace recoupe::analyze {

// Everything one language needs, loaded from data/<lang>/.
struct LanguageResources {
  text::SentenceRules sentences;
  DateRules dates;
  QuantityRules quantities;
  QuoteRules quotes;
  std::unordered_set<std::string> not_names;  // folded words that are never names
};

// The language resources of every language under a data folder, loaded once.
// Immutable after load(); safe to share across threads without locking.
class AnalysisResources {
 public:
  // Loads every data/<lang>/ folder of `data_dir`; non-name words come from `stop_words`.
  // `entities` (may be null: analysis then runs without entities) is shared, not copied.
  // Missing files leave that part of a language empty; never fails. Cost: a few ms.
  static AnalysisResources load(const std::string& data_dir,
                                const text::StopWordCatalog& stop_words,
                                std::shared_ptr<const EntityResources> entities);

  // Resources for `lang`; a language without data gets English rules for quotes and numbers
  // written in digits, which are the most international, else empty ones.
  const LanguageResources& for_language(const std::string& lang) const;

  // The entity finder's resources (gazetteer, NER models, aliases); nullptr when none were
  // given, in which case analysis runs without entities and finds speakers by the
  // capitalized-name heuristic.
  const EntityResources* entities() const { return entities_.get(); }

 private:
  std::map<std::string, std::shared_ptr<const LanguageResources>> by_lang_;
  std::shared_ptr<const LanguageResources> fallback_;
  std::shared_ptr<const EntityResources> entities_;
};

// Analyses one article. Relative dates are resolved against the article's `published`
// date when it parses as ISO 8601, else against `reference_date` ("YYYY-MM-DD"), else left
// unresolved. The language is the article's, else "en". Never fails; pure and thread-safe.
// Cost: linear in the text (≥ 5 MB/s per core on news text, see bench/README.md).
ArticleAnalysis analyze_article(const Article& article, const AnalysisResources& resources,
                                std::optional<std::string> reference_date = std::nullopt,
                                const QuoteConfig& quotes = {});

}  // namespace recoupe::analyze
