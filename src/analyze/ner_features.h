// Features of the entity tagger: what the model sees of each token. Shared by training
// (bench/ner_train.cc) and tagging, so that both compute exactly the same thing.
//
// Per token: bias; lower-case word; folded key; shape; prefixes 1–3 and suffixes 1–4 (bytes
// of the lower-case form); the two words before and after and their shapes; the bigrams with
// the previous and next word; capitalisation at a sentence start; gazetteer membership (the
// longest place name covering the token, by kind, begin/inside) of the token and its
// neighbours; given names (of the token, and of the previous token); context cues
// (data/<lang>/ner_cues.txt: "le président", "M.", "à", "said"…) right before or after the run of
// capitalised words holding the token; position in that run. Tag-dependent: previous tag, previous
// two tags, previous tag × word, × shape. Every feature is a 32-bit hash of its template and value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/gazetteer.h"
#include "analyze/ner_tokens.h"

namespace recoupe::analyze {

// The entity types the tagger knows, as in the corpora (CoNLL): PER, LOC, ORG, MISC.
enum NerType : uint8_t { kPer = 0, kLoc = 1, kOrg = 2, kMisc = 3 };
constexpr int kNerTypes = 4;

// Context cues of one language. Immutable after load; thread-safe.
class NerCues {
 public:
  // Reads data/<lang>/ner_cues.txt: one cue a line, "TYPE<TAB>before|after<TAB>phrase"
  // (TYPE: PER, LOC, ORG, MISC; '#' starts a comment). "before" cues precede a name ("le
  // président", "à"), "after" cues follow it (", a déclaré", "said"). Missing file: no cues.
  // Phrases are cut into tokens as texts are (tokenize_for_ner with `elisions`).
  static NerCues load(const std::string& data_dir, const std::string& lang,
                      const text::ElisionRules& elisions);

  void add(NerType type, bool before, std::string_view phrase, const text::ElisionRules& elisions);
  bool empty() const { return cues_.empty() && given_.empty(); }

  // Words that begin person names (data/names/given_names.txt, shared by every language;
  // loaded by load() too). Lower case.
  void add_given_name(std::string_view name);
  bool is_given_name(const std::string& lower) const { return given_.count(lower) > 0; }

  // Bit mask (1 << NerType) of the "before" cues whose last token is toks[end - 1].
  // With min_words > 1, only cues of at least that many words count ("porte-parole du").
  uint8_t before_mask(const std::vector<NerToken>& toks, size_t end, size_t min_words = 1) const;
  // Bit mask of the "after" cues starting at toks[begin] (one comma may come first).
  uint8_t after_mask(const std::vector<NerToken>& toks, size_t begin) const;

 private:
  struct Cue {
    std::vector<std::string> words;  // lower case
    NerType type;
    bool before;
  };
  std::vector<Cue> cues_;
  std::unordered_map<std::string, std::vector<size_t>> by_last_;   // before cues
  std::unordered_map<std::string, std::vector<size_t>> by_first_;  // after cues
  std::unordered_set<std::string> given_;
};

// What the context adds to a token (computed once per text).
struct NerAnnot {
  uint8_t gaz = 0;         // 0: no place; else 1 + 2 * PlaceKind + (inside ? 1 : 0)
  uint8_t cue_before = 0;  // NerCues masks for the capitalised run holding the token
  uint8_t cue_after = 0;
  uint8_t run = 0;     // 0: not capitalised; 1: first of its run; 2: inside; +2 if run ≥ 2
  bool given = false;  // capitalised and a word that begins person names
  const Place* place = nullptr;  // the gazetteer place starting at this token, if any
  uint8_t place_len = 0;         // tokens it covers
};

// Annotates every token (gazetteer may be null; cues may be empty). Linear in tokens (each
// capitalised token tries at most 6 following tokens against the gazetteer).
std::vector<NerAnnot> annotate(const std::vector<NerToken>& toks, const Gazetteer* gazetteer,
                               const NerCues& cues);

// Appends the tag-independent feature hashes of token i.
void static_features(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann, size_t i,
                     std::vector<uint32_t>& out);

// Per-token values the tag-dependent features combine with the previous tags.
struct DynamicBase {
  uint32_t word = 0;   // hash of the lower-case word
  uint32_t shape = 0;  // hash of the shape
};
DynamicBase dynamic_base(const NerToken& tok);

// The tag-dependent feature hashes, by what they depend on: the previous tag alone, the two
// previous tags, the previous tag × the word, × the shape (exact decoding sums them apart).
struct DynamicHashes {
  uint32_t prev = 0, prev2 = 0, prev_word = 0, prev_shape = 0;
};
DynamicHashes dynamic_hashes(const DynamicBase& base, int prev_tag, int prev2_tag);

// The previous tag × word and × shape hashes for previous tag p (dynamic_hashes(base, p, *)
// .prev_word and .prev_shape, without the others).
void previous_tag_hash(const DynamicBase& base, int p, uint32_t& word, uint32_t& shape);

// Appends the hashes of the tag-dependent features given the two previous tags (the four of
// dynamic_hashes).
void dynamic_features(const DynamicBase& base, int prev_tag, int prev2_tag,
                      std::vector<uint32_t>& out);

}  // namespace recoupe::analyze
