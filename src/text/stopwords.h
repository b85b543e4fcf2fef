// Stop-word lists per language, from data/<lang>/, read once into a catalog that every stage
// shares (extraction, clustering terms, entities, synthesis).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace recoupe::text {

// An immutable set of folded stop words for one language. Thread-safe after construction.
class StopWords {
 public:
  StopWords() = default;
  // Folds (text::fold) every word of `words`.
  explicit StopWords(const std::vector<std::string>& words);

  // `folded_word` must be fold()ed; elided forms ("l'") match their bare letter.
  bool contains(std::string_view folded_word) const;
  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// Every language's stop-word lists, each file read once: data/<lang>/stopwords.txt (the broad
// list) and data/<lang>/stopwords-snowball.txt (Snowball's conservative list, where it
// exists). The stages derive what they need from these (folded sets, lower-cased sets,
// non-name words) instead of reading the files again. Immutable after load(); thread-safe.
class StopWordCatalog {
 public:
  // Reads the lists of every language folder (a two- or three-letter name) of `data_dir`. A
  // language without a list simply has none. Cost: ≈ 20 ms for the 60 shipped languages.
  static StopWordCatalog load(const std::string& data_dir);

  // The languages that have a broad list, sorted.
  std::vector<std::string> languages() const;
  // The lines of stopwords.txt as written (comments and blanks dropped); empty when none.
  const std::vector<std::string>& broad(const std::string& lang) const;
  // The lines of stopwords-snowball.txt; empty when the language has no Snowball list.
  const std::vector<std::string>& snowball(const std::string& lang) const;
  // The broad list folded; an empty set for a language without one.
  const StopWords& folded(const std::string& lang) const;
  // The folded set, or nullptr when the language has no broad list.
  const StopWords* find(const std::string& lang) const;

 private:
  struct Lists {
    std::vector<std::string> broad, snowball;
    StopWords folded;
  };
  std::map<std::string, Lists, std::less<>> by_lang_;
  Lists none_;
};

}  // namespace recoupe::text
