// Tagged NER corpora (../shared/data/ner/<corpus>/<lang>-{train,test}.jsonl.zst: one JSON
// sentence a line, {"tokens": [...], "tags": ["O", "B-PER", ...]}, strict IOB2) and their
// spans, read by the trainer, the tagger and `recoupe eval-ner` (whose scores are in
// eval/ner_scores.h).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/ner_features.h"
#include "core/expected.h"

namespace recoupe::analyze {

struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<uint8_t> tags;  // NerModel tag ids (0 = O, 1 + 2t = B-t, 2 + 2t = I-t)
};

// Reads a .jsonl or .jsonl.zst corpus (memory: the whole decompressed file). Blank lines are
// skipped. A line that is not a JSON object with non-empty "tokens" and "tags" arrays of
// strings, of one length, is skipped (with an error naming "file:line" and why in `skipped`
// when given). Unknown tags (not B-/I- of PER, LOC, ORG, MISC) become O. Error when the file
// cannot be read.
Expected<std::vector<TaggedSentence>> read_ner_corpus(const std::string& path,
                                                      std::vector<Error>* skipped = nullptr);

// An entity span over tokens [begin, end).
struct TagSpan {
  size_t begin = 0;
  size_t end = 0;
  NerType type = kMisc;
  bool operator==(const TagSpan&) const = default;
};

// Spans of a tag sequence, CoNLL style: B-t opens a span, I-t continues a span of type t,
// an I-t that continues nothing opens one.
std::vector<TagSpan> tag_spans(const std::vector<uint8_t>& tags);

}  // namespace recoupe::analyze
