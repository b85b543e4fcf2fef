// The held-out NER corpora `recoupe eval-ner` scores: DIR/<corpus>/<lang>-test.jsonl.zst
// (analyze/ner_corpus.h reads the files; default DIR ../shared/data/ner).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/ner_corpus.h"
#include "core/expected.h"

namespace recoupe::eval {

struct NerTestSet {
  std::string path;    // DIR/<corpus>/<lang>-test.jsonl.zst
  std::string corpus;  // <corpus>
  std::string lang;    // <lang>
};

// The folder of corpora: `given` when not empty, else $RECOUPE_NER_DIR when set, else
// ../shared/data/ner.
std::string ner_corpus_dir(const std::string& given);

// Every DIR/<corpus>/<lang>-test.jsonl.zst, sorted by path, whatever its type (the caller
// refuses a name that is not a regular file). Empty when there is none or the folder cannot
// be read.
std::vector<NerTestSet> find_ner_test_sets(const std::string& dir);

// The tagged sentences of `set` (analyze::read_ner_corpus); lines that are not a tagged
// sentence are left out, each with an error in `skipped`. Error naming the file when it
// cannot be read.
Expected<std::vector<analyze::TaggedSentence>> read_ner_test_set(const NerTestSet& set,
                                                                 std::vector<Error>& skipped);

// The entity types the corpus of `set` annotates: those with a span (a "B-TYPE" tag) in its
// train split, DIR/<corpus>/<lang>-train.jsonl.zst. Europeana and Universal NER have no MISC
// in their guidelines, and so none there: the tagger's MISC spans are then left out of their
// scores (drop_unannotated) instead of counting as errors against a type the gold never
// marks. Every type when the train split is missing or cannot be read.
std::array<bool, analyze::kNerTypes> annotated_types(const NerTestSet& set);

// Clears (to O) the spans of `tags` whose type `annotated` leaves out.
void drop_unannotated(std::vector<uint8_t>& tags,
                      const std::array<bool, analyze::kNerTypes>& annotated);

}  // namespace recoupe::eval
