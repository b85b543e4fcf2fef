// Learned correction of the plain-text line classifier: a logistic regression over each
// line's features, its neighbours' features and the hand-written classifier's own verdict
// (stacking). The hand rules find the body region; the model learns where they err: list
// items and table cells of the body (dropped by the rules) and prose-like blurbs next to it
// (newsletter offers, author boxes, comment-form notices, kept by the rules).
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

// Feature vector layout (must match the training script): kLineRaw features of the line,
// of the previous line, of the next line, the mean of the lines two away, then kLinePos
// position features (place in the page; share of the hand-classified body characters above
// and below the line: blurbs sit where the body has ended).
inline constexpr int kLineRaw = 24;
inline constexpr int kLinePos = 8;
inline constexpr int kLineModelFeatures = 4 * kLineRaw + kLinePos;

// The features of every line, kLineModelFeatures values per line, line after line. `cls` is
// the hand classifier's verdict (before the model). Cost: linear. Thread-safe (pure).
std::vector<float> line_model_features(const std::vector<LineFeatures>& lines,
                                       const LineClassification& cls);

// A loaded model. Immutable after load; thread-safe to share.
class TextLineModel {
 public:
  // Reads `path` ("bias V", "threshold V", "demote_below V", then one weight per line; '#'
  // comments). An
  // unreadable or malformed file gives an empty model (empty() is true), which changes nothing.
  static TextLineModel load(const std::string& path);

  bool empty() const { return weights_.empty(); }

  // Body probability of each line, in order. Cost: linear in the lines.
  std::vector<double> probabilities(const std::vector<LineFeatures>& lines,
                                    const LineClassification& cls) const;

  // Rewrites the body verdicts of `cls`: a line is body when its probability exceeds the
  // threshold; a former body line below demote_below becomes boilerplate; title and metadata
  // verdicts are kept (never body). No-op for an empty model.
  void apply(const std::vector<LineFeatures>& lines, LineClassification& cls) const;

 private:
  std::vector<double> weights_;
  double bias_ = 0;
  double threshold_ = 0.5;
  // A hand body line is demoted only below this probability ("demote_below V"; default: the
  // threshold): losing a real sentence (the lead of an already clean text) costs a reader
  // more than keeping a blurb.
  double demote_below_ = -1;
};

}  // namespace recoupe::extract
