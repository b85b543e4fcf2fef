// StoryEvidence: everything the synthesis stage reads about one story.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "core/entity.h"

namespace recoupe::synth {

struct ArticleReading;  // synth/article_reading.h

// One mention of a story entity: bytes [begin, end) of articles[article]->text.
struct EvidenceMention {
  size_t article = 0;
  size_t begin = 0;
  size_t end = 0;
};

// A story-level entity after alias merging across the story's articles (the entity stage's
// output, converted by the caller): canonical name, type ("person", "place", "organization",
// "other"), every surface form seen, every mention.
struct EvidenceEntity {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::vector<EvidenceMention> mentions;
};

// The input of cross_check() for one story. Pointers are borrowed: the caller keeps the
// articles and analyses alive for the call. `articles`, `analyses` and `duplicate_of` are
// parallel and in the story's article order (publication order is best: the lead baseline
// and tie-breaks follow it).
//  - `duplicate_of[i]`: id of the article that articles[i] reprints (near-duplicate), or ""
//    when it is an original. Duplicates count as the same outlet as their original.
//  - `entities`: may be empty (no entity stage): alignment then uses capitalized words as a
//    weaker stand-in, and place/name disagreements are not reported.
//  - `reference_date`: the story's date (ISO) for articles without a publication date;
//    analyses were resolved against it already, it is used here to choose the event date.
//  - `readings`: may be empty; else parallel to `articles`, each article's reading under
//    `language` (synth/article_reading.h) kept from an earlier cross-check, which is then
//    not read again.
struct StoryEvidence {
  std::string story_id;
  std::string language;  // ISO 639-1 of the story; selects stop words and stemmer
  std::vector<const Article*> articles;
  std::vector<const ArticleAnalysis*> analyses;
  std::vector<std::string> duplicate_of;
  std::vector<EvidenceEntity> entities;
  std::optional<std::string> reference_date;
  std::vector<const ArticleReading*> readings;
};

// The reading of article `a` kept in `evidence.readings` when it was read under the story's
// language; null when there is none, and the caller reads the article itself.
const ArticleReading* given_reading(const StoryEvidence& evidence, size_t a);

// Converts the entity stage's story-level entities (analyze::merge_entities: mentions carry
// their article id) into evidence entities, mapping ids to indices of `articles`. Mentions
// of articles not in the list are dropped, and so are entities left without mentions.
std::vector<EvidenceEntity> evidence_entities(const std::vector<Entity>& merged,
                                              const std::vector<const Article*>& articles);

}  // namespace recoupe::synth
