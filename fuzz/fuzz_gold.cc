// libFuzzer target: arbitrary bytes as each gold file of the evaluation commands (summary
// references, labelled pairs, extraction gold, a NER corpus), read from a file as the
// commands read them. Checks: no exception escapes (nlohmann's type_error / out_of_range
// would abort), and every record refused names its line and says why.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "analyze/ner_corpus.h"
#include "eval/extraction_gold.h"
#include "eval/pair_gold.h"
#include "eval/summary_refs.h"

namespace {

void check(const recoupe::Error& e) {
  if (e.where.empty() || e.message.empty()) std::abort();  // a refusal names the line and why
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace recoupe;
  // The readers take a path, as the commands give them; one file per fuzzing process.
  static const std::string path = "/tmp/fuzz_gold_" + std::to_string(::getpid()) + ".jsonl";
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));

  if (auto refs = eval::read_summary_refs(path)) {
    for (const auto& e : refs->errors) check(e);
    for (const auto& r : refs->records)
      if (r.summaries.empty() || r.doc_ids.empty()) std::abort();
  }
  if (auto pairs = eval::read_pair_gold(path))
    for (const auto& e : pairs->errors) check(e);
  (void)eval::read_extraction_gold(path, [](Expected<eval::ExtractionGold> gold) {
    if (!gold) check(gold.error());
    return true;
  });
  std::vector<Error> skipped;
  if (auto corpus = analyze::read_ner_corpus(path, &skipped)) {
    for (const auto& e : skipped) check(e);
    for (const auto& s : *corpus)
      if (s.tokens.empty() || s.tokens.size() != s.tags.size()) std::abort();
  }
  return 0;
}
