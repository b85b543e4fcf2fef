#include "extract/tree_ensemble.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace recoupe::extract {
namespace {

// The largest float not above `t`: for a float x, x > t exactly when x > below(t), so the
// walk compares floats and still takes the branch the trainer's double threshold took.
float float_below(double t) {
  float f = static_cast<float>(t);
  if (static_cast<double>(f) > t) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
  return f;
}

}  // namespace

bool TreeEnsemble::well_formed(const std::vector<Node>& tree, int width) {
  const int n = static_cast<int>(tree.size());
  std::vector<char> parent(n, 0);
  for (int i = 0; i < n; ++i) {
    const auto& node = tree[i];
    if (node.feature < -1 || node.feature >= width) return false;
    if (node.feature < 0) continue;
    if (node.left <= i || node.left >= n || node.right <= i || node.right >= n) return false;
    if (node.left == node.right || parent[node.left]++ || parent[node.right]++) return false;
  }
  return n > 0;
}

void TreeEnsemble::add_tree(const std::vector<Node>& tree) {
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

void TreeEnsemble::add_scores(const float* x, int rows, int width, double* z) const {
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
      const float* xr = x + static_cast<size_t>(r) * width;
      int at[kLanes];
      for (int l = 0; l < kLanes; ++l) at[l] = root;
      for (int d = 0; d < depth_; ++d)
        for (int l = 0; l < kLanes; ++l) at[l] = step(at[l], xr + l * width);
      for (int l = 0; l < kLanes; ++l) z[r + l] += steps[at[l]].value;
    }
    for (; r < rows; ++r) {
      const float* xr = x + static_cast<size_t>(r) * width;
      int at = root;
      for (int d = 0; d < depth_; ++d) at = step(at, xr);
      z[r] += steps[at].value;
    }
  }
}

}  // namespace recoupe::extract
