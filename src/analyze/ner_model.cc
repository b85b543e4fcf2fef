#include "analyze/ner_model.h"

#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>
#include <unordered_map>

#include "analyze/gazetteer.h"

namespace recoupe::analyze {
namespace {

// "RCPNER01": trained with greedy decoding, tagged greedily; "RCPNER02": trained with
// second-order Viterbi, tagged by beam search.
constexpr char kMagicGreedy[8] = {'R', 'C', 'P', 'N', 'E', 'R', '0', '1'};
constexpr char kMagic[8] = {'R', 'C', 'P', 'N', 'E', 'R', '0', '2'};

// Hash 0 marks an empty slot: remap it.
inline uint32_t nonzero(uint32_t h) { return h ? h : 0x9e3779b9u; }

template <class T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}
template <class T>
bool get(std::string_view in, size_t& pos, T& v) {
  if (pos + sizeof(T) > in.size()) return false;
  std::memcpy(&v, in.data() + pos, sizeof(T));
  pos += sizeof(T);
  return true;
}

constexpr int kPairs = kNerTags * kNerTags;

// The valid (p1, t) states of the decoder, each with the p2 that may come before p1:
// I-t only after B-t or I-t. 53 states, 309 (p2, p1, t) triples.
struct Transitions {
  struct State {
    uint8_t p1, t;
    uint8_t n_p2;
    std::array<uint8_t, kNerTags> p2;
  };
  std::array<State, kPairs> states{};
  int n_states = 0;
  Transitions() {
    for (int p1 = 0; p1 < kNerTags; ++p1)
      for (int t = 0; t < kNerTags; ++t) {
        if (!tag_allowed(p1, t)) continue;
        State& st = states[static_cast<size_t>(n_states++)];
        st.p1 = static_cast<uint8_t>(p1);
        st.t = static_cast<uint8_t>(t);
        for (int p2 = 0; p2 < kNerTags; ++p2)
          if (tag_allowed(p2, p1)) st.p2[st.n_p2++] = static_cast<uint8_t>(p2);
      }
  }
};
const Transitions kTransitions;

// Second-order Viterbi: the best tag sequence of n tokens when a token's score depends on
// its tag t, the previous tag p1 and the one before, p2 (every feature of ner_features.h):
//   local(i, L) fills L[p1 * kNerTags + t] with token i's score of t after p1;
//   pair[(p1 * kNerTags + p2) * kNerTags + t] is the score of t after p2, p1.
// Tags before the sentence are O. Cost: 309 additions per token.
template <class Score, class Local>
std::vector<uint8_t> viterbi(size_t n, Local&& local, const Score* pair) {
  std::vector<uint8_t> tags(n, 0);
  if (n == 0) return tags;
  // Scores are kept relative to the best state of the previous token, so that int32 sums
  // of int16 weights never overflow; unreachable states sit far below.
  const Score none = std::numeric_limits<Score>::lowest() / 4;
  std::vector<uint8_t> back(n * kPairs, 0);
  std::array<Score, kPairs> cur, next, L;
  cur.fill(none);
  local(0, L.data());
  for (int t = 0; t < kNerTags; ++t)
    if (tag_allowed(0, t)) cur[t] = L[t] + pair[t];  // p1 = p2 = O
  for (size_t i = 1; i < n; ++i) {
    local(i, L.data());
    Score top = none;
    for (Score v : cur) top = std::max(top, v);
    next.fill(none);
    uint8_t* bk = &back[i * kPairs];
    for (int k = 0; k < kTransitions.n_states; ++k) {
      const Transitions::State& st = kTransitions.states[static_cast<size_t>(k)];
      const int p1 = st.p1, t = st.t;
      const Score* pr = &pair[p1 * kNerTags * kNerTags + t];
      Score best = none;
      uint8_t arg = st.p2[0];
      for (int m = 0; m < st.n_p2; ++m) {
        const int p2 = st.p2[m];
        Score s = cur[p2 * kNerTags + p1] - top + pr[p2 * kNerTags];
        if (s > best) {
          best = s;
          arg = static_cast<uint8_t>(p2);
        }
      }
      next[p1 * kNerTags + t] = std::max(none, best + L[p1 * kNerTags + t]);
      bk[p1 * kNerTags + t] = arg;
    }
    cur = next;
  }
  int state = 0;
  for (int k = 1; k < kPairs; ++k)
    if (cur[k] > cur[state]) state = k;
  int p1 = state / kNerTags, t = state % kNerTags;
  for (size_t i = n; i-- > 0;) {
    tags[i] = static_cast<uint8_t>(t);
    int p2 = back[i * kPairs + p1 * kNerTags + t];
    t = p1;
    p1 = p2;
  }
  return tags;
}

}  // namespace

