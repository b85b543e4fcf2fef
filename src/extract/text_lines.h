// Per-line features of a scraped plain text: what the line classifier looks at.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/date_line.h"
#include "extract/text_cues.h"

namespace recoupe::extract {

// Features of one non-empty line (whitespace collapsed). Plain data.
struct LineFeatures {
  std::string text;    // the line, whitespace collapsed
  std::string folded;  // text::fold of its first ~120 bytes (cue matching)
  int chars = 0;       // code points
  int words = 0;
  int stop_words = 0;             // words in a stop-word list of a loaded language
  int capitalized = 0;            // words starting with an upper-case letter
  int digits = 0;                 // words starting with a digit
  bool ends_sentence = false;     // last visible char is . ! ? … (before closing quotes)
  bool ends_colon = false;        // last visible char is ':'
  bool runs_on = false;           // ends on "," or a TextCues::continuation_word
  bool starts_upper = false;      // first letter is upper case
  bool starts_quote = false;      // « " “ „ — a quotation or a dialogue line
  bool all_caps = false;          // at least 2 letters, none lower case
  int separators = 0;             // standalone | / • · » > tokens: menus, breadcrumbs
  bool has_url = false;           // http://, www., or a host name
  bool has_copyright = false;     // ©
  int chrome_terms = 0;           // distinct page-chrome terms (TextCues::chrome_term)
  int reader_words = 0;           // words addressing the reader (TextCues::reader_word)
  CueKind cue = CueKind::kNone;   // boilerplate cue (TextCues::boilerplate)
  CueMatch meta;                  // metadata cue at the start (TextCues::metadata)
  std::optional<DateMatch> date;  // computed on short lines and metadata lines only
  size_t cut_bytes = 0;           // bytes of the input line left out past the length limit

  double stop_ratio() const { return words ? static_cast<double>(stop_words) / words : 0.0; }
};

// Splits `text` into non-empty lines (whitespace collapsed) and computes their features.
// A line longer than `max_line_bytes` (one paragraph of 1 MiB: no article has one) is cut
// after its last sentence end within the limit (else its last space), and its
// LineFeatures::cut_bytes says how much was left out. Cost: linear in the text, one pass over
// each line's words; thread-safe.
inline constexpr size_t kMaxLineBytes = size_t{1} << 20;
std::vector<LineFeatures> line_features(std::string_view text, const TextCues& cues,
                                        size_t max_line_bytes = kMaxLineBytes);

// Features of one already-collapsed line (exposed for tests).
LineFeatures features_of(std::string line, const TextCues& cues);

}  // namespace recoupe::extract
