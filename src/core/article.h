// Article: one cleaned news article, the unit every later stage works on.
#pragma once

#include <optional>

#include <string>
#include <vector>
#include "core/calendar.h"

namespace recoupe {

// Fields follow formats.md. An optional that is empty means "unknown": we print null
// rather than a guess presented as fact.
struct Article {
  std::string id;
  std::string file;
  std::optional<std::string> url;
  std::optional<std::string> source;  // the outlet ("latribune.fr", "Le HuffPost")
  std::optional<std::string> title;
  std::optional<std::string> published;  // ISO 8601 date or date-time, as given (for output)
  // `published` parsed once, where the article is made (parse_publication_time); empty when
  // unknown or not a valid date. Every computation on dates reads this, never the string.
  std::optional<PublicationTime> published_at;
  std::optional<std::string> author;
  std::optional<std::string> agency;    // wire agency credited (AFP, Reuters, TASS…)
  std::optional<std::string> language;  // ISO 639-1
  double language_confidence = 0.0;     // 0..1
  int words = 0;                        // words in `text`
  std::string text;                     // main text, paragraphs joined by "\n\n"
  std::vector<std::string> paragraphs;
  std::optional<std::string> event;  // gold label carried through for evaluation
  // A fetched page's address after redirects and its fetch time (RawDocument's), else empty.
  std::optional<std::string> final_url, fetched_at;
  // What was changed in or left out of this input on the way, one line each, so that nothing
  // is lost silently: a date that is not a date, a text cut at a limit, an id already taken.
  // The commands print each on stderr naming `file` and keep them in the article's JSON.
  std::vector<std::string> warnings;
};

}  // namespace recoupe
