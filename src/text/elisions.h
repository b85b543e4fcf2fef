// Elisions: short words that lose their vowel before another word and are written joined to
// it by an apostrophe ("l'État", "qu'il", "dell'Unione", "z'n"). Tokenizers split them off,
// so that "État" is the same word in "l'État" and "cet État".
//
// The lists are language data, one file per language: data/<lang>/elisions.txt (lower case,
// one word per line, without the apostrophe; '#' starts a comment line). The rules hold the
// union of every language's list: a text's language is not always known when it is cut into
// words, and the words of one list do not occur before an apostrophe in the others.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "core/expected.h"

namespace recoupe::text {

// Immutable after load; const methods are thread-safe.
class ElisionRules {
 public:
  // `lowered`: the letters before an apostrophe, lower case (text::lower_case). Constant time.
  bool is_elided(std::string_view lowered) const { return words_.count(std::string(lowered)) > 0; }
  size_t size() const { return words_.size(); }

 private:
  friend Expected<ElisionRules> load_elision_rules(const std::string& data_dir);
  std::unordered_set<std::string> words_;
};

// Reads data/<lang>/elisions.txt of every language folder under `data_dir`. Error (naming the
// file) when a line is not one lower-case word without apostrophe or space, or when no
// language has the file (a data folder without data/fr/elisions.txt is incomplete). Cost: a
// directory listing and a few small files.
Expected<ElisionRules> load_elision_rules(const std::string& data_dir);

}  // namespace recoupe::text
