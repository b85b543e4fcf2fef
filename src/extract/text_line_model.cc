#include "extract/text_line_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <string_view>

#include "extract/text_classifier.h"

namespace recoupe::extract {
namespace {

// log(1 + v) of a count, from a table for the small counts most lines have (std::log1p on
// every feature of every line was a tenth of the model's cost).
float log1p_count(int v) {
  static const std::array<float, 256> table = [] {
    std::array<float, 256> t{};
    for (int i = 0; i < 256; ++i) t[i] = static_cast<float>(std::log1p(i));
    return t;
  }();
  return v >= 0 && v < 256 ? table[v] : static_cast<float>(std::log1p(std::max(v, 0)));
}

// How many times each line's text occurs in the page: lines sorted by hash (texts compared
// only when the hashes are equal), runs of equal texts counted.
std::vector<int> occurrences(const std::vector<LineFeatures>& lines) {
  const int n = static_cast<int>(lines.size());
  std::vector<std::pair<size_t, int>> keyed(n);
  for (int i = 0; i < n; ++i) keyed[i] = {std::hash<std::string_view>{}(lines[i].text), i};
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return lines[a.second].text < lines[b.second].text;
  });
  std::vector<int> count(n, 1);
  for (int b = 0; b < n;) {
    int e = b + 1;
    while (e < n && keyed[e].first == keyed[b].first &&
           lines[keyed[e].second].text == lines[keyed[b].second].text)
      ++e;
    for (int k = b; k < e; ++k) count[keyed[k].second] = e - b;
    b = e;
  }
  return count;
}

// "Read more…", "The minister said that ...": a teaser cut short, not a sentence of the body.
bool ends_with_ellipsis(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ']' || s.back() == ')')) s.remove_suffix(1);
  return s.ends_with("...") || s.ends_with("\xE2\x80\xA6");
}

void raw_features(const LineFeatures& f, LineClass c, bool in_region, float* r) {
  const double words = std::max(f.words, 1);
  int k = 0;
  r[k++] = c == LineClass::kBody;
  r[k++] = c == LineClass::kTitle;
  r[k++] = c == LineClass::kMetadata;
  r[k++] = in_region;
  r[k++] = log1p_count(f.chars);
  r[k++] = log1p_count(f.words);
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
  r[k++] = static_cast<float>(std::min(f.chrome_terms, 3));
  r[k++] = f.reader_words > 0;
  r[k++] = ends_with_ellipsis(f.text);
  r[k++] = 0;  // the line's repeats elsewhere in the page: set by all_raw
}

// Raw features of every line, kLineRaw per line.
std::vector<float> all_raw(const std::vector<LineFeatures>& lines, const LineClassification& cls) {
  const int n = static_cast<int>(lines.size());
  std::vector<char> region(n, 0);
  for (auto [b, e] : cls.regions)
    for (int i = std::max(b, 0); i < std::min(e, n); ++i) region[i] = 1;
  // A line repeated in the page (a menu shown at the top and the bottom, a share button under
  // every photo, a recurring teaser) is page furniture; the body says each thing once.
  const std::vector<int> seen = occurrences(lines);
  std::vector<float> raw(static_cast<size_t>(n) * kLineRaw);
  for (int i = 0; i < n; ++i) {
    float* r = raw.data() + static_cast<size_t>(i) * kLineRaw;
    raw_features(lines[i], cls.classes[i], region[i], r);
    r[kLineRaw - 1] = static_cast<float>(std::min(seen[i] - 1, 3));
  }
  return raw;
}

// Where each line sits among the hand verdicts: lines to the nearest hand body line above and
// below (a blurb sits a few lines off the body, a menu far from it), and the length of the run
// of short lines it belongs to (menus, tag lists and link lists come in runs).
struct LineContext {
  std::vector<int> body_above, body_below, short_run;
};

