#include "analyze/ner_features.h"

#include "text/data_dir.h"
#include "text/fold.h"

namespace recoupe::analyze {
namespace {

enum Template : uint8_t {
  kBias = 1,
  kWord,
  kKey,
  kShape,
  kPrefix,
  kSuffix,
  kWordM1,
  kWordP1,
  kWordM2,
  kWordP2,
  kShapeM1,
  kShapeP1,
  kBigramM1,
  kBigramP1,
  kSentCap,
  kGaz,
  kGazCap,
  kGazM1,
  kGazP1,
  kCueBefore,
  kCueAfter,
  kGiven,
  kGivenM1,
  kRun,
  kPrev,
  kPrev2,
  kPrevWord,
  kPrevShape,
  kLength
};

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h;
}
inline uint64_t fnv_byte(uint64_t h, uint8_t c) { return (h ^ c) * kFnvPrime; }
inline uint32_t finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return static_cast<uint32_t>(h);
}
inline uint32_t feat(Template t, std::string_view v) {
  return finish(fnv(fnv_byte(kFnvOffset, t), v));
}
inline uint32_t feat2(Template t, std::string_view a, std::string_view b) {
  return finish(fnv(fnv_byte(fnv(fnv_byte(kFnvOffset, t), a), 0x1f), b));
}
inline uint32_t feat_num(Template t, uint32_t a, uint32_t b = 0) {
  uint64_t h = fnv_byte(kFnvOffset, t);
  for (int k = 0; k < 4; ++k) h = fnv_byte(h, static_cast<uint8_t>(a >> (8 * k)));
  for (int k = 0; k < 4; ++k) h = fnv_byte(h, static_cast<uint8_t>(b >> (8 * k)));
  return finish(h);
}

constexpr std::string_view kBoundary = "<s>";

bool parse_type(std::string_view s, NerType& t) {
  if (s == "PER")
    t = kPer;
  else if (s == "LOC")
    t = kLoc;
  else if (s == "ORG")
    t = kOrg;
  else if (s == "MISC")
    t = kMisc;
  else
    return false;
  return true;
}

bool in_run(const NerToken& t) { return t.cap && t.alpha; }

// Cue words compare with the typographic apostrophe read as the typewriter one: news text
// writes "l’" where the cue list (and the training corpora) write "l'".
constexpr std::string_view kTypographicApostrophe = "\xE2\x80\x99";
bool has_typographic_apostrophe(std::string_view w) {
  return w.find(kTypographicApostrophe) != std::string_view::npos;
}
std::string plain_apostrophes(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size();) {
    if (w.substr(i, kTypographicApostrophe.size()) == kTypographicApostrophe) {
      out += '\'';
      i += kTypographicApostrophe.size();
    } else {
      out += w[i++];
    }
  }
  return out;
}
bool same_cue_word(const std::string& token_lower, const std::string& cue_word) {
  return token_lower == cue_word ||
         (has_typographic_apostrophe(token_lower) && plain_apostrophes(token_lower) == cue_word);
}
template <typename Index>
auto find_cue(const Index& index, const std::string& token_lower) {
  auto it = index.find(token_lower);
  if (it == index.end() && has_typographic_apostrophe(token_lower))
    it = index.find(plain_apostrophes(token_lower));
  return it;
}

}  // namespace

NerCues NerCues::load(const std::string& data_dir, const std::string& lang,
                      const text::ElisionRules& elisions) {
  NerCues cues;
  for (const auto& line : text::read_list(data_dir, lang, "ner_cues.txt")) {
    size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    size_t t2 = line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;
    NerType type;
    if (!parse_type(std::string_view(line).substr(0, t1), type)) continue;
    std::string_view pos = std::string_view(line).substr(t1 + 1, t2 - t1 - 1);
    if (pos != "before" && pos != "after") continue;
    cues.add(type, pos == "before", std::string_view(line).substr(t2 + 1), elisions);
  }
  for (const auto& name : text::read_list(data_dir, "names", "given_names.txt"))
    cues.add_given_name(name);
  return cues;
}

