// Learned correction of the plain-text line classifier: an additive model (gradient-boosted
// decision trees, optionally a linear part) over each line's features, its neighbours' features and
// the hand-written classifier's own verdict (stacking). The hand rules find the body region; the
// model learns where they err: list items and table cells of the body (dropped by the rules) and
// prose-like blurbs next to it (newsletter offers, author boxes, comment-form notices, kept by the
// rules).
//
// The weights are data (data/text/line_model.txt, trained offline on the odd ids of
// trafilatura-eval-text by scripts/train_text_line_model.py, checked on the even ids; see
// data/SOURCE.md). Nothing is trained at run time.
#pragma once

#include <string>
#include <vector>

#include "extract/text_lines.h"

namespace recoupe::extract {

struct LineClassification;

// Feature vector layout (the training script reads the rows as text_bench --features writes
// them): kLineRaw features of the line, of the previous line, of the next line, the mean of
// the lines two away, the means of the kWideWindow lines before and after those, then
// kLinePos position features (place in the page; share of the hand-classified body
// characters above and below the line: blurbs sit where the body has ended; distance to the
// nearest hand body line; length of the run of short lines around it).
inline constexpr int kLineRaw = 28;
inline constexpr int kLineBlocks = 6;
inline constexpr int kWideWindow = 3;
inline constexpr int kLinePos = 12;
inline constexpr int kLineModelFeatures = kLineBlocks * kLineRaw + kLinePos;

// The features of every line, kLineModelFeatures values per line, line after line. `cls` is
// the hand classifier's verdict (before the model). Cost: linear. Thread-safe (pure).
std::vector<float> line_model_features(const std::vector<LineFeatures>& lines,
                                       const LineClassification& cls);

// A loaded model. Immutable after load; thread-safe to share.
class TextLineModel {
 public:
  // A node of a decision tree: a split sends x to `left` when x[feature] <= threshold, else to
  // `right` (indices into the same tree, always after the node); a leaf (feature -1) adds
  // `value` to the score.
  struct Node {
    int feature = -1;
    int left = -1, right = -1;
    double threshold = 0;
    double value = 0;
  };

  // Reads `path`: "bias V", "threshold V", "demote_below V"; then either one weight per line
  // (kLineModelFeatures of them: the linear part) or trees, each a "tree" line followed by its
  // "node FEATURE THRESHOLD LEFT RIGHT VALUE" lines, root first; '#' comments. The score is
  // bias + weights · x + the leaf value of every tree; the probability its logistic. An
  // unreadable or malformed file gives an empty model (empty() is true), which changes nothing.
  static TextLineModel load(const std::string& path);

  bool empty() const { return weights_.empty() && roots_.empty(); }

  // Body probability of each line, in order. Cost: linear in the lines.
  std::vector<double> probabilities(const std::vector<LineFeatures>& lines,
                                    const LineClassification& cls) const;

  // Rewrites the body verdicts of `cls`: a line is body when its probability exceeds the
  // threshold; a former body line below demote_below becomes boilerplate; title and metadata
  // verdicts are kept (never body). No-op for an empty model.
  void apply(const std::vector<LineFeatures>& lines, LineClassification& cls) const;

 private:
  // The log-odds z[r] of each of `rows` feature rows x (kLineModelFeatures values each).
  void scores(const float* x, int rows, double* z) const;

  // The body probability of each line where `wanted`, 0 elsewhere.
  std::vector<double> probabilities_of(const std::vector<LineFeatures>& lines,
                                       const LineClassification& cls,
                                       const std::vector<char>& wanted) const;

  std::vector<double> weights_;
  // A node as walked: x goes to `left` when x[feature] <= threshold, else to left + 1; a leaf
  // leads to itself and carries the value.
  struct Step {
    int feature;
    float threshold;
    int left;
    float value;
  };

  // Appends a tree (as read: root first, children anywhere after their parent) to steps_.
  void add_tree(const std::vector<Node>& tree);

  std::vector<Step> steps_;  // every tree's nodes breadth first
  std::vector<int> roots_;   // where each tree starts in steps_
  int depth_ = 0;            // the deepest leaf's depth over all trees
  double bias_ = 0;
  double threshold_ = 0.5;
  // A hand body line is demoted only below this probability ("demote_below V"; default: the
  // threshold): losing a real sentence (the lead of an already clean text) costs a reader
  // more than keeping a blurb.
  double demote_below_ = -1;
};

}  // namespace recoupe::extract
