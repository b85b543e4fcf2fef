// Metadata of a scraped plain text, from its own lines: title, outlet, agency, author, date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/page_metadata.h"
#include "extract/text_classifier.h"
#include "extract/text_lines.h"

namespace recoupe::extract {

// A credit line: "Minute.bf avec AFP" → {outlet "Minute.bf", agency "AFP"}; "(avec AFP)",
// "AFP" alone, "SOURCE: AFP" → agency; "SOURCE: FRENCH PRESS TV" → outlet. Either may be
// empty, not both.
struct Credit {
  std::string outlet;
  std::string agency;
};

// The credit a short line gives, or nothing (a sentence is never a credit: "selon l'agence
// TASS" inside the body names a source quoted, not the article's agency).
std::optional<Credit> parse_credit(const LineFeatures& f, const TextCues& cues, int max_words = 8);

// The name after a byline cue: "Par Jean Dupont" → "Jean Dupont"; "Publié le … par
// latribune.fr" → "latribune.fr" (`is_host` true: an outlet, not a person). Nothing when the
// words after the cue are not a name (capitalized words or a host name).
struct Byline {
  std::string name;
  bool is_host = false;
};
std::optional<Byline> parse_byline(const LineFeatures& f, const TextCues& cues);

// Metadata from the classified lines. Evidence, strongest first:
// - date: a "published" cue line with a full date; else an "updated" one; else a date-only
//   line next to the title or the start of the body, unless it is among the first lines of the
//   page (a site's date widget, the day of the scrape). Never a date without a year.
// - outlet: a host name after "par/by" in a date line; a credit line ("X avec AFP",
//   "SOURCE: X"); weakest, the name after a teaser cue ("À voir également sur Le HuffPost :"),
//   which is the site hosting the teasers, hence almost always the outlet itself.
// - agency: credit lines only (short, not a sentence), and a dateline "PARIS (AFP) -".
// - author: a byline line of capitalized words.
// - title: the line the classifier chose.
// Fields not found stay empty. Thread-safe (pure).
PageMetadata text_metadata(const std::vector<LineFeatures>& lines,
                           const LineClassification& classes, const TextCues& cues);

}  // namespace recoupe::extract
