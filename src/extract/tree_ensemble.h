// An additive ensemble of decision trees (gradient boosting), walked over rows of float
// features: the score of a row is the bias plus the leaf value each tree sends it to. Used by
// the plain-text line model for both of its stages (text_line_model.h).
#pragma once

#include <vector>

namespace recoupe::extract {

class TreeEnsemble {
 public:
  // A node of a decision tree as written by the trainer: a split sends x to `left` when
  // x[feature] <= threshold, else to `right` (indices into the same tree, always after the
  // node); a leaf (feature -1) adds `value` to the score.
  struct Node {
    int feature = -1;
    int left = -1, right = -1;
    double threshold = 0;
    double value = 0;
  };

  // True when `tree` is walkable on rows of `width` features: not empty, every split's
  // children come after it and inside the tree (no cycles, no reads past the end), no node is
  // the child of two splits, every feature index is below `width`.
  static bool well_formed(const std::vector<Node>& tree, int width);

  // Appends a tree (root first; check it with well_formed first).
  void add_tree(const std::vector<Node>& tree);

  bool empty() const { return roots_.empty(); }
  int trees() const { return static_cast<int>(roots_.size()); }

  // Adds each tree's leaf value to z[r] for each of `rows` rows of `width` floats at x.
  void add_scores(const float* x, int rows, int width, double* z) const;

 private:
  // A node as walked: x goes to `left` when x[feature] <= threshold, else to left + 1; a leaf
  // leads to itself and carries the value.
  struct Step {
    int feature;
    float threshold;
    int left;
    float value;
  };

  std::vector<Step> steps_;  // every tree's nodes breadth first
  std::vector<int> roots_;   // where each tree starts in steps_
  int depth_ = 0;            // the deepest leaf's depth over all trees
};

}  // namespace recoupe::extract