void NerCues::add(NerType type, bool before, std::string_view phrase,
                  const text::ElisionRules& elisions) {
  Cue cue{{}, type, before};
  // A cue ending in an elision ("l'") is cut as in a text, where a word follows it: alone,
  // the tokenizer would read the apostrophe as a mark of its own and the cue never match.
  std::string_view last = phrase.substr(phrase.size() - std::min<size_t>(phrase.size(), 3));
  bool elided = last.ends_with("'") || last.ends_with(kTypographicApostrophe);
  std::string cut(phrase);
  if (elided) cut += "x";
  for (auto& t : tokenize_for_ner(cut, elisions)) cue.words.push_back(plain_apostrophes(t.lower));
  if (elided && !cue.words.empty()) cue.words.pop_back();
  if (cue.words.empty()) return;
  size_t idx = cues_.size();
  if (before)
    by_last_[cue.words.back()].push_back(idx);
  else
    by_first_[cue.words.front()].push_back(idx);
  cues_.push_back(std::move(cue));
}

void NerCues::add_given_name(std::string_view name) { given_.insert(text::lower_case(name)); }

uint8_t NerCues::before_mask(const std::vector<NerToken>& toks, size_t end,
                             size_t min_words) const {
  if (end == 0 || by_last_.empty()) return 0;
  auto it = find_cue(by_last_, toks[end - 1].lower);
  if (it == by_last_.end()) return 0;
  uint8_t mask = 0;
  for (size_t idx : it->second) {
    const Cue& c = cues_[idx];
    if (c.words.size() > end || c.words.size() < min_words) continue;
    bool ok = true;
    for (size_t k = 0; k < c.words.size() && ok; ++k)
      ok = same_cue_word(toks[end - c.words.size() + k].lower, c.words[k]);
    if (ok) mask |= static_cast<uint8_t>(1u << c.type);
  }
  return mask;
}

uint8_t NerCues::after_mask(const std::vector<NerToken>& toks, size_t begin) const {
  if (by_first_.empty()) return 0;
  uint8_t mask = 0;
  for (int skip = 0; skip < 2; ++skip) {
    size_t b = begin + static_cast<size_t>(skip);
    if (b >= toks.size()) break;
    if (skip == 1 && toks[begin].text != ",") break;
    auto it = find_cue(by_first_, toks[b].lower);
    if (it == by_first_.end()) continue;
    for (size_t idx : it->second) {
      const Cue& c = cues_[idx];
      if (b + c.words.size() > toks.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < c.words.size() && ok; ++k)
        ok = same_cue_word(toks[b + k].lower, c.words[k]);
      if (ok) mask |= static_cast<uint8_t>(1u << c.type);
    }
  }
  return mask;
}

std::vector<NerAnnot> annotate(const std::vector<NerToken>& toks, const Gazetteer* gazetteer,
                               const NerCues& cues) {
  constexpr size_t kMaxPlaceTokens = 6;
  std::vector<NerAnnot> ann(toks.size());
  // Runs of capitalised words and the cues around them.
  for (size_t i = 0; i < toks.size();) {
    if (!in_run(toks[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < toks.size() && in_run(toks[j])) ++j;
    // A cue may stand one lower-case word away: "le président russe Vladimir Poutine".
    uint8_t before = cues.before_mask(toks, i);
    if (i >= 2 && toks[i - 1].alpha && !toks[i - 1].cap) before |= cues.before_mask(toks, i - 1);
    uint8_t after = cues.after_mask(toks, j);
    for (size_t k = i; k < j; ++k) {
      ann[k].cue_before = before;
      ann[k].cue_after = after;
      ann[k].run = static_cast<uint8_t>((k == i ? 1 : 2) + (j - i >= 2 ? 2 : 0));
      ann[k].given = cues.is_given_name(toks[k].lower);
    }
    i = j;
  }
  if (!gazetteer) return ann;
  std::string key;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!in_run(toks[i])) continue;
    key.clear();
    const Place* best = nullptr;
    size_t best_len = 0;
    for (size_t j = i; j < toks.size() && j < i + kMaxPlaceTokens; ++j) {
      const NerToken& t = toks[j];
      if (j > i && t.punct && !(t.text == "-" || t.text == "'" || t.text == "\xE2\x80\x99")) break;
      key += t.key;
      if (!in_run(t)) continue;  // a name ends on a capitalised word ("Corée du Nord")
      if (const Place* p = gazetteer->find(key)) {
        best = p;
        best_len = j - i + 1;
      }
    }
    if (!best) continue;
    ann[i].place = best;
    ann[i].place_len = static_cast<uint8_t>(best_len);
    uint8_t base = static_cast<uint8_t>(1 + 2 * static_cast<int>(best->kind));
    for (size_t k = i; k < i + best_len; ++k)
      if (ann[k].gaz == 0 || k == i) ann[k].gaz = static_cast<uint8_t>(base + (k == i ? 0 : 1));
  }
  return ann;
}

