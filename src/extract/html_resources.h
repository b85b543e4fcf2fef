// Immutable data the HTML extractor needs: class/id cue lexicons, stop words per language,
// news agency names. Loaded once (engine::Resources) and passed by reference.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/expected.h"
#include "text/elisions.h"
#include "text/stopwords.h"

namespace recoupe::extract {

// One cue of a class/id lexicon: "word" (whole token or whole class name), "word*" (prefix),
// "*word*" (substring).
struct ClassCue {
  enum class Kind { kExact, kPrefix, kSubstring };
  Kind kind = Kind::kExact;
  std::string word;
  bool protects = false;  // content cues marked "!": shield an element from boilerplate cues
  bool matches(std::string_view token) const;
};

struct Agency {
  std::string name;                   // canonical ("AFP")
  std::vector<std::string> variants;  // spellings to look for, name included
};

class HtmlResources {
 public:
  // Loads data/html/{boilerplate_cues,content_cues,byline_prefixes}.txt and
  // data/agencies.txt; stop words come from `stop_words`, which must outlive this object.
  // A missing or empty file among those is an Error naming it. Cost: a few ms.
  // `elisions` (for cutting blocks into words) must outlive this object too.
  static Expected<HtmlResources> load(const std::string& data_dir,
                                      const text::StopWordCatalog& stop_words,
                                      const text::ElisionRules& elisions);

  std::vector<ClassCue> boilerplate;
  std::vector<ClassCue> content;
  std::vector<Agency> agencies;
  std::vector<std::string> byline_prefixes;  // lower case, data/html/byline_prefixes.txt

  // Stop words of `lang` (ISO 639-1), or nullptr when there is no list.
  const text::StopWords* stopwords(std::string_view lang) const;
  // The elision rules that cut a block into words (text::word_spans).
  const text::ElisionRules& elisions() const { return *elisions_; }

 private:
  const text::StopWordCatalog* stop_words_ = nullptr;
  const text::ElisionRules* elisions_ = nullptr;
};

}  // namespace recoupe::extract
