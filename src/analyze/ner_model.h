// NerModel: a linear sequence tagger for named entities over BIO tags, and NerTrainer, which
// learns one from tagged sentences (averaged structured perceptron, decoded exactly by
// second-order Viterbi while training; tagging uses a beam search that scores the same).
// Features may depend on the two previous tags, so both decoders keep histories of two tags
// (greedy left-to-right decoding, used before, lost 3–8 F1 points on the held-out corpora).
//
// Tags: 0 = O, 1 + 2t = B-t, 2 + 2t = I-t for t in NerType (PER, LOC, ORG, MISC): 9 tags.
// Decoding never emits I-t after anything but B-t or I-t. Features: ner_features.h.
//
// Model file (data/ner/<lang>.model): one zstd frame; decompressed, little-endian:
//   "RCPNER02" (8 bytes) | uint32 tags (=9) | uint32 n_features | float scale |
//   n_features × { uint32 feature hash | uint16 mask of tags with a non-zero weight |
//                  int16 weight for each set bit, in tag order }
// weight = int16 × scale. Features absent from the file weigh 0. Features are sorted by hash.
// "RCPNER01" is the same format for a model trained with greedy decoding (before session 6):
// it is still read, and tagged greedily, as its weights expect; NerTrainer writes RCPNER02.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analyze/ner_features.h"
#include "core/expected.h"

namespace recoupe::analyze {

constexpr int kNerTags = 1 + 2 * kNerTypes;
// Beam search of the tagger: histories kept per token, and how far (in weight units of the
// trained perceptron) a history may fall behind the best before it is dropped. Beam 4 and
// margin 100 score as exact Viterbi on the held-out corpora (±0.1 F1) at about the speed of
// greedy decoding (most tokens keep one history); beam 2 or margin 30 lose 1–5 F1.
constexpr int kBeam = 4;
constexpr float kBeamMargin = 100.f;

inline int begin_tag(NerType t) { return 1 + 2 * t; }
inline int inside_tag(NerType t) { return 2 + 2 * t; }
inline bool tag_allowed(int prev, int tag) {
  return tag == 0 || (tag % 2 == 1) || prev == tag || prev == tag - 1;
}

// Immutable after load; tag() is thread-safe. Memory ≈ 48 bytes per feature.
class NerModel {
 public:
  NerModel() = default;

  // Reads a model file (format above). Error when missing, corrupt or of another version.
  static Expected<NerModel> load(const std::string& path);

  // Writes the model file (zstd level 19). Error when the file cannot be written.
  Expected<bool> save(const std::string& path) const;

  // One tag per token (beam search, kBeam and kBeamMargin above; greedy for an RCPNER01
  // model). Cost: ≈ 35 hash lookups per token, plus 2 per previous tag held in the beam
  // (usually one).
  std::vector<uint8_t> tag(const std::vector<NerToken>& toks,
                           const std::vector<NerAnnot>& ann) const;

  size_t features() const { return slots_.size() - empty_slots_; }
  // True for a model of format RCPNER01 (trained for greedy decoding, and tagged so).
  bool greedy() const { return greedy_; }

 private:
  friend class NerTrainer;
  void build(const std::vector<std::pair<uint32_t, std::array<int16_t, kNerTags>>>& rows,
             float scale);
  const int16_t* row(uint32_t hash) const;
  std::vector<uint8_t> tag_greedy(const std::vector<NerToken>& toks,
                                  const std::vector<NerAnnot>& ann) const;
  void add_scores(const std::vector<uint32_t>& feats, int32_t* scores) const;

  // Open addressing; key 0 = empty slot. Key and weights share a slot so that a lookup
  // touches one cache line.
  struct Slot {
    uint32_t key = 0;
    std::array<int16_t, kNerTags> w{};
  };
  std::vector<Slot> slots_;
  // One bit per (hash >> kFilterShift): a feature whose bit is clear is not in the model, so
  // the lookup skips the large table (most lexical features of unseen words). 32 KB, stays
  // in L1/L2 cache.
  static constexpr int kFilterBits = 18;
  std::vector<uint64_t> filter_;
  size_t empty_slots_ = 0;
  uint32_t mask_ = 0;
  float scale_ = 1.0f;
  bool greedy_ = false;
  // Weights of the previous-tag features (p1 × tag) and of the two-previous-tags features
  // ((p1 × p2) × tag), filled by build().
  std::vector<int32_t> prev_;
  std::vector<int32_t> pair_;
};

// Training settings (bench/ner_train.cc can override each).
struct NerTrainConfig {
  int epochs = 8;      // passes over the data; F1 on held-out data flattens after ≈ 6–8
  uint32_t seed = 42;  // sentence shuffling order
  int min_count = 2;   // features seen fewer times are dropped from the saved model
                       // (halves its size for < 0.5 F1 point)
};

// Collects tagged sentences, then trains. Not thread-safe; memory ≈ 150 bytes per token.
class NerTrainer {
 public:
  // tags: one per token, 0..kNerTags-1 (see above).
  void add(std::vector<NerToken> toks, std::vector<NerAnnot> ann, std::vector<uint8_t> tags);
  size_t sentences() const { return sents_.size(); }

  // Averaged structured perceptron: each sentence is decoded by second-order Viterbi with
  // the current weights and the features of the gold and decoded tags are updated where
  // they differ. `log` gets one line per epoch (token accuracy on the training data).
  NerModel train(const NerTrainConfig& cfg,
                 const std::function<void(const std::string&)>& log = {}) const;

 private:
  struct Sentence {
    std::vector<std::vector<uint32_t>> feats;  // static feature hashes per token
    std::vector<DynamicBase> dyn;
    std::vector<uint8_t> tags;
  };
  std::vector<Sentence> sents_;
};

}  // namespace recoupe::analyze