void NerModel::build(const std::vector<std::pair<uint32_t, std::array<int16_t, kNerTags>>>& rows,
                     float scale) {
  size_t cap = 16;
  while (cap < rows.size() * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  mask_ = static_cast<uint32_t>(cap - 1);
  scale_ = scale;
  for (const auto& [h0, w] : rows) {
    uint32_t h = nonzero(h0);
    uint32_t slot = h & mask_;
    while (slots_[slot].key != 0 && slots_[slot].key != h) slot = (slot + 1) & mask_;
    slots_[slot].key = h;
    slots_[slot].w = w;
    uint32_t bit = h >> (32 - kFilterBits);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  empty_slots_ = static_cast<size_t>(
      std::count_if(slots_.begin(), slots_.end(), [](const Slot& s) { return s.key == 0; }));
  // The features of the previous tags alone, looked up once here rather than per token.
  DynamicBase none;
  prev_.assign(kPairs, 0);
  pair_.assign(kPairs * kNerTags, 0);
  for (int p1 = 0; p1 < kNerTags; ++p1)
    for (int p2 = 0; p2 < kNerTags; ++p2) {
      DynamicHashes h = dynamic_hashes(none, p1, p2);
      if (p2 == 0)
        if (const int16_t* w = row(h.prev))
          for (int t = 0; t < kNerTags; ++t) prev_[p1 * kNerTags + t] = w[t];
      if (const int16_t* w = row(h.prev2))
        for (int t = 0; t < kNerTags; ++t) pair_[(p1 * kNerTags + p2) * kNerTags + t] = w[t];
    }
}

const int16_t* NerModel::row(uint32_t h0) const {
  if (slots_.empty()) return nullptr;
  uint32_t h = nonzero(h0);
  uint32_t bit = h >> (32 - kFilterBits);
  if (!(filter_[bit >> 6] & (uint64_t{1} << (bit & 63)))) return nullptr;
  uint32_t slot = h & mask_;
  while (true) {
    const Slot& s = slots_[slot];
    if (s.key == h) return s.w.data();
    if (s.key == 0) return nullptr;
    slot = (slot + 1) & mask_;
  }
}

void NerModel::add_scores(const std::vector<uint32_t>& feats, int32_t* scores) const {
  for (uint32_t f : feats)
    if (const int16_t* w = row(f))
      for (int t = 0; t < kNerTags; ++t) scores[t] += w[t];
}

std::vector<uint8_t> NerModel::tag_greedy(const std::vector<NerToken>& toks,
                                          const std::vector<NerAnnot>& ann) const {
  std::vector<uint8_t> tags(toks.size(), 0);
  std::vector<uint32_t> feats;
  feats.reserve(64);
  int prev = 0, prev2 = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    feats.clear();
    static_features(toks, ann, i, feats);
    dynamic_features(dynamic_base(toks[i]), prev, prev2, feats);
    int32_t scores[kNerTags] = {};
    add_scores(feats, scores);
    int t = 0;
    for (int c = 1; c < kNerTags; ++c)
      if (tag_allowed(prev, c) && scores[c] > scores[t]) t = c;
    tags[i] = static_cast<uint8_t>(t);
    prev2 = prev;
    prev = t;
  }
  return tags;
}

std::vector<uint8_t> NerModel::tag(const std::vector<NerToken>& toks,
                                   const std::vector<NerAnnot>& ann) const {
  if (greedy_) return tag_greedy(toks, ann);
  // Beam search over the model's second-order scores: the kBeam best histories (tags of the
  // last two tokens) are kept at each token; histories ending in the same two tags merge.
  const size_t n = toks.size();
  std::vector<uint8_t> tags(n, 0);
  if (n == 0) return tags;
  struct Hyp {
    int32_t score = 0;
    uint8_t p1 = 0, p2 = 0;  // tags of this token and of the one before
    uint8_t from = 0;        // index of the history it extends in the previous beam
  };
  const int32_t margin = static_cast<int32_t>(std::min(1e9f, kBeamMargin / scale_));
  std::vector<std::array<Hyp, kBeam>> beams(n);
  std::vector<uint8_t> sizes(n, 0);
  std::array<Hyp, kBeam> prev{};
  int n_prev = 1;  // before the sentence: tags O, O
  std::vector<uint32_t> feats;
  feats.reserve(64);
  std::array<int32_t, kPairs> best_by_state;
  std::array<uint8_t, kPairs> from_by_state;
  for (size_t i = 0; i < n; ++i) {
    feats.clear();
    static_features(toks, ann, i, feats);
    int32_t base[kNerTags] = {};
    add_scores(feats, base);
    DynamicBase db = dynamic_base(toks[i]);
    best_by_state.fill(std::numeric_limits<int32_t>::min());
    const int32_t top = prev[0].score;
    // Previous tag × word and × shape weights, once per previous tag the beam holds.
    std::array<int32_t, kNerTags * kNerTags> dyn;
    uint16_t dyn_done = 0;
    for (int k = 0; k < n_prev; ++k) {
      const Hyp& h = prev[static_cast<size_t>(k)];
      int32_t* d = &dyn[static_cast<size_t>(h.p1 * kNerTags)];
      if (!(dyn_done & (1u << h.p1))) {
        dyn_done = static_cast<uint16_t>(dyn_done | (1u << h.p1));
        for (int t = 0; t < kNerTags; ++t) d[t] = prev_[static_cast<size_t>(h.p1 * kNerTags + t)];
        uint32_t word, shape;
        previous_tag_hash(db, h.p1, word, shape);
        for (uint32_t f : {word, shape})
          if (const int16_t* w = row(f))
            for (int t = 0; t < kNerTags; ++t) d[t] += w[t];
      }
      int32_t s[kNerTags];
      const int32_t* w2 = &pair_[static_cast<size_t>((h.p1 * kNerTags + h.p2) * kNerTags)];
      for (int t = 0; t < kNerTags; ++t) s[t] = h.score - top + base[t] + d[t] + w2[t];
      for (int t = 0; t < kNerTags; ++t) {
        if (!tag_allowed(h.p1, t)) continue;
        size_t state = static_cast<size_t>(t * kNerTags + h.p1);
        if (s[t] > best_by_state[state]) {
          best_by_state[state] = s[t];
          from_by_state[state] = static_cast<uint8_t>(k);
        }
      }
    }
    // The beam: the best states, best first.
    auto& cur = beams[i];
    int n_cur = 0;
    for (size_t state = 0; state < kPairs; ++state) {
      int32_t sc = best_by_state[state];
      if (sc == std::numeric_limits<int32_t>::min()) continue;
      if (n_cur == kBeam && sc <= cur[static_cast<size_t>(n_cur - 1)].score) continue;
      int pos = n_cur < kBeam ? n_cur++ : kBeam - 1;
      while (pos > 0 && cur[static_cast<size_t>(pos - 1)].score < sc) {
        cur[static_cast<size_t>(pos)] = cur[static_cast<size_t>(pos - 1)];
        --pos;
      }
      cur[static_cast<size_t>(pos)] = {sc, static_cast<uint8_t>(state / kNerTags),
                                       static_cast<uint8_t>(state % kNerTags),
                                       from_by_state[state]};
    }
    // Histories far behind the best do not come back (most tokens are plainly O).
    while (n_cur > 1 && cur[static_cast<size_t>(n_cur - 1)].score < cur[0].score - margin) --n_cur;
    sizes[i] = static_cast<uint8_t>(n_cur);
    prev = cur;
    n_prev = n_cur;
  }
  int k = 0;
  for (size_t i = n; i-- > 0;) {
    const Hyp& h = beams[i][static_cast<size_t>(k)];
    tags[i] = h.p1;
    k = h.from;
  }
  return tags;
}

Expected<NerModel> NerModel::load(const std::string& path) {
  auto data = read_zstd_file(path);
  if (!data) return data.error();
  std::string_view in = *data;
  if (in.size() < 20 ||
      (std::memcmp(in.data(), kMagic, 8) != 0 && std::memcmp(in.data(), kMagicGreedy, 8) != 0))
    return Error{path, "not a recoupe NER model (bad magic)"};
  const bool greedy = std::memcmp(in.data(), kMagicGreedy, 8) == 0;
  size_t pos = 8;
  uint32_t tags = 0, n = 0;
  float scale = 0;
  get(in, pos, tags);
  get(in, pos, n);
  get(in, pos, scale);
  if (tags != kNerTags) return Error{path, "model has " + std::to_string(tags) + " tags"};
  std::vector<std::pair<uint32_t, std::array<int16_t, kNerTags>>> rows;
  rows.reserve(n);
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t h;
    uint16_t mask;
    if (!get(in, pos, h) || !get(in, pos, mask)) return Error{path, "truncated model"};
    std::array<int16_t, kNerTags> w{};
    for (int t = 0; t < kNerTags; ++t)
      if (mask & (1u << t))
        if (!get(in, pos, w[static_cast<size_t>(t)])) return Error{path, "truncated model"};
    rows.emplace_back(h, w);
  }
  NerModel m;
  m.build(rows, scale);
  m.greedy_ = greedy;
  return m;
}

