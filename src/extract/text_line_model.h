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
#include "extract/tree_ensemble.h"

namespace recoupe::extract {

struct LineClassification;
class ContextRows;

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

// The kLineRaw raw features of every line, line after line (the first kLineRaw values of each
// line_model_features row).
std::vector<float> line_raw_features(const std::vector<LineFeatures>& lines,
                                     const LineClassification& cls);

// The second stage's rows of every line (kContextFeatures values per line, see
// text_line_context.h), given the first stage's probability of every line and the threshold
// above which a line counts as first-stage body. For training: the trainer passes out-of-fold
// first-stage probabilities.
std::vector<float> line_context_features(const std::vector<LineFeatures>& lines,
                                         const LineClassification& cls,
                                         const std::vector<double>& first, double threshold);

// A loaded model. Immutable after load; thread-safe to share.
class TextLineModel {
 public:
  using Node = TreeEnsemble::Node;

  // Reads `path`: "bias V", "threshold V", "demote_below V"; then either one weight per line
  // (kLineModelFeatures of them: the linear part) or trees, each a "tree" line followed by its
  // "node FEATURE THRESHOLD LEFT RIGHT VALUE" lines, root first; '#' comments. The score is
  // bias + weights · x + the leaf value of every tree; the probability its logistic.
  // Optionally a second stage after a "stage context" line: its own "bias V" and trees over
  // the rows of text_line_context.h, which then give the probability instead (bounded by
  // "first_sure V", see first_sure_). An unreadable
  // or malformed file gives an empty model (empty() is true), which changes nothing.
  static TextLineModel load(const std::string& path);

  bool empty() const { return weights_.empty() && first_.empty(); }
  bool has_context_stage() const { return !context_.empty(); }
  double threshold() const { return threshold_; }

  // Body probability of each line, in order (the second stage's when there is one). Cost:
  // linear in the lines.
  std::vector<double> probabilities(const std::vector<LineFeatures>& lines,
                                    const LineClassification& cls) const;

  // Rewrites the body verdicts of `cls`: a line is body when its probability exceeds the
  // threshold; a former body line below demote_below becomes boilerplate; title and metadata
  // verdicts are kept (never body). No-op for an empty model.
  void apply(const std::vector<LineFeatures>& lines, LineClassification& cls) const;

 private:
  // The first stage's log-odds z[r] of each of `rows` feature rows x (kLineModelFeatures
  // values each).
  void scores(const float* x, int rows, double* z) const;

  // The body probability of each line where `wanted`, 0 elsewhere. With `decisions_only`,
  // where the first stage is sure (see first_sure_) the first stage's probability stands in
  // for the bounded one: apply's verdict is the same, and the second stage is not run there.
  std::vector<double> probabilities_of(const std::vector<LineFeatures>& lines,
                                       const LineClassification& cls,
                                       const std::vector<char>& wanted, bool decisions_only) const;
  // The two stages, each where `wanted`; `raw`: line_raw_features.
  std::vector<double> first_stage(const std::vector<LineFeatures>& lines,
                                  const LineClassification& cls, const std::vector<float>& raw,
                                  const std::vector<char>& wanted) const;
  std::vector<double> context_stage(const ContextRows& rows, const std::vector<float>& raw,
                                    const std::vector<char>& wanted) const;

  std::vector<double> weights_;
  TreeEnsemble first_;    // over line_model_features rows
  TreeEnsemble context_;  // over text_line_context.h rows; empty when the file has none
  double context_bias_ = 0;
  double bias_ = 0;
  double threshold_ = 0.5;
  // A hand body line is demoted only below this probability ("demote_below V"; default: the
  // threshold): losing a real sentence (the lead of an already clean text) costs a reader
  // more than keeping a blurb.
  double demote_below_ = -1;
  // With a second stage: where the first stage is sure, its probability below this or above
  // 1 minus this ("first_sure V"; default 0), the second stage may only make it surer (the
  // lower or the higher of the two). The stages learn from snippet lines, which are seldom in
  // the runs of short lines beside an article (archive links, comment lists, share buttons);
  // reading neighbours' middling scores, the second stage alone carried such runs into the
  // body, and it cut sentences of clean wire texts that the first stage kept. It corrects the
  // first stage where that one was unsure.
  double first_sure_ = 0;
};

}  // namespace recoupe::extract
