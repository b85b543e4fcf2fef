// The analyze stage: Article → ArticleAnalysis (sentences, dates, quantities, quotes).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "analyze/dates.h"
#include "analyze/quantities.h"
#include "analyze/quotes.h"
#include "core/analysis.h"
#include "core/article.h"
#include "text/sentences.h"

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
  // Loads every data/<lang>/ folder of `data_dir` (text::find_data_dir() when empty).
  // Missing files leave that part of a language empty; never fails. Cost: a few ms.
  static AnalysisResources load(const std::string& data_dir = {});

  // Resources for `lang`; a language without data gets English rules for quotes and numbers
  // written in digits, which are the most international, else empty ones.
  const LanguageResources& for_language(const std::string& lang) const;

 private:
  std::map<std::string, std::shared_ptr<const LanguageResources>> by_lang_;
  std::shared_ptr<const LanguageResources> fallback_;
};

// Analyses one article. Relative dates are resolved against the article's `published`
// date when it parses as ISO 8601, else against `reference_date` ("YYYY-MM-DD"), else left
// unresolved. The language is the article's, else "en". Never fails; pure and thread-safe.
// Cost: linear in the text (≥ 5 MB/s per core on news text, see bench/README.md).
ArticleAnalysis analyze_article(const Article& article, const AnalysisResources& resources,
                                std::optional<std::string> reference_date = std::nullopt);

}  // namespace recoupe::analyze
