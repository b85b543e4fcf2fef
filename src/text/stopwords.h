// Stop-word lists per language, from data/<lang>/.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace recoupe::text {

// An immutable set of folded stop words for one language. Thread-safe after construction.
class StopWords {
 public:
  StopWords() = default;
  // Loads data/<lang>/stopwords.txt (broad) or, with `conservative`, stopwords-snowball.txt
  // (falling back to the broad list when the language has no Snowball list).
  static StopWords load(const std::string& data_dir, const std::string& lang,
                        bool conservative = false);

  // `folded_word` must be fold()ed; elided forms ("l'") match their bare letter.
  bool contains(std::string_view folded_word) const;
  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

}  // namespace recoupe::text
