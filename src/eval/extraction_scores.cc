#include "eval/extraction_scores.h"

#include <algorithm>
#include <unordered_map>

#include <unicode/unistr.h>

namespace recoupe::eval {
namespace {

Prf make_prf(double p, double r) { return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0}; }

// Python's str.split(): runs of ASCII whitespace. Unicode spaces inside tokens stay.
std::string norm_ws(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

Prf SnippetCounts::prf() const {
  double p = static_cast<double>(tp) / std::max(1L, tp + fp);
  double r = static_cast<double>(tp) / std::max(1L, tp + fn);
  return make_prf(p, r);
}

double SnippetCounts::accuracy() const {
  long all = tp + fn + tn + fp;
  return all ? static_cast<double>(tp + tn) / all : 0.0;
}

SnippetCounts score_snippets(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without) {
  SnippetCounts c;
  std::string text = norm_ws(extracted);
  for (const auto& s : with) {
    if (text.find(norm_ws(s)) != std::string::npos)
      ++c.tp;
    else
      ++c.fn;
  }
  for (const auto& s : without) {
    if (text.find(norm_ws(s)) != std::string::npos)
      ++c.fp;
    else
      ++c.tn;
  }
  return c;
}

SnippetMisses snippet_misses(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without) {
  SnippetMisses m;
  std::string text = norm_ws(extracted);
  for (const auto& s : with)
    if (text.find(norm_ws(s)) == std::string::npos) m.missed.push_back(s);
  for (const auto& s : without)
    if (text.find(norm_ws(s)) != std::string::npos) m.kept.push_back(s);
  return m;
}

Prf token_prf(std::string_view extracted, std::string_view gold) {
  auto bag = [](std::string_view s) {
    std::unordered_map<std::string, long> counts;
    std::string t = norm_ws(s);
    size_t start = 0;
    while (start < t.size()) {
      size_t sp = t.find(' ', start);
      if (sp == std::string::npos) sp = t.size();
      std::string_view token = std::string_view(t).substr(start, sp - start);
      std::string folded;
      icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), token.size()))
          .foldCase()
          .toUTF8String(folded);
      ++counts[folded];
      start = sp + 1;
    }
    return counts;
  };
  auto p = bag(extracted), g = bag(gold);
  if (p.empty() && g.empty()) return {1.0, 1.0, 1.0};
  long inter = 0, np = 0, ng = 0;
  for (const auto& [w, n] : p) {
    np += n;
    if (auto it = g.find(w); it != g.end()) inter += std::min(n, it->second);
  }
  for (const auto& [w, n] : g) ng += n;
  return make_prf(static_cast<double>(inter) / std::max(1L, np),
                  static_cast<double>(inter) / std::max(1L, ng));
}

}  // namespace recoupe::eval
