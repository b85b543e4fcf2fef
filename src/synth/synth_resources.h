// SynthResources: the language data the synthesis stage reads (stop words), loaded once.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "text/stopwords.h"

namespace recoupe::synth {

// Immutable after load(); safe to share across threads. A language without data gets an
// empty stop-word list (synthesis still runs, with noisier terms).
class SynthResources {
 public:
  // Loads data/<lang>/stopwords.txt for each of `languages` from `data_dir`.
  static SynthResources load(const std::string& data_dir,
                             const std::vector<std::string>& languages);

  // The stop words of `lang`; an empty list for a language not loaded.
  const text::StopWords& stop_words(const std::string& lang) const;

 private:
  std::map<std::string, text::StopWords> stop_words_;
  text::StopWords empty_;
};

}  // namespace recoupe::synth