void static_features(const std::vector<NerToken>& toks, const std::vector<NerAnnot>& ann, size_t i,
                     std::vector<uint32_t>& out) {
  const NerToken& t = toks[i];
  const std::string_view w = t.lower;
  const std::string_view sh = t.shape;
  auto word_at = [&](ptrdiff_t k) -> std::string_view {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0 || j >= static_cast<ptrdiff_t>(toks.size())) return kBoundary;
    return toks[static_cast<size_t>(j)].lower;
  };
  out.push_back(feat(kBias, ""));
  out.push_back(feat(kWord, w));
  if (t.key != w) out.push_back(feat(kKey, t.key));
  out.push_back(feat(kShape, sh));
  for (size_t n = 1; n <= 3 && n < w.size(); ++n) out.push_back(feat(kPrefix, w.substr(0, n)));
  for (size_t n = 1; n <= 4 && n < w.size(); ++n)
    out.push_back(feat(kSuffix, w.substr(w.size() - n)));
  out.push_back(feat_num(kLength, static_cast<uint32_t>(std::min<size_t>(w.size(), 12))));
  std::string_view m1 = word_at(-1), p1 = word_at(1);
  out.push_back(feat(kWordM1, m1));
  out.push_back(feat(kWordP1, p1));
  out.push_back(feat(kWordM2, word_at(-2)));
  out.push_back(feat(kWordP2, word_at(2)));
  out.push_back(feat(kShapeM1, i > 0 ? std::string_view(toks[i - 1].shape) : kBoundary));
  out.push_back(
      feat(kShapeP1, i + 1 < toks.size() ? std::string_view(toks[i + 1].shape) : kBoundary));
  out.push_back(feat2(kBigramM1, m1, w));
  out.push_back(feat2(kBigramP1, w, p1));
  out.push_back(feat_num(kSentCap, (t.sent_start ? 1u : 0u) | (t.cap ? 2u : 0u) |
                                       (t.all_caps ? 4u : 0u) | (t.digit ? 8u : 0u)));
  const NerAnnot& a = ann[i];
  out.push_back(feat_num(kGaz, a.gaz));
  if (a.gaz) out.push_back(feat_num(kGazCap, a.gaz, (t.sent_start ? 1u : 0u)));
  out.push_back(feat_num(kGazM1, i > 0 ? ann[i - 1].gaz : 255u));
  out.push_back(feat_num(kGazP1, i + 1 < toks.size() ? ann[i + 1].gaz : 255u));
  for (uint32_t ty = 0; ty < kNerTypes; ++ty) {
    if (a.cue_before & (1u << ty)) out.push_back(feat_num(kCueBefore, ty, a.run));
    if (a.cue_after & (1u << ty)) out.push_back(feat_num(kCueAfter, ty, a.run));
  }
  out.push_back(feat_num(kRun, a.run, t.sent_start ? 1u : 0u));
  if (a.given) out.push_back(feat_num(kGiven, a.run));
  if (i > 0 && ann[i - 1].given) out.push_back(feat_num(kGivenM1, a.run));
}

DynamicBase dynamic_base(const NerToken& tok) {
  return {feat(kWord, tok.lower), feat(kShape, tok.shape)};
}

DynamicHashes dynamic_hashes(const DynamicBase& base, int prev_tag, int prev2_tag) {
  const auto prev = static_cast<uint32_t>(prev_tag);
  return {feat_num(kPrev, prev), feat_num(kPrev2, prev, static_cast<uint32_t>(prev2_tag)),
          feat_num(kPrevWord, prev, base.word), feat_num(kPrevShape, prev, base.shape)};
}

void previous_tag_hash(const DynamicBase& base, int p, uint32_t& word, uint32_t& shape) {
  word = feat_num(kPrevWord, static_cast<uint32_t>(p), base.word);
  shape = feat_num(kPrevShape, static_cast<uint32_t>(p), base.shape);
}

void dynamic_features(const DynamicBase& base, int prev_tag, int prev2_tag,
                      std::vector<uint32_t>& out) {
  DynamicHashes h = dynamic_hashes(base, prev_tag, prev2_tag);
  out.push_back(h.prev);
  out.push_back(h.prev2);
  out.push_back(h.prev_word);
  out.push_back(h.prev_shape);
}

}  // namespace recoupe::analyze