LineContext line_context(const std::vector<LineFeatures>& lines, const LineClassification& cls) {
  constexpr int kFar = 50;
  constexpr int kShortWords = 6;
  const int n = static_cast<int>(lines.size());
  LineContext c{std::vector<int>(n, kFar), std::vector<int>(n, kFar), std::vector<int>(n, 0)};
  for (int i = 0, last = -kFar; i < n; ++i) {
    c.body_above[i] = std::min(i - last, kFar);
    if (cls.classes[i] == LineClass::kBody) last = i;
  }
  for (int i = n - 1, next = n + kFar; i >= 0; --i) {
    c.body_below[i] = std::min(next - i, kFar);
    if (cls.classes[i] == LineClass::kBody) next = i;
  }
  for (int i = 0; i < n;) {
    int j = i;
    while (j < n && lines[j].words <= kShortWords && !lines[j].ends_sentence) ++j;
    for (int k = i; k < j; ++k) c.short_run[k] = j - i;
    i = std::max(j, i + 1);
  }
  return c;
}

// The feature row of line i. `sums`: prefix sums of the raw rows (n + 1 rows), for the means
// of the wider windows. `before` / `after`: share of the hand-classified body characters
// above / below line i.
void assemble(const std::vector<float>& raw, const std::vector<double>& sums,
              const LineContext& ctx, int n, int i, float before, float after, float* x) {
  auto row = [&](int j) { return raw.data() + static_cast<size_t>(j) * kLineRaw; };
  // Means of the raw rows kWideWindow wide just beyond the lines two away, clipped to the
  // page, over the window's full width (a window cut by the page's edge has zeros there, like
  // the neighbours of the first line).
  constexpr double kPerLine = 1.0 / kWideWindow;
  const double* above_end = sums.data() + static_cast<size_t>(std::clamp(i - 2, 0, n)) * kLineRaw;
  const double* above_begin =
      sums.data() + static_cast<size_t>(std::clamp(i - 2 - kWideWindow, 0, n)) * kLineRaw;
  const double* below_begin = sums.data() + static_cast<size_t>(std::clamp(i + 3, 0, n)) * kLineRaw;
  const double* below_end =
      sums.data() + static_cast<size_t>(std::clamp(i + 3 + kWideWindow, 0, n)) * kLineRaw;
  // Lines off the page read as zeros.
  static constexpr float kNone[kLineRaw] = {};
  auto at = [&](int j) { return j >= 0 && j < n ? row(j) : kNone; };
  const float *self = row(i), *prev = at(i - 1), *next = at(i + 1), *prev2 = at(i - 2),
              *next2 = at(i + 2);
  for (int k = 0; k < kLineRaw; ++k) {
    x[k] = self[k];
    x[kLineRaw + k] = prev[k];
    x[2 * kLineRaw + k] = next[k];
    x[3 * kLineRaw + k] = (prev2[k] + next2[k]) / 2;
    x[4 * kLineRaw + k] = static_cast<float>((above_end[k] - above_begin[k]) * kPerLine);
    x[5 * kLineRaw + k] = static_cast<float>((below_end[k] - below_begin[k]) * kPerLine);
  }
  float* pos = x + kLineBlocks * kLineRaw;
  pos[0] = static_cast<float>(i) / n;
  pos[1] = static_cast<float>(n - i) / n;
  pos[2] = i < 3;
  pos[3] = n - i <= 3;
  pos[4] = before;
  pos[5] = after;
  pos[6] = before < 0.02f;
  pos[7] = after < 0.02f;
  pos[8] = log1p_count(ctx.body_above[i]);
  pos[9] = log1p_count(ctx.body_below[i]);
  pos[10] = log1p_count(ctx.short_run[i]);
  pos[11] = log1p_count(n);
}

// Prefix sums of the raw rows: row j holds the sums of rows [0, j).
std::vector<double> prefix_sums(const std::vector<float>& raw, int n) {
  std::vector<double> sums(static_cast<size_t>(n + 1) * kLineRaw, 0.0);
  for (int j = 0; j < n; ++j)
    for (int k = 0; k < kLineRaw; ++k)
      sums[static_cast<size_t>(j + 1) * kLineRaw + k] =
          sums[static_cast<size_t>(j) * kLineRaw + k] + raw[static_cast<size_t>(j) * kLineRaw + k];
  return sums;
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
  std::vector<double> sums = prefix_sums(raw, n);
  LineContext ctx = line_context(lines, cls);
  std::vector<float> out(static_cast<size_t>(n) * kLineModelFeatures);
  for_each_line(lines, cls, [&](int i, float before, float after) {
    assemble(raw, sums, ctx, n, i, before, after,
             out.data() + static_cast<size_t>(i) * kLineModelFeatures);
  });
  return out;
}

