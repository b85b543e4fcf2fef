#include "eval/rouge.h"

#include <algorithm>
#include <map>

#include "synth/content_words.h"

namespace recoupe::eval {
namespace {

std::vector<std::string> tokens(const std::string& s, const text::Stemmer& stemmer,
                                const text::ElisionRules& elisions, int max_words) {
  std::vector<std::string> out;
  for (auto& w : synth::folded_words(s, elisions)) {
    if (max_words > 0 && static_cast<int>(out.size()) >= max_words) break;
    out.push_back(stemmer.stem(w));
  }
  return out;
}

double f1(double overlap, double cand, double ref) {
  if (overlap <= 0 || cand <= 0 || ref <= 0) return 0;
  double p = overlap / cand, r = overlap / ref;
  return 2 * p * r / (p + r);
}

double ngram_f1(const std::vector<std::string>& c, const std::vector<std::string>& r, size_t n) {
  if (c.size() < n || r.size() < n) return 0;
  std::map<std::vector<std::string>, int> rc;
  for (size_t i = 0; i + n <= r.size(); ++i) ++rc[{r.begin() + i, r.begin() + i + n}];
  int overlap = 0;
  for (size_t i = 0; i + n <= c.size(); ++i) {
    auto it = rc.find({c.begin() + i, c.begin() + i + n});
    if (it != rc.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  return f1(overlap, static_cast<double>(c.size() - n + 1), static_cast<double>(r.size() - n + 1));
}

double lcs_f1(const std::vector<std::string>& c, const std::vector<std::string>& r) {
  if (c.empty() || r.empty()) return 0;
  std::vector<int> prev(r.size() + 1, 0), cur(r.size() + 1, 0);
  for (size_t i = 1; i <= c.size(); ++i) {
    for (size_t j = 1; j <= r.size(); ++j)
      cur[j] = c[i - 1] == r[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  return f1(prev[r.size()], static_cast<double>(c.size()), static_cast<double>(r.size()));
}

}  // namespace

RougeScores rouge(const std::string& candidate, const std::vector<std::string>& references,
                  const text::Stemmer& stemmer, const text::ElisionRules& elisions, int max_words) {
  RougeScores s;
  auto c = tokens(candidate, stemmer, elisions, max_words);
  if (c.empty() || references.empty()) return s;
  for (const auto& ref : references) {
    auto r = tokens(ref, stemmer, elisions, 0);
    s.rouge1 += ngram_f1(c, r, 1);
    s.rouge2 += ngram_f1(c, r, 2);
    s.rougel += lcs_f1(c, r);
  }
  double n = static_cast<double>(references.size());
  s.rouge1 /= n;
  s.rouge2 /= n;
  s.rougel /= n;
  return s;
}

}  // namespace recoupe::eval
