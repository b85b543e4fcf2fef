#include "eval/ner_gold.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "analyze/gazetteer.h"

namespace recoupe::eval {

std::string ner_corpus_dir(const std::string& given) {
  if (!given.empty()) return given;
  const char* env = std::getenv("RECOUPE_NER_DIR");
  return env && *env ? env : "../shared/data/ner";
}

std::vector<NerTestSet> find_ner_test_sets(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string suffix = "-test.jsonl.zst";
  std::vector<fs::path> files;
  std::error_code ec;
  // The error_code overloads throughout: an entry that cannot be stat'ed or a folder that
  // fails mid-listing ends the listing instead of throwing filesystem_error.
  for (fs::directory_iterator sub(dir, ec), end; !ec && sub != end; sub.increment(ec)) {
    std::error_code sub_ec;
    if (!sub->is_directory(sub_ec)) continue;
    for (fs::directory_iterator f(sub->path(), sub_ec); !sub_ec && f != end; f.increment(sub_ec)) {
      std::string name = f->path().filename().string();
      if (name.size() > suffix.size() && name.ends_with(suffix)) files.push_back(f->path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<NerTestSet> out;
  for (const auto& f : files) {
    std::string name = f.filename().string();
    out.push_back(
        {f.string(), f.parent_path().filename().string(), name.substr(0, name.find('-'))});
  }
  return out;
}

Expected<std::vector<analyze::TaggedSentence>> read_ner_test_set(const NerTestSet& set,
                                                                 std::vector<Error>& skipped) {
  return analyze::read_ner_corpus(set.path, &skipped);
}

std::array<bool, analyze::kNerTypes> annotated_types(const NerTestSet& set) {
  std::array<bool, analyze::kNerTypes> out;
  out.fill(true);
  const std::string suffix = "-test.jsonl.zst";
  if (!set.path.ends_with(suffix)) return out;
  auto train = analyze::read_zstd_file(set.path.substr(0, set.path.size() - suffix.size()) +
                                       "-train.jsonl.zst");
  if (!train) return out;
  // A substring search, not a parse: the tag strings are quoted JSON strings, and a token
  // that reads "B-MISC" would only keep the type scored.
  constexpr const char* kTags[] = {"\"B-PER\"", "\"B-LOC\"", "\"B-ORG\"", "\"B-MISC\""};
  for (int t = 0; t < analyze::kNerTypes; ++t)
    out[static_cast<size_t>(t)] = train->find(kTags[t]) != std::string::npos;
  return out;
}

void drop_unannotated(std::vector<uint8_t>& tags,
                      const std::array<bool, analyze::kNerTypes>& annotated) {
  for (uint8_t& tag : tags)
    if (tag != 0 && !annotated[static_cast<size_t>((tag - 1) / 2)]) tag = 0;
}

}  // namespace recoupe::eval