namespace {

// One "node FEATURE THRESHOLD LEFT RIGHT VALUE" line into `tree`; false when malformed.
bool read_node(std::istringstream& ss, std::vector<TextLineModel::Node>& tree) {
  TextLineModel::Node node;
  std::string key;
  if (!(ss >> key >> node.feature >> node.threshold >> node.left >> node.right >> node.value))
    return false;
  if (node.feature < -1 || node.feature >= kLineModelFeatures) return false;
  tree.push_back(node);
  return true;
}

// A tree: not empty, every split's children come after it and inside the tree (no cycles, no
// reads past the end), and no node is the child of two splits.
bool well_formed(const std::vector<TextLineModel::Node>& tree) {
  const int n = static_cast<int>(tree.size());
  std::vector<char> parent(n, 0);
  for (int i = 0; i < n; ++i) {
    const auto& node = tree[i];
    if (node.feature < 0) continue;
    if (node.left <= i || node.left >= n || node.right <= i || node.right >= n) return false;
    if (node.left == node.right || parent[node.left]++ || parent[node.right]++) return false;
  }
  return n > 0;
}

}  // namespace

TextLineModel TextLineModel::load(const std::string& path) {
  TextLineModel m;
  std::ifstream in(path);
  std::string line;
  std::vector<double> w;
  std::vector<std::vector<Node>> trees;
  bool ok = true;
  while (ok && std::getline(in, line)) {
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
    } else if (line == "tree") {
      trees.emplace_back();
    } else if (line.rfind("node ", 0) == 0) {
      ok = !trees.empty() && read_node(ss, trees.back());
    } else if (ss >> v) {
      w.push_back(v);
    } else {
      ok = false;
    }
  }
  for (const auto& tree : trees) ok = ok && well_formed(tree);
  if (!ok || (!w.empty() && static_cast<int>(w.size()) != kLineModelFeatures)) return {};
  m.weights_ = std::move(w);
  for (const auto& tree : trees) m.add_tree(tree);
  if (m.demote_below_ < 0) m.demote_below_ = m.threshold_;
  return m;
}

namespace {

// The largest float not above `t`: for a float x, x > t exactly when x > below(t), so the
// walk compares floats and still takes the branch the trainer's double threshold took.
float float_below(double t) {
  float f = static_cast<float>(t);
  if (static_cast<double>(f) > t) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
  return f;
}

}  // namespace

void TextLineModel::add_tree(const std::vector<Node>& tree) {
  // Breadth first, so that the two children of a split are neighbours (right = left + 1) and
  // a step is an addition, not a branch the processor would have to guess; a leaf becomes a
  // split that leads to itself, so that every tree is walked a fixed number of steps (the
  // deepest leaf's depth) with no test for a leaf.
  const int base = static_cast<int>(steps_.size());
  roots_.push_back(base);
  std::vector<int> order = {0}, depth = {0};
  for (size_t q = 0; q < order.size(); ++q) {
    const Node& node = tree[order[q]];
    Step step;
    if (node.feature >= 0) {
      step = {node.feature, float_below(node.threshold), base + static_cast<int>(order.size()), 0};
      order.push_back(node.left);
      order.push_back(node.right);
      depth.push_back(depth[q] + 1);
      depth.push_back(depth[q] + 1);
    } else {
      depth_ = std::max(depth_, depth[q]);
      step = {0, std::numeric_limits<float>::infinity(), base + static_cast<int>(q),
              static_cast<float>(node.value)};
    }
    steps_.push_back(step);
  }
}

