#include "extract/text_line_context.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace recoupe::extract {

std::vector<char> open_lines(const std::vector<LineClass>& hand) {
  const size_t n = hand.size();
  std::vector<char> open(n, 0);
  for (size_t i = 0; i < n; ++i) {
    bool inside = hand[i] == LineClass::kBody && i > 0 && i + 1 < n &&
                  hand[i - 1] == LineClass::kBody && hand[i + 1] == LineClass::kBody;
    bool apart = hand[i] == LineClass::kTitle || hand[i] == LineClass::kMetadata;
    open[i] = !inside && !apart;
  }
  return open;
}

std::vector<float> first_stage_scores(const std::vector<LineClass>& hand,
                                      const std::vector<char>& open, const std::vector<double>& p) {
  std::vector<float> s(hand.size());
  for (size_t i = 0; i < hand.size(); ++i)
    s[i] = open[i] ? static_cast<float>(p[i]) : hand[i] == LineClass::kBody ? 1.0f : 0.0f;
  return s;
}

ContextRows::ContextRows(const std::vector<LineFeatures>& lines, std::vector<float> scores,
                         double body_threshold)
    : scores_(std::move(scores)) {
  constexpr int kFar = 50;  // as far as the first stage's distances go (text_line_model.cc)
  const int n = static_cast<int>(scores_.size());
  body_.resize(n);
  body_chars_above_.resize(n + 1, 0.0);
  for (int i = 0; i < n; ++i) {
    body_[i] = scores_[i] > body_threshold;
    body_chars_above_[i + 1] = body_chars_above_[i] + (body_[i] ? lines[i].chars : 0);
  }
  body_chars_ = std::max(body_chars_above_[n], 1.0);
  body_above_.assign(n, kFar);
  body_below_.assign(n, kFar);
  for (int i = 0, last = -kFar; i < n; ++i) {
    body_above_[i] = std::min(i - last, kFar);
    if (body_[i]) last = i;
  }
  for (int i = n - 1, next = n + kFar; i >= 0; --i) {
    body_below_[i] = std::min(next - i, kFar);
    if (body_[i]) next = i;
  }
}

void ContextRows::row(int i, const float* raw, float* x) const {
  const int n = static_cast<int>(scores_.size());
  // Lines off the page score 0, like the first stage's neighbours of the first line.
  auto at = [&](int j) { return j >= 0 && j < n ? scores_[j] : 0.0f; };
  float sum_before = 0, sum_after = 0, max_before = 0, max_after = 0, low = 1;
  for (int k = 1; k <= kContextWindow; ++k) {
    const float b = at(i - k), a = at(i + k);
    sum_before += b;
    sum_after += a;
    max_before = std::max(max_before, b);
    max_after = std::max(max_after, a);
    low = std::min({low, a, b});
  }
  const float mean_before = sum_before / kContextWindow, mean_after = sum_after / kContextWindow;
  int body_near = body_[i];
  if (i > 0) body_near += body_[i - 1];
  if (i + 1 < n) body_near += body_[i + 1];
  std::copy(raw, raw + kLineRaw, x);
  float* c = x + kLineRaw;
  c[0] = scores_[i];
  c[1] = at(i - 1);
  c[2] = at(i + 1);
  c[3] = at(i - 2);
  c[4] = at(i + 2);
  c[5] = mean_before;
  c[6] = mean_after;
  c[7] = max_before;
  c[8] = max_after;
  c[9] = static_cast<float>(body_chars_above_[i] / body_chars_);
  c[10] = static_cast<float>(1 - body_chars_above_[i + 1] / body_chars_);
  c[11] = std::log1p(static_cast<float>(body_above_[i]));
  c[12] = std::log1p(static_cast<float>(body_below_[i]));
  c[13] = low;
  c[14] = static_cast<float>(body_near);
  c[15] = scores_[i] - (mean_before + mean_after) / 2;
}

}  // namespace recoupe::extract
