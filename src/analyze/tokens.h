// Tokens and phrase lists shared by the date, quantity and quote finders.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recoupe::analyze {

enum class TokenKind { kWord, kNumber, kPunct };

// One token of a text as the finders see it: a run of letters (with combining marks), a run
// of ASCII digits, or one other non-space character. These are pieces of the text's token
// stream (text::tokenize), each stream token cut at its inner '-', '.' and apostrophes and
// where letters meet digits ("l'État" → "l", "'", "État"; "G7" → "G", "7"; "3.5" → "3", ".",
// "5"), so that phrase lists match word by word. `folded` is the piece lower-cased without
// diacritics, with typographic apostrophes and dashes made ASCII (text::fold), so "l’État"
// gives "l", "'", "etat". Offsets are UTF-8 bytes into the tokenized text.
struct Token {
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool upper = false;           // first letter is upper/title case
  bool space_before = false;    // whitespace separates it from the previous token
  bool newline_before = false;  // that whitespace holds a line break
  std::string folded;
};

// Tokens of `utf8`. Invalid bytes are skipped. Cost: linear (one pass of text::TokenScanner);
// one short string per token. Pure; thread-safe.
std::vector<Token> tokenize(std::string_view utf8);

// A list of phrases (each a sequence of folded tokens) with a payload, matched on token
// sequences. Built once from data files; immutable afterwards, so safe to share across
// threads.
class PhraseSet {
 public:
  // Adds `phrase` (tokenized and folded like text) with `payload`. Empty phrases are ignored.
  void add(std::string_view phrase, int payload = 0);
  // Length in tokens of the longest phrase starting at tokens[i], 0 when none; its payload
  // goes to *payload. Cost: proportional to the phrases sharing tokens[i]'s first token.
  size_t match(const std::vector<Token>& tokens, size_t i, int* payload = nullptr) const;
  // Same, for a phrase that ends at tokens[i] (inclusive). Returns its length in tokens.
  size_t match_ending(const std::vector<Token>& tokens, size_t i, int* payload = nullptr) const;
  // Same as match / match_ending, but each token must also be written as in the phrase
  // (accents and case kept), so that "annoncé" does not match the noun "annonce" nor
  // "said" the name "Said". `text` is the text the tokens come from.
  size_t match_exact(std::string_view text, const std::vector<Token>& tokens, size_t i) const;
  size_t match_ending_exact(std::string_view text, const std::vector<Token>& tokens,
                            size_t i) const;
  bool contains_word(const std::string& folded) const { return single_.count(folded) > 0; }
  bool empty() const { return by_first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> words;
    std::vector<std::string> raw;  // as written in the data file
    int payload = 0;
  };
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
  std::unordered_map<std::string, std::vector<Entry>> by_last_;
  std::unordered_map<std::string, int> single_;
};

// Splits "key = a|b" into key and value (both trimmed); false when there is no " = ".
bool split_key_value(std::string_view line, std::string* key, std::string* value);

}  // namespace recoupe::analyze
