#include "analyze/ner_model.h"

#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <random>
#include <unordered_map>

#include "analyze/gazetteer.h"

namespace recoupe::analyze {
namespace {

constexpr char kMagic[8] = {'R', 'C', 'P', 'N', 'E', 'R', '0', '1'};

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

int best_tag(const int32_t* scores, int prev) {
  int best = 0;
  for (int t = 1; t < kNerTags; ++t)
    if (tag_allowed(prev, t) && scores[t] > scores[best]) best = t;
  return best;
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

std::vector<uint8_t> NerModel::tag(const std::vector<NerToken>& toks,
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
    int t = best_tag(scores, prev);
    tags[i] = static_cast<uint8_t>(t);
    prev2 = prev;
    prev = t;
  }
  return tags;
}

Expected<NerModel> NerModel::load(const std::string& path) {
  auto data = read_zstd_file(path);
  if (!data) return data.error();
  std::string_view in = *data;
  if (in.size() < 20 || std::memcmp(in.data(), kMagic, 8) != 0)
    return Error{path, "not a recoupe NER model (bad magic)"};
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
  return m;
}

Expected<bool> NerModel::save(const std::string& path) const {
  std::vector<uint32_t> order;
  for (uint32_t s = 0; s < slots_.size(); ++s)
    if (slots_[s].key) order.push_back(s);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return slots_[a].key < slots_[b].key; });
  std::string raw(kMagic, 8);
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
  // Exact feature dictionary while training; hashes only in the saved model.
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
  std::vector<std::vector<std::vector<uint32_t>>> static_ids(sents_.size());
  for (size_t s = 0; s < sents_.size(); ++s) {
    static_ids[s].resize(sents_[s].feats.size());
    for (size_t i = 0; i < sents_[s].feats.size(); ++i)
      for (uint32_t h : sents_[s].feats[i]) static_ids[s][i].push_back(id_of(h, true));
  }
  std::vector<float> w;
  std::vector<double> u;
  auto grow = [&] {
    if (w.size() < hashes.size() * kNerTags) {
      w.resize(hashes.size() * 2 * kNerTags, 0.f);
      u.resize(hashes.size() * 2 * kNerTags, 0.0);
    }
  };
  grow();
  std::vector<size_t> order(sents_.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(cfg.seed);
  double c = 1;
  std::vector<uint32_t> dyn_h, ids;
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      const Sentence& sent = sents_[s];
      int prev = 0, prev2 = 0;
      for (size_t i = 0; i < sent.tags.size(); ++i) {
        dyn_h.clear();
        dynamic_features(sent.dyn[i], prev, prev2, dyn_h);
        ids = static_ids[s][i];
        for (uint32_t h : dyn_h) ids.push_back(id_of(h, epoch == 0));
        grow();
        float scores[kNerTags] = {};
        for (uint32_t f : ids)
          for (int t = 0; t < kNerTags; ++t) scores[t] += w[f * kNerTags + t];
        int best = 0;
        for (int t = 1; t < kNerTags; ++t)
          if (tag_allowed(prev, t) && scores[t] > scores[best]) best = t;
        int gold = sent.tags[i];
        if (best != gold) {
          for (uint32_t f : ids) {
            w[f * kNerTags + gold] += 1;
            u[f * kNerTags + gold] += c;
            w[f * kNerTags + best] -= 1;
            u[f * kNerTags + best] -= c;
          }
        } else {
          ++correct;
        }
        ++total;
        c += 1;
        prev2 = prev;
        prev = best;
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
