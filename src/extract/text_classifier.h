// Line classifier of a scraped plain text: body / title / metadata / boilerplate.
//
// How: each line gets a prose verdict from its features (length, end punctuation, stop-word
// ratio); the main body region is the run of lines with the highest sum of prose gain minus
// non-prose penalty (maximum-sum segment, so that subheadings and captions inside an article
// are bridged while menus, teaser lists and comment blocks outside it are not). Inside the
// region, short lines are admitted by context (a subheading before prose, a short sentence
// between prose lines); cue lines (data/<lang>/boilerplate_cues.txt) and metadata lines are
// never body. The title is looked for just above the region.
#pragma once

#include <vector>

#include "extract/text_lines.h"

namespace recoupe::extract {

enum class LineClass { kBody, kTitle, kMetadata, kBoilerplate };

// Tuning of the classifier. Units are words, characters or ratios; defaults were set on the
// odd half of trafilatura-eval-text and checked on the even half (see bench/README.md).
struct TextCleanerConfig {
  // A prose line: a sentence of at least this many words with end punctuation…
  int prose_min_words = 8;
  // …or a line this long even without end punctuation (a lead that lost its full stop).
  int prose_long_words = 25;
  // Minimum share of stop words in a prose line (menus and titles lists have few). Ignored
  // when the document as a whole has almost no stop words (a language we have no list for).
  double prose_min_stop_ratio = 0.15;
  // Below this document-wide stop-word ratio, stop words are not used at all.
  double doc_min_stop_ratio = 0.04;
  // Region score: a prose line gains its length in characters, capped here (one huge line
  // must not drag the region across a comment block).
  int gain_cap_chars = 800;
  // A non-prose line costs this many characters plus `penalty_per_char` of its own length.
  double penalty_base = 35;
  double penalty_per_char = 0.5;
  // Secondary regions: another run of prose separated from the main one is kept when its
  // score reaches this share of the main region's score.
  double secondary_region_share = 0.2;
  // …and at least this many characters of score.
  double secondary_region_min_chars = 150;
  // Admit every non-boilerplate line inside a region (lists, table rows, short lines).
  bool admit_all_inside = false;
  // No secondary region after an end cue ("Comments", "Related articles") that follows the
  // main region.
  bool end_cue_closes = true;
  // Short lines inside the region: a subheading has at most this many words.
  int subheading_max_words = 20;
  // After a teaser cue, a prose-looking line longer than this ends the teaser list.
  int teaser_max_words = 20;
  // Metadata lines (bylines, source lines, credits) have at most this many words.
  int metadata_max_words = 14;
  // A line with a full date and no end punctuation is a date line up to this many words.
  int dated_line_max_words = 10;
  // A caption with a © credit has at most this many words.
  int caption_max_words = 45;
  // A text whose every line is a sentence of at least this many words, without cues, menus,
  // links or metadata, is already clean and kept whole.
  int clean_line_min_words = 4;
  // Title: the headline has this many words at least / at most…
  int title_min_words = 3;
  int title_max_words = 30;
  // …and is among the lines this far above the body region.
  int title_window_lines = 8;
  // …and at least this share of its content words occurs in the first body lines…
  double title_min_overlap = 0.6;
  // …counting this many body lines (all of them by default: headlines name what the whole
  // article is about, not always in its first lines).
  int title_body_lines = 1000;
  // A chrome blurb (newsletter offer, cookie or comment-policy notice, affiliate disclosure):
  // a line of at most this many words with at least `chrome_min_terms` distinct chrome terms
  // (data/<lang>/chrome_words.txt), or one term and a word addressing the reader. Never body,
  // whatever the region and the line model say; a line with a quotation mark never is one.
  int chrome_max_words = 40;
  int chrome_min_terms = 2;
  // A note about the writer after the article ("Jane Doe is a senior editor at …", "Max Muster
  // leitet das Ressort …"): a name of one to four capitalised words, an author verb and a role
  // noun among its first words (data/<lang>/author_note_words.txt), in a line of at most this
  // many words…
  int author_note_max_words = 80;
  // …with at most this many characters of body after it. Never body.
  int author_note_tail_chars = 600;
  // Body lines above the one opening on a dateline ("WASHINGTON — …") are a caption, a kicker
  // or a summary over the article when each has at most this many words: never body.
  int above_dateline_max_words = 60;
  // A photo credit closing a caption ("… im Steinheimer Becken. Foto: EnBW", "(Photo: AFP)")
  // has at most this many words after its cue.
  int credit_max_words = 8;
  // Correct the verdicts with the learned line model (TextCues::line_model) when it is loaded.
  bool use_line_model = true;
};

// The verdicts for `lines`, in order, and where the title and body are.
struct LineClassification {
  std::vector<LineClass> classes;
  int title_line = -1;    // index into lines, -1 when none
  int region_begin = -1;  // body regions span [begin, end), -1 when no prose at all
  int region_end = -1;
  std::vector<std::pair<int, int>> regions;  // the body regions [begin, end), in order
};

// Classifies every line. Never fails: a text without prose gives no body lines. Cost: linear
// in the number of lines. Thread-safe (pure).
LineClassification classify_lines(const std::vector<LineFeatures>& lines, const TextCues& cues,
                                  const TextCleanerConfig& config = {});

// True when `f` is a prose line under `config` (exposed for tests). `use_stop_words` is false
// for a language without a stop-word list.
bool is_prose(const LineFeatures& f, const TextCleanerConfig& config, bool use_stop_words = true);

// True when `f` is a chrome blurb under `config` (see TextCleanerConfig::chrome_max_words).
bool is_chrome_line(const LineFeatures& f, const TextCleanerConfig& config = {});

// True when `f` reads as a note about the writer (see TextCleanerConfig::author_note_max_words;
// the position rule is classify_lines').
bool is_author_note(const LineFeatures& f, const TextCues& cues,
                    const TextCleanerConfig& config = {});

// True when `f` ends with a photo credit or a source after a sentence or in brackets
// ("… Foto: Galli/Malteser", "… (Bild: Kantonspolizei)", "… (Image credit: X)"): a caption.
bool ends_with_credit(const LineFeatures& f, const TextCues& cues,
                      const TextCleanerConfig& config = {});

// The metadata verdict of one line alone: byline, date line, source/credit line, a caption
// closed by a credit, "X avec AFP".
bool is_metadata_line(const LineFeatures& f, const TextCues& cues,
                      const TextCleanerConfig& config = {});

}  // namespace recoupe::extract