Expected<bool> NerModel::save(const std::string& path) const {
  std::vector<uint32_t> order;
  for (uint32_t s = 0; s < slots_.size(); ++s)
    if (slots_[s].key) order.push_back(s);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return slots_[a].key < slots_[b].key; });
  std::string raw(greedy_ ? kMagicGreedy : kMagic, 8);
  put(raw, static_cast<uint32_t>(kNerTags));
  put(raw, static_cast<uint32_t>(order.size()));
  put(raw, scale_);
  for (uint32_t s : order) {
    const int16_t* w = slots_[s].w.data();
    uint16_t mask = 0;
    for (int t = 0; t < kNerTags; ++t)
      if (w[t]) mask |= static_cast<uint16_t>(1u << t);
    put(raw, slots_[s].key);
    put(raw, mask);
    for (int t = 0; t < kNerTags; ++t)
      if (w[t]) put(raw, w[t]);
  }
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 19);
  if (ZSTD_isError(n)) return Error{path, ZSTD_getErrorName(n)};
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Error{path, "cannot write"};
  f.write(out.data(), static_cast<std::streamsize>(n));
  if (!f) return Error{path, "write failed"};
  return true;
}

void NerTrainer::add(std::vector<NerToken> toks, std::vector<NerAnnot> ann,
                     std::vector<uint8_t> tags) {
  Sentence s;
  s.feats.resize(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    static_features(toks, ann, i, s.feats[i]);
    s.dyn.push_back(dynamic_base(toks[i]));
  }
  s.tags = std::move(tags);
  sents_.push_back(std::move(s));
}