void TextLineModel::scores(const float* x, int rows, double* z) const {
  for (int r = 0; r < rows; ++r) {
    const float* xr = x + static_cast<size_t>(r) * kLineModelFeatures;
    z[r] = bias_;
    for (size_t k = 0; k < weights_.size(); ++k) z[r] += weights_[k] * xr[k];
  }
  // Tree by tree over the rows: the tree stays in cache and the rows' walks, independent of
  // each other, overlap in the processor.
  const Step* steps = steps_.data();
  auto step = [&](int at, const float* xr) {
    return steps[at].left + (xr[steps[at].feature] > steps[at].threshold);
  };
  constexpr int kLanes = 4;  // rows walked in lockstep
  for (int root : roots_) {
    int r = 0;
    for (; r + kLanes <= rows; r += kLanes) {
      const float* xr = x + static_cast<size_t>(r) * kLineModelFeatures;
      int at[kLanes];
      for (int l = 0; l < kLanes; ++l) at[l] = root;
      for (int d = 0; d < depth_; ++d)
        for (int l = 0; l < kLanes; ++l) at[l] = step(at[l], xr + l * kLineModelFeatures);
      for (int l = 0; l < kLanes; ++l) z[r + l] += steps[at[l]].value;
    }
    for (; r < rows; ++r) {
      const float* xr = x + static_cast<size_t>(r) * kLineModelFeatures;
      int at = root;
      for (int d = 0; d < depth_; ++d) at = step(at, xr);
      z[r] += steps[at].value;
    }
  }
}

std::vector<double> TextLineModel::probabilities(const std::vector<LineFeatures>& lines,
                                                 const LineClassification& cls) const {
  return probabilities_of(lines, cls, std::vector<char>(lines.size(), 1));
}

std::vector<double> TextLineModel::probabilities_of(const std::vector<LineFeatures>& lines,
                                                    const LineClassification& cls,
                                                    const std::vector<char>& wanted) const {
  std::vector<double> p(lines.size(), 0.0);
  if (empty()) return p;
  const int n = static_cast<int>(lines.size());
  std::vector<float> raw = all_raw(lines, cls);
  std::vector<double> sums = prefix_sums(raw, n);
  LineContext ctx = line_context(lines, cls);
  // Rows are scored in blocks: small enough to stay in cache, large enough for the walks of
  // the trees to overlap.
  constexpr int kBlock = 32;
  std::vector<float> x(static_cast<size_t>(kBlock) * kLineModelFeatures);
  int rows[kBlock];
  double z[kBlock];
  int filled = 0;
  auto flush = [&] {
    scores(x.data(), filled, z);
    for (int r = 0; r < filled; ++r) p[rows[r]] = 1.0 / (1.0 + std::exp(-z[r]));
    filled = 0;
  };
  for_each_line(lines, cls, [&](int i, float before, float after) {
    if (!wanted[i]) return;
    assemble(raw, sums, ctx, n, i, before, after,
             x.data() + static_cast<size_t>(filled) * kLineModelFeatures);
    rows[filled++] = i;
    if (filled == kBlock) flush();
  });
  if (filled > 0) flush();
  return p;
}

void TextLineModel::apply(const std::vector<LineFeatures>& lines, LineClassification& cls) const {
  if (empty()) return;
  const std::vector<LineClass>& hand = cls.classes;
  const size_t n = lines.size();
  // Which verdicts the model may change (only those lines are scored: the trees are the
  // cleaner's largest cost).
  std::vector<char> open(n, 0);
  for (size_t i = 0; i < n; ++i) {
    // A hand body line between two hand body lines (a subheading, a short sentence inside the
    // article) stays: the model is trained on snippets, which are rarely such lines.
    bool inside = hand[i] == LineClass::kBody && i > 0 && i + 1 < n &&
                  hand[i - 1] == LineClass::kBody && hand[i + 1] == LineClass::kBody;
    // Titles and metadata are reported apart, never repeated in the body.
    bool apart = hand[i] == LineClass::kTitle || hand[i] == LineClass::kMetadata;
    open[i] = !inside && !apart;
  }
  // From the hand verdicts, before rewriting.
  std::vector<double> p = probabilities_of(lines, cls, open);
  for (size_t i = 0; i < n; ++i) {
    if (!open[i]) continue;
    // A line with a boilerplate, teaser or end cue ("Lire aussi…", "Related articles") is
    // never made body: its words say what it is, whatever its shape (5-fold cross-validation
    // on the odd ids: precision .881 -> .882, recall .891 -> .890).
    const CueKind cue = lines[i].cue;
    const bool cued =
        cue == CueKind::kBoilerplate || cue == CueKind::kTeaser || cue == CueKind::kEnd;
    if (p[i] > threshold_ && !cued)
      cls.classes[i] = LineClass::kBody;
    else if (cls.classes[i] == LineClass::kBody && p[i] < demote_below_)
      cls.classes[i] = LineClass::kBoilerplate;
  }
}

}  // namespace recoupe::extract
