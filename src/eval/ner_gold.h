// The held-out NER corpora `recoupe eval-ner` scores: DIR/<corpus>/<lang>-test.jsonl.zst
// (analyze/ner_corpus.h reads the files; default DIR ../shared/data/ner).
#pragma once

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

}  // namespace recoupe::eval
