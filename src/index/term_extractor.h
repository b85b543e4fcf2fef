// TermExtractor: an article's text → the raw term counts every similarity is built from.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index/minhash.h"
#include "index/sparse_vector.h"
#include "index/term_dictionary.h"
#include "text/elisions.h"
#include "text/stemmer.h"
#include "text/stopwords.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace recoupe::index {

// The word lists one language needs for term extraction, from data/<lang>/.
struct TermLexicon {
  text::StopWords stop_words;                    // stopwords.txt
  std::unordered_set<std::string> calendar;      // months.txt, weekdays.txt (folded): never names
  std::unordered_set<std::string> number_words;  // number_words.txt values ("five"), folded
};

// Lexicons for every language met, built on first use from the shared stop-word catalog and
// data/<lang>/{months,weekdays,number_words}.txt, then immutable. Thread-safe (a mutex guards the
// first build of a language). `stop_words` must outlive the library.
class StopWordLibrary {
 public:
  StopWordLibrary(std::string data_dir, const text::StopWordCatalog& stop_words)
      : data_dir_(std::move(data_dir)), catalog_(stop_words) {}
  const TermLexicon& get(const std::string& lang) const;

 private:
  std::string data_dir_;
  const text::StopWordCatalog& catalog_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<TermLexicon>> lists_;
};

// Raw counts of one article, before any corpus statistics. Term ids come from the shared
// TermDictionary; the four channels use disjoint key spaces except title/body, which share
// stems so that a title word matches the same word in a body.
struct RawTerms {
  std::vector<TermWeight> title;  // stems of the title, stop words removed
  // Stems of the text, stop words removed; a table row ("Revs 34.6 mln vs 31.6 mln") gives
  // its figures ("n:34.6") instead of its words, and a wire dateline gives nothing.
  std::vector<TermWeight> body;
  std::vector<TermWeight> entities;  // entity keys ("e:" + stemmed, folded, Latin-script name)
  std::vector<TermWeight> numbers;   // numbers of 2+ digits and alphanumeric codes ("n:2008")
  MinHashSignature signature;        // MinHash of the text's word 5-grams
  int words = 0;
};

// External entity names (from the analyze stage) replace the built-in proxy when given.
struct EntityHints {
  std::optional<std::vector<std::string>> names;  // surface or canonical names, any case
};

// Turns text into RawTerms. Entity proxy (until the analyze stage provides named entities):
// capitalized words that are not at a sentence start, plus sentence-initial capitalized
// words seen capitalized elsewhere in the same text (the word after a wire dateline opens
// the text); stop words and month and weekday names (capitalized in English, not names)
// excluded. Non-Latin keys are
// transliterated to Latin (ICU Any-Latin; Latin-ASCII) so that "Путин" and "Putin" meet.
// One TermExtractor per thread (stemmers and the transliterator keep state); the dictionary
// and the stop-word library are shared. Cost: linear in the text; stems are cached.
// `elisions` cut text into words (text::word_spans); it and the library must outlive this.
class TermExtractor {
 public:
  TermExtractor(TermDictionary& dictionary, const StopWordLibrary& stop_words,
                const text::ElisionRules& elisions);
  ~TermExtractor();
  TermExtractor(const TermExtractor&) = delete;
  TermExtractor& operator=(const TermExtractor&) = delete;

  // `lang` is ISO 639-1 (empty or unknown: no stemming, no stop words).
  RawTerms extract(std::string_view lang, std::string_view title, std::string_view text,
                   const EntityHints& hints = {});

  // The folded, stemmed key of one word (exposed for tests).
  std::string stem_key(std::string_view lang, std::string_view folded_word);
  // Latin-script ASCII form of a folded key (identity for ASCII).
  std::string latin(std::string_view folded);

 private:
  text::Stemmer& stemmer(std::string_view lang);

  TermDictionary& dict_;
  const StopWordLibrary& stop_words_;
  const text::ElisionRules& elisions_;
  std::map<std::string, text::Stemmer, std::less<>> stemmers_;
  std::unordered_map<std::string, std::string> stem_cache_;  // lang + '\0' + word → stem
  std::unique_ptr<icu::Transliterator> translit_;
};

}  // namespace recoupe::index
