// The words the text and HTML views print around the data, in the reader's language.
// Adding a language adds one table in view_labels.cc (these are interface strings, not
// language resources of the engine). Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/report.h"

namespace recoupe::report {

struct ViewLabels {
  std::string_view lang;  // BCP 47 code of these labels ("en", "fr")
  std::string_view report_title;
  std::string_view summary;
  std::string_view corroborated;
  std::string_view single_source;
  std::string_view disagreements;
  std::string_view quotes;
  std::string_view entities;
  std::string_view people;
  std::string_view places;
  std::string_view organizations;
  std::string_view other_entities;
  std::string_view timeline;
  std::string_view framing;
  std::string_view sources;  // a story's cited articles (text view)
  std::string_view articles_heading;
  std::string_view untitled;
  std::string_view unknown_outlet;
  std::string_view one_outlet;       // a disagreement whose versions all come from one outlet
  std::string_view year_not_stated;  // after a day the texts give without its year
  std::string_view unattributed;
  std::string_view also_called;
  std::string_view other_wordings;
  std::string_view reprint_of;
  std::string_view full_text;
  std::string_view distinctive_terms;
  std::string_view more;  // "and N more"
  std::string_view no_stories;
  std::string_view footer;
  // Count nouns, singular and plural.
  std::string_view story, stories;
  std::string_view article, articles;
  std::string_view outlet, outlets;
  std::string_view mention, mentions;
  std::string_view word, words;
  bool zero_is_singular;  // French: "0 article"; English: "0 articles"
};

// The labels for `lang` ("fr", "fr-CA" → French); English for anything else.
const ViewLabels& labels_for(std::string_view lang);

// The languages the views have labels for, as the user may name them ("en, fr").
inline constexpr std::string_view kLabelLanguages = "en, fr";
// Whether `lang` ("fr", "en-GB", "FR_ca") is one of them, by its primary subtag; a user who
// asks for another gets an error rather than English in silence.
bool has_labels(std::string_view lang);

// The report's main language, to pick labels when the user names none: the language of
// the most articles (ties to the first seen), else of the first story, else "".
std::string report_language(const Report& report);

// The reader's word for a report `kind` value (disagreements: number, date, place, name,
// quote, detail; quotes: full, partial) in `labels`' language; the kind itself when unknown.
// An event date as a reader sees it: "2023-09-13" as is; "XXXX-07-02" (the texts give no
// year) as "07-02 (year not stated)".
std::string date_label(const ViewLabels& labels, std::string_view date);

std::string_view kind_label(const ViewLabels& labels, std::string_view kind);

// "1 article", "5 articles": `n` and the singular or plural noun, by the rule of `labels`.
std::string count_of(const ViewLabels& labels, long long n, std::string_view singular,
                     std::string_view plural);

}  // namespace recoupe::report
