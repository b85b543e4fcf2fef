// The second stage of the plain-text line model: features of a line's neighbourhood of
// first-stage scores. The first stage scores each line from its own features and its
// neighbours'; but whether a short line between two paragraphs, a caption or a teaser after
// the body belongs to the article shows best in what the first stage made of the lines
// around it (a line among confident body lines, the first line after the body has ended).
// The second stage reads the first stage's scores of the lines around each line, where the
// first-stage body ends and starts, and the line's own raw features (stacking; trained on
// out-of-fold first-stage scores by scripts/train_text_line_model.py).
#pragma once

#include <vector>

#include "extract/text_classifier.h"
#include "extract/text_line_model.h"
#include "extract/text_lines.h"

namespace recoupe::extract {

// Row layout: the line's kLineRaw raw features, then kContextScores features of the scores
// around it (its own; the lines next to it and two away; the mean, maximum and minimum over
// kContextWindow lines on either side; share of the first-stage body characters above and
// below; distance to the nearest first-stage body line above and below; the first-stage body
// lines among it and its neighbours; its score against its surroundings').
inline constexpr int kContextWindow = 5;
inline constexpr int kContextScores = 16;
inline constexpr int kContextFeatures = kLineRaw + kContextScores;

// The lines whose verdict the line model may change: neither a title nor metadata (reported
// apart, never in the body), nor a hand body line between two hand body lines (a subheading
// or short sentence inside the article: the model is trained on snippets, which rarely are
// such lines).
std::vector<char> open_lines(const std::vector<LineClass>& hand);

// The first stage's score of each line as the second stage reads it: the probability where
// `open`, else 1 for a hand body line and 0 for a title or metadata line.
std::vector<float> first_stage_scores(const std::vector<LineClass>& hand,
                                      const std::vector<char>& open, const std::vector<double>& p);

// The page-wide parts of the second-stage rows, computed once per page.
class ContextRows {
 public:
  // `scores`: first_stage_scores; a line is first-stage body when its score exceeds
  // `body_threshold`.
  ContextRows(const std::vector<LineFeatures>& lines, std::vector<float> scores,
              double body_threshold);

  // Writes line i's row (kContextFeatures values) to x; `raw` is the line's kLineRaw raw
  // features.
  void row(int i, const float* raw, float* x) const;

 private:
  std::vector<float> scores_;
  std::vector<double> body_chars_above_;      // first-stage body characters in lines [0, i)
  std::vector<int> body_above_, body_below_;  // lines to the nearest body line, capped
  std::vector<char> body_;
  double body_chars_ = 1;
};

}  // namespace recoupe::extract
