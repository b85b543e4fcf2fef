#include "extract/text_line_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "extract/text_classifier.h"

namespace recoupe::extract {
namespace {

void raw_features(const LineFeatures& f, LineClass c, bool in_region, float* r) {
  const double words = std::max(f.words, 1);
  int k = 0;
  r[k++] = c == LineClass::kBody;
  r[k++] = c == LineClass::kTitle;
  r[k++] = c == LineClass::kMetadata;
  r[k++] = in_region;
  r[k++] = static_cast<float>(std::log1p(f.chars));
  r[k++] = static_cast<float>(std::log1p(f.words));
  r[k++] = static_cast<float>(f.stop_words / words);
  r[k++] = static_cast<float>(f.capitalized / words);
  r[k++] = static_cast<float>(f.digits / words);
  r[k++] = f.ends_sentence;
  r[k++] = f.ends_colon;
  r[k++] = f.starts_upper;
  r[k++] = f.starts_quote;
  r[k++] = f.all_caps;
  r[k++] = static_cast<float>(std::min(f.separators, 3));
  r[k++] = f.has_url;
  r[k++] = f.has_copyright;
  r[k++] = f.cue == CueKind::kBoilerplate;
  r[k++] = f.cue == CueKind::kTeaser;
  r[k++] = f.cue == CueKind::kEnd;
  r[k++] = f.meta.kind != CueKind::kNone;
  r[k++] = f.date.has_value();
  r[k++] = f.words >= 8 && f.ends_sentence;
  r[k++] = f.words <= 3;
}

// Raw features of every line, kLineRaw per line.
std::vector<float> all_raw(const std::vector<LineFeatures>& lines, const LineClassification& cls) {
  const int n = static_cast<int>(lines.size());
  std::vector<char> region(n, 0);
  for (auto [b, e] : cls.regions)
    for (int i = std::max(b, 0); i < std::min(e, n); ++i) region[i] = 1;
  std::vector<float> raw(static_cast<size_t>(n) * kLineRaw);
  for (int i = 0; i < n; ++i)
    raw_features(lines[i], cls.classes[i], region[i],
                 raw.data() + static_cast<size_t>(i) * kLineRaw);
  return raw;
}

// `before` / `after`: share of the hand-classified body characters above / below line i.
void assemble(const std::vector<float>& raw, int n, int i, float before, float after, float* x) {
  auto row = [&](int j) { return raw.data() + static_cast<size_t>(j) * kLineRaw; };
  for (int k = 0; k < kLineRaw; ++k) {
    x[k] = row(i)[k];
    x[kLineRaw + k] = i > 0 ? row(i - 1)[k] : 0.f;
    x[2 * kLineRaw + k] = i + 1 < n ? row(i + 1)[k] : 0.f;
    x[3 * kLineRaw + k] = ((i > 1 ? row(i - 2)[k] : 0.f) + (i + 2 < n ? row(i + 2)[k] : 0.f)) / 2;
  }
  float* pos = x + 4 * kLineRaw;
  pos[0] = static_cast<float>(i) / n;
  pos[1] = static_cast<float>(n - i) / n;
  pos[2] = i < 3;
  pos[3] = n - i <= 3;
  pos[4] = before;
  pos[5] = after;
  pos[6] = before < 0.02f;
  pos[7] = after < 0.02f;
}

// Calls f(i, before, after) for each line, in order.
template <class F>
void for_each_line(const std::vector<LineFeatures>& lines, const LineClassification& cls, F f) {
  const int n = static_cast<int>(lines.size());
  double total = 0;
  for (int i = 0; i < n; ++i)
    if (cls.classes[i] == LineClass::kBody) total += lines[i].chars;
  if (total <= 0) total = 1;
  double above = 0;
  for (int i = 0; i < n; ++i) {
    double own = cls.classes[i] == LineClass::kBody ? lines[i].chars : 0;
    f(i, static_cast<float>(above / total), static_cast<float>(1 - (above + own) / total));
    above += own;
  }
}

}  // namespace

std::vector<float> line_model_features(const std::vector<LineFeatures>& lines,
                                       const LineClassification& cls) {
  const int n = static_cast<int>(lines.size());
  std::vector<float> raw = all_raw(lines, cls);
  std::vector<float> out(static_cast<size_t>(n) * kLineModelFeatures);
  for_each_line(lines, cls, [&](int i, float before, float after) {
    assemble(raw, n, i, before, after, out.data() + static_cast<size_t>(i) * kLineModelFeatures);
  });
  return out;
}

TextLineModel TextLineModel::load(const std::string& path) {
  TextLineModel m;
  std::ifstream in(path);
  std::string line;
  std::vector<double> w;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string key;
    double v;
    if (line.rfind("bias ", 0) == 0) {
      ss >> key >> m.bias_;
    } else if (line.rfind("threshold ", 0) == 0) {
      ss >> key >> m.threshold_;
    } else if (line.rfind("demote_below ", 0) == 0) {
      ss >> key >> m.demote_below_;
    } else if (ss >> v) {
      w.push_back(v);
    }
  }
  if (static_cast<int>(w.size()) == kLineModelFeatures) m.weights_ = std::move(w);
  if (m.demote_below_ < 0) m.demote_below_ = m.threshold_;
  return m;
}

std::vector<double> TextLineModel::probabilities(const std::vector<LineFeatures>& lines,
                                                 const LineClassification& cls) const {
  std::vector<double> p(lines.size(), 0.0);
  if (empty()) return p;
  const int n = static_cast<int>(lines.size());
  std::vector<float> raw = all_raw(lines, cls);
  float x[kLineModelFeatures];
  for_each_line(lines, cls, [&](int i, float before, float after) {
    assemble(raw, n, i, before, after, x);
    double z = bias_;
    for (int k = 0; k < kLineModelFeatures; ++k) z += weights_[k] * x[k];
    p[i] = 1.0 / (1.0 + std::exp(-z));
  });
  return p;
}

void TextLineModel::apply(const std::vector<LineFeatures>& lines, LineClassification& cls) const {
  if (empty()) return;
  std::vector<double> p = probabilities(lines, cls);  // from the hand verdicts, before rewriting
  const std::vector<LineClass> hand = cls.classes;
  const size_t n = lines.size();
  for (size_t i = 0; i < n; ++i) {
    // A hand body line between two hand body lines (a subheading, a short sentence inside the
    // article) stays: the model is trained on snippets, which are rarely such lines.
    if (hand[i] == LineClass::kBody && i > 0 && i + 1 < n && hand[i - 1] == LineClass::kBody &&
        hand[i + 1] == LineClass::kBody)
      continue;
    // Titles and metadata are reported apart, never repeated in the body.
    if (cls.classes[i] == LineClass::kTitle || cls.classes[i] == LineClass::kMetadata) continue;
    if (p[i] > threshold_)
      cls.classes[i] = LineClass::kBody;
    else if (cls.classes[i] == LineClass::kBody && p[i] < demote_below_)
      cls.classes[i] = LineClass::kBoilerplate;
  }
}

}  // namespace recoupe::extract
