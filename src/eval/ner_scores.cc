#include "eval/ner_scores.h"

#include <fmt/format.h>

#include "analyze/ner_corpus.h"

namespace recoupe::eval {
namespace {

constexpr const char* kTypeNames[] = {"PER", "LOC", "ORG", "MISC"};

size_t sum(const std::array<size_t, analyze::kNerTypes>& a, int type) {
  if (type >= 0) return a[static_cast<size_t>(type)];
  size_t s = 0;
  for (size_t v : a) s += v;
  return s;
}

}  // namespace

void SpanCounts::add(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& predicted) {
  std::vector<analyze::TagSpan> g = analyze::tag_spans(gold), p = analyze::tag_spans(predicted);
  size_t a = 0;
  for (const analyze::TagSpan& s : p) {
    while (a < g.size() && g[a].begin < s.begin) ++a;
    if (a < g.size() && g[a] == s)
      ++tp[s.type];
    else
      ++fp[s.type];
  }
  size_t b = 0;
  for (const analyze::TagSpan& s : g) {
    while (b < p.size() && p[b].begin < s.begin) ++b;
    if (!(b < p.size() && p[b] == s)) ++fn[s.type];
  }
}

void SpanCounts::add(const SpanCounts& o) {
  for (int t = 0; t < analyze::kNerTypes; ++t) {
    tp[t] += o.tp[t];
    fp[t] += o.fp[t];
    fn[t] += o.fn[t];
  }
}

double SpanCounts::precision(int type) const {
  double d = static_cast<double>(sum(tp, type) + sum(fp, type));
  return d > 0 ? static_cast<double>(sum(tp, type)) / d : 0.0;
}
double SpanCounts::recall(int type) const {
  double d = static_cast<double>(sum(tp, type) + sum(fn, type));
  return d > 0 ? static_cast<double>(sum(tp, type)) / d : 0.0;
}
double SpanCounts::f1(int type) const {
  double p = precision(type), r = recall(type);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
size_t SpanCounts::gold(int type) const { return sum(tp, type) + sum(fn, type); }

nlohmann::json ner_json(const std::vector<NerCorpusScores>& results) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json j{{"corpus", r.corpus},
                     {"lang", r.lang},
                     {"method", r.method},
                     {"tokens", r.tokens},
                     {"tokens_per_second", r.tokens_per_second()}};
    for (auto [key, counts] : {std::pair{"model", &r.model}, std::pair{"baseline", &r.baseline}}) {
      nlohmann::json m;
      for (int t = -1; t < analyze::kNerTypes; ++t) {
        std::string type = t < 0 ? "all" : kTypeNames[t];
        m[type] = {{"precision", counts->precision(t)},
                   {"recall", counts->recall(t)},
                   {"f1", counts->f1(t)},
                   {"gold", counts->gold(t)}};
      }
      j[key] = m;
    }
    out.push_back(j);
  }
  return out;
}

std::string ner_text(const std::vector<NerCorpusScores>& results) {
  std::string out =
      fmt::format("{:<11} {:<4} {:<5} {:<5} {:>6}  {:<17} {:<17} {}\n", "corpus", "lang", "tagger",
                  "type", "gold", "model P/R/F1", "baseline P/R/F1", "tokens/s");
  for (const auto& r : results) {
    for (int t = -1; t < analyze::kNerTypes; ++t) {
      if (t >= 0 && r.model.gold(t) == 0) continue;
      auto prf = [&](const SpanCounts& c) {
        return fmt::format("{:4.1f}/{:4.1f}/{:4.1f}", 100 * c.precision(t), 100 * c.recall(t),
                           100 * c.f1(t));
      };
      out +=
          fmt::format("{:<11} {:<4} {:<6} {:<5} {:>6}  {:<17} {:<17} {}\n", r.corpus, r.lang,
                      r.method, t < 0 ? "all" : kTypeNames[t], r.model.gold(t), prf(r.model),
                      prf(r.baseline), t < 0 ? fmt::format("{:.0f}", r.tokens_per_second()) : "");
    }
  }
  return out;
}

}  // namespace recoupe::eval
