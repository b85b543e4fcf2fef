// ArticleAnalysis: everything the later stages need to know about one article's text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/quantity.h"
#include "core/quote.h"
#include "core/sentence.h"
#include "core/temporal.h"

namespace recoupe {

// All offsets are UTF-8 byte offsets into the analysed `Article::text`.
// `reference_date` is the date relative expressions were resolved against (the article's
// publication date, else the caller's), empty when there was none.
struct ArticleAnalysis {
  std::string article_id;
  std::string language;
  std::optional<std::string> reference_date;
  std::vector<Sentence> sentences;
  std::vector<DateMention> dates;
  std::vector<Quantity> quantities;
  std::vector<Quote> quotes;
  // Named entities (with merged aliases) are added here by the entity stage
  // (src/analyze/entities*, src/core/entity.h).
};

}  // namespace recoupe
