// CrossCheck: what the synthesis stage says about one story, field for field the story part
// of docs/formats.md (title, event_date, summary, corroborated, single_source, disagreements,
// quotes, entities, timeline, framing). Plain values; report/build_report.h puts them in the
// Report (core/report.h), report/report_json.h writes them.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace recoupe {

// Every `articles` list holds article ids (Article::id), sorted in the story's article
// order, without repeats. A cited article really contains the statement (the sentence itself
// or one aligned with it).

// One summary sentence and every article that supports it.
struct SummarySentence {
  std::string text;
  std::vector<std::string> articles;
};

// A fact stated by two or more independent outlets (near-duplicates count once).
struct CorroboratedClaim {
  std::string claim;
  std::vector<std::string> articles;
  int outlets = 0;  // independent outlets behind it (additive field "outlets")
};

// A fact stated by one outlet only. `article` is the article the text comes from;
// `articles` (additive field) adds that outlet's other copies (near-duplicates, reprints).
struct SingleSourceClaim {
  std::string claim;
  std::string article;
  std::vector<std::string> articles;
};

// One way a disagreeing fact is told, and who tells it that way.
struct DisagreementVersion {
  std::string value;
  std::vector<std::string> articles;
};

// Aligned statements that differ in a number, date, place, name, the wording of a quote or a
// detail (a colour, a means of transport). `about` says what the versions disagree on;
// `kind` (additive) is one of "number", "date", "place", "name", "quote", "detail".
struct Disagreement {
  std::string about;
  std::string kind;
  std::vector<DisagreementVersion> versions;
  // Every version comes from one outlet (a caption against its own article's text): the
  // outlet contradicts itself; outlets do not disagree.
  bool one_outlet = false;
};

// One wording of a quote and the articles that print it in those words.
struct QuoteVariant {
  std::string text;
  std::vector<std::string> articles;
};

// A statement quoted by one or more articles; translations or trims of the same statement
// are one quote, `variants` (additive) lists each wording when there are several.
// `kind` (additive): "full" or "partial" (a few words quoted inside the writer's sentence).
struct MergedQuote {
  std::string speaker;  // canonical entity name when resolvable, else as written; may be ""
  std::string text;     // the wording cited by most articles (longest on ties)
  std::vector<std::string> articles;
  std::string kind = "full";
  std::vector<QuoteVariant> variants;
};

// A named entity of the story with its merged aliases.
struct StoryEntity {
  std::string name;
  std::string type;  // "person" | "place" | "organization" | "other"
  std::vector<std::string> aliases;
  int mentions = 0;
  std::vector<std::string> articles;
};

// A dated event: `date` is ISO 8601 at its precision ("2023-09-13", "2023-09", "2019");
// `precision` (additive) is "day", "week", "month" or "year".
struct TimelineEntry {
  std::string date;
  std::string precision;
  std::string what;
  std::vector<std::string> articles;
};

// How one article tells the story: its headline and the terms that set it apart.
struct ArticleFraming {
  std::string article;
  std::string headline;
  std::vector<std::string> distinctive_terms;
};

struct CrossCheck {
  std::string title;
  std::string event_date;  // ISO day, "" when the story has no dated event
  std::vector<SummarySentence> summary;
  std::vector<CorroboratedClaim> corroborated;
  std::vector<SingleSourceClaim> single_source;
  std::vector<Disagreement> disagreements;
  std::vector<MergedQuote> quotes;
  std::vector<StoryEntity> entities;
  std::vector<TimelineEntry> timeline;
  std::vector<ArticleFraming> framing;
  // What the cross-check left out of a story over its limits (synth/cross_check_budget.h),
  // one sentence each ("cross-check used the first 1843 sentences … of article X"); empty
  // for every story within them.
  std::vector<std::string> notices;
  // Items a section left out past its display limit (synth.max_corroborated, …), by
  // section name ("corroborated", "single_source", "disagreements", "quotes", "entities",
  // "timeline"): the views say "+N more". Counted up to kMoreCounted past the limit. Empty
  // when every section is within its limit.
  std::map<std::string, size_t> more;
};

// How far past a section's limit the cross-check counts the items it leaves out.
inline constexpr size_t kMoreCounted = 1000;

}  // namespace recoupe