NerModel NerTrainer::train(const NerTrainConfig& cfg,
                           const std::function<void(const std::string&)>& log) const {
  // Exact feature dictionary while training; hashes only in the saved model. A feature is
  // counted where the gold tags use it (min_count pruning).
  std::unordered_map<uint32_t, uint32_t> index;
  std::vector<uint32_t> hashes, counts;
  auto id_of = [&](uint32_t h, bool count) -> uint32_t {
    auto [it, inserted] = index.try_emplace(h, static_cast<uint32_t>(hashes.size()));
    if (inserted) {
      hashes.push_back(h);
      counts.push_back(0);
    }
    if (count) ++counts[it->second];
    return it->second;
  };
  // Per sentence and token: static feature ids, and the previous-tag × word and × shape ids
  // for each previous tag (Viterbi scores every previous tag).
  struct Ids {
    std::vector<std::vector<uint32_t>> stat;
    std::vector<std::array<uint32_t, 2 * kNerTags>> dyn;  // [2 p1] word, [2 p1 + 1] shape
  };
  std::vector<Ids> ids(sents_.size());
  std::array<uint32_t, kNerTags> prev_id{};
  std::array<uint32_t, kPairs> pair_id{};
  for (int p1 = 0; p1 < kNerTags; ++p1)
    for (int p2 = 0; p2 < kNerTags; ++p2) {
      DynamicHashes h = dynamic_hashes(DynamicBase{}, p1, p2);
      if (p2 == 0) prev_id[p1] = id_of(h.prev, false);
      pair_id[p1 * kNerTags + p2] = id_of(h.prev2, false);
    }
  for (size_t s = 0; s < sents_.size(); ++s) {
    const Sentence& sent = sents_[s];
    size_t n = sent.tags.size();
    ids[s].stat.resize(n);
    ids[s].dyn.resize(n);
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t h : sent.feats[i]) ids[s].stat[i].push_back(id_of(h, true));
      int gp1 = i > 0 ? sent.tags[i - 1] : 0, gp2 = i > 1 ? sent.tags[i - 2] : 0;
      for (int p1 = 0; p1 < kNerTags; ++p1) {
        DynamicHashes h = dynamic_hashes(sent.dyn[i], p1, gp2);
        ids[s].dyn[i][2 * p1] = id_of(h.prev_word, p1 == gp1);
        ids[s].dyn[i][2 * p1 + 1] = id_of(h.prev_shape, p1 == gp1);
      }
      ++counts[prev_id[gp1]];
      ++counts[pair_id[gp1 * kNerTags + gp2]];
    }
  }
  const size_t n_feats = hashes.size();
  std::vector<float> w(n_feats * kNerTags, 0.f);
  std::vector<double> u(n_feats * kNerTags, 0.0);
  std::vector<size_t> order(sents_.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(cfg.seed);
  double c = 1;
  std::array<float, kPairs * kNerTags> pair{};
  auto update = [&](uint32_t f, int tag, float delta) {
    w[f * kNerTags + static_cast<size_t>(tag)] += delta;
    u[f * kNerTags + static_cast<size_t>(tag)] += delta * c;
  };
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      const Sentence& sent = sents_[s];
      const Ids& sid = ids[s];
      for (int k = 0; k < kPairs; ++k)
        for (int t = 0; t < kNerTags; ++t)
          pair[static_cast<size_t>(k * kNerTags + t)] = w[pair_id[k] * kNerTags + t];
      auto local = [&](size_t i, float* L) {
        float base[kNerTags] = {};
        for (uint32_t f : sid.stat[i])
          for (int t = 0; t < kNerTags; ++t) base[t] += w[f * kNerTags + t];
        for (int p1 = 0; p1 < kNerTags; ++p1) {
          const float* wp = &w[prev_id[p1] * kNerTags];
          const float* ww = &w[sid.dyn[i][2 * p1] * kNerTags];
          const float* ws = &w[sid.dyn[i][2 * p1 + 1] * kNerTags];
          for (int t = 0; t < kNerTags; ++t) L[p1 * kNerTags + t] = base[t] + wp[t] + ww[t] + ws[t];
        }
      };
      std::vector<uint8_t> pred = viterbi<float>(sent.tags.size(), local, pair.data());
      for (size_t i = 0; i < sent.tags.size(); ++i) {
        int g = sent.tags[i], p = pred[i];
        int g1 = i > 0 ? sent.tags[i - 1] : 0, g2 = i > 1 ? sent.tags[i - 2] : 0;
        int p1 = i > 0 ? pred[i - 1] : 0, p2 = i > 1 ? pred[i - 2] : 0;
        correct += g == p ? 1 : 0;
        ++total;
        if (g != p || g1 != p1 || g2 != p2) {
          if (g != p)
            for (uint32_t f : sid.stat[i]) {
              update(f, g, 1);
              update(f, p, -1);
            }
          for (uint32_t f : {prev_id[g1], pair_id[g1 * kNerTags + g2], sid.dyn[i][2 * g1],
                             sid.dyn[i][2 * g1 + 1]})
            update(f, g, 1);
          for (uint32_t f : {prev_id[p1], pair_id[p1 * kNerTags + p2], sid.dyn[i][2 * p1],
                             sid.dyn[i][2 * p1 + 1]})
            update(f, p, -1);
        }
        c += 1;
      }
    }
    if (log)
      log("epoch " + std::to_string(epoch + 1) + ": train token accuracy " +
          std::to_string(total ? 100.0 * static_cast<double>(correct) / static_cast<double>(total)
                               : 0) +
          "%, features " + std::to_string(hashes.size()));
  }
  // Average, prune, quantise.
  std::vector<float> avg(hashes.size() * kNerTags);
  float max_abs = 0;
  for (size_t k = 0; k < avg.size(); ++k) {
    avg[k] = static_cast<float>(w[k] - u[k] / c);
    max_abs = std::max(max_abs, std::fabs(avg[k]));
  }
  float scale = max_abs > 0 ? max_abs / 32000.f : 1.f;
  std::vector<std::pair<uint32_t, std::array<int16_t, kNerTags>>> rows;
  for (size_t f = 0; f < hashes.size(); ++f) {
    if (counts[f] < static_cast<uint32_t>(cfg.min_count)) continue;
    std::array<int16_t, kNerTags> q{};
    bool any = false;
    for (int t = 0; t < kNerTags; ++t) {
      q[static_cast<size_t>(t)] = static_cast<int16_t>(std::lround(avg[f * kNerTags + t] / scale));
      any |= q[static_cast<size_t>(t)] != 0;
    }
    if (any) rows.emplace_back(hashes[f], q);
  }
  NerModel m;
  m.build(rows, scale);
  return m;
}

}  // namespace recoupe::analyze
